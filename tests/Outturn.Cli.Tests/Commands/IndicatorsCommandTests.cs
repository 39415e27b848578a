using System.Globalization;
using System.Text.Json;

using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class IndicatorsCommandTests
{
    [Fact]
    public void Demo_PrintsTheNationalIndicatorsForMarch2025()
    {
        var run = CliRun.Of("indicators", "--demo");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "indicators-demo.txt");
    }

    [Fact]
    public void Csv_GivesNumeratorsDenominatorsAndValues()
    {
        var run = CliRun.Of("indicators", "--demo", "--month", "2024-11", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "indicators-demo-2024-11.csv");
    }

    [Fact]
    public void Measures_FlowIntoTheScorecard()
    {
        var measures = Path.Combine(Path.GetTempPath(), $"outturn-measures-{Guid.NewGuid():N}.csv");
        var catalogue = Path.Combine(Path.GetTempPath(), $"outturn-catalogue-{Guid.NewGuid():N}.csv");
        var targets = Path.Combine(Path.GetTempPath(), $"outturn-targets-{Guid.NewGuid():N}.csv");
        try
        {
            // Given the child-level figures written as the scorecard's files, and a target
            CliRun.Of("indicators", "--demo", "--format", "measures", "-o", measures).ExitCode.ShouldBe(0);
            CliRun.Of("indicators", "catalogue", "-o", catalogue).ExitCode.ShouldBe(0);
            File.WriteAllText(targets, "indicator,year,green,amber\nassess-45wd,2024-25,90,82\n");

            // When the scorecard reads them
            var run = CliRun.Of("scorecard", "--catalogue", catalogue, "--targets", targets, "--measures", measures, "--month", "2025-03", "--format", "json");

            // Then the year to date is the year's assessments in time over all of the year's assessments, rated
            // against the target
            run.ExitCode.ShouldBe(0, run.Error);
            var months = File.ReadAllLines(measures).Skip(1).Select(l => l.Split(','))
                .Where(f => f[0] == "assess-45wd" && string.CompareOrdinal(f[1], "2024-04") >= 0 && string.CompareOrdinal(f[1], "2025-03") <= 0).ToList();
            months.Count.ShouldBe(12);
            var expected = 100m * months.Sum(f => decimal.Parse(f[3], CultureInfo.InvariantCulture)) / months.Sum(f => decimal.Parse(f[4], CultureInfo.InvariantCulture));
            var row = JsonDocument.Parse(run.Output).RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "assess-45wd");
            var year = row.GetProperty("year").GetProperty("value").GetDecimal();
            year.ShouldBe(expected, 0.0000001m);
            row.GetProperty("ragYear").GetString().ShouldBe(Math.Round(year, 1) >= 90 ? "green" : Math.Round(year, 1) >= 82 ? "amber" : "red");
        }
        finally
        {
            File.Delete(measures);
            File.Delete(catalogue);
            File.Delete(targets);
        }
    }

    [Fact]
    public void Children_ListsTheCasesOutsideTheNumeratorAndLogsWhoSawThem()
    {
        var log = Path.Combine(Path.GetTempPath(), $"outturn-audit-{Guid.NewGuid():N}.log");
        try
        {
            var run = CliRun.With(OutturnCli.SettingsFromEnvironment() with { AccessLog = log }, "children", "icpc-15wd", "--demo", "--outside", "--format", "csv");

            run.ExitCode.ShouldBe(0, run.Error);
            Snapshot.Match(run.Output, "children-icpc-outside.csv");
            var entry = JsonDocument.Parse(File.ReadAllLines(log).Single()).RootElement;
            entry.GetProperty("purpose").GetString().ShouldBe("children icpc-15wd 2025-03");
            entry.GetProperty("user").GetString().ShouldBe(Environment.UserName);
            var shown = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Distinct().Order(StringComparer.Ordinal);
            entry.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ShouldBe(shown);
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Theory]
    [InlineData("/dev/null", "is not kept")]
    [InlineData("/proc/outturn-cannot-be-here/access.log", "cannot be written")]
    [InlineData("{folder}", "it is a folder")]
    public void Children_AreNotListedWhenTheAccessLogCannotKeepTheRecord(string log, string why)
    {
        var folder = Directory.CreateTempSubdirectory("outturn-audit-").FullName;
        try
        {
            var path = log.Replace("{folder}", folder, StringComparison.Ordinal);
            var run = CliRun.With(OutturnCli.SettingsFromEnvironment() with { AccessLog = path }, "children", "icpc-15wd", "--demo", "--outside", "--format", "csv");

            run.ExitCode.ShouldBe(OutturnCli.AccessLogErrorExit);
            run.Output.ShouldBeEmpty(); // no child shown
            run.Error.ShouldContain($"The access log {path} cannot be written");
            run.Error.ShouldContain(why);
            run.Error.ShouldContain("No child was shown.");
            run.Error.ShouldNotContain("   at "); // a message, not a stack trace
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Indicators_SayWhatStackingTheYearsRepairedAndRepairsListsThemLoggingWhoSawThem()
    {
        var log = Path.Combine(Path.GetTempPath(), $"outturn-audit-{Guid.NewGuid():N}.log");
        try
        {
            var settings = OutturnCli.SettingsFromEnvironment() with { AccessLog = log };
            var figures = CliRun.With(settings, "indicators", "--demo", "--format", "csv");
            var repairs = CliRun.With(settings, "indicators", "--demo", "--repairs", "--format", "csv");

            figures.ExitCode.ShouldBe(0, figures.Error);
            repairs.ExitCode.ShouldBe(0, repairs.Error);
            var rows = repairs.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
            var kept = rows.Count(r => r[2] is "repeated" or "updated");
            var updated = rows.Count(r => r[2] == "updated");
            kept.ShouldBeGreaterThan(0);
            figures.Error.ShouldBe($"Stacking the SSDA903 years: {kept:N0} episode(s) returned again in a later year were kept once ({updated:N0} as the later return gave them). List them with --repairs.\n");
            Snapshot.Match(string.Join('\n', repairs.Output.Split('\n').Take(12)) + "\n", "indicators-demo-repairs-head.csv");
            var entry = JsonDocument.Parse(File.ReadAllLines(log).Single()).RootElement;
            entry.GetProperty("purpose").GetString().ShouldBe("repairs SSDA903");
            entry.GetProperty("children").EnumerateArray().Select(c => c.GetString()).ShouldBe(rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public void Children_ConcernListsTheCasesThatCountAgainstTheFigureWithWhoHoldsThem()
    {
        // Plans of 2 years or more (low is good): the numerator; assessments (high is good): those outside it
        var plans = CliRun.Of("children", "cpp-2yrs", "--demo", "--concern", "--format", "csv");
        var figure = CliRun.Of("indicators", "--demo", "--format", "csv").Output.Split('\n').Single(l => l.StartsWith("cpp-2yrs,", StringComparison.Ordinal)).Split(',');

        plans.ExitCode.ShouldBe(0, plans.Error);
        var rows = plans.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(int.Parse(figure[7], CultureInfo.InvariantCulture)); // the numerator
        rows.ShouldAllBe(r => r[1] == "yes" && r[4].Length > 0 && r[5].Length > 0); // in the numerator, with team and worker
        CliRun.Of("children", "assess-45wd", "--demo", "--concern", "--format", "csv").Output
            .ShouldBe(CliRun.Of("children", "assess-45wd", "--demo", "--outside", "--format", "csv").Output);
    }

    [Fact]
    public void Children_ConcernIsRefusedWhereNoCaseCountsAgainstTheFigure()
    {
        var activity = CliRun.Of("children", "cla-rate", "--demo", "--concern");
        activity.ExitCode.ShouldBe(1);
        activity.Error.ShouldBe("cla-rate is an activity measure: no case counts against it, so --concern has nothing to choose.\n");

        CliRun.Of("children", "cpp-2yrs", "--demo", "--concern", "--outside").Error.ShouldBe("--concern and --outside choose different cases: give one.\n");
    }

    [Fact]
    public void Children_ByTeamGivesEachTeamsFigureWithoutShowingAChild()
    {
        var run = CliRun.Of("children", "assess-45wd", "--demo", "--by", "team", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "children-assess-by-team.csv");
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var march = CliRun.Of("indicators", "--demo", "--format", "csv").Output.Split('\n').Single(l => l.StartsWith("assess-45wd,", StringComparison.Ordinal)).Split(',');
        (rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)), rows.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)))
            .ShouldBe((int.Parse(march[7], CultureInfo.InvariantCulture), int.Parse(march[8], CultureInfo.InvariantCulture))); // the March figure (numerator, denominator), split
    }

    [Fact]
    public void Children_ByTeam_ARatePerTenThousandChildren_IsEachTeamsShareInTheFiguresUnit()
    {
        // A team holds no population of its own: its children over the authority's population, so the teams add up
        // to the authority's rate per 10,000 (not 10,000 per 10,000, each team's cases over themselves)
        var table = CliRun.Of("children", "cp-rate", "--demo", "--by", "team");
        var csv = CliRun.Of("children", "cp-rate", "--demo", "--by", "team", "--format", "csv");

        table.ExitCode.ShouldBe(0, table.Error);
        Snapshot.Match(table.Output, "children-cp-rate-by-team.txt");
        var rows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var march = CliRun.Of("indicators", "--demo", "--format", "csv").Output.Split('\n').Single(l => l.StartsWith("cp-rate,", StringComparison.Ordinal)).Split(',');
        // (the name is quoted and holds a comma: numerator, denominator and value counted from the end)
        var (numerator, population) = (decimal.Parse(march[^6], CultureInfo.InvariantCulture), decimal.Parse(march[^5], CultureInfo.InvariantCulture));
        rows.Sum(r => decimal.Parse(r[1], CultureInfo.InvariantCulture)).ShouldBe(numerator);
        rows.ShouldAllBe(r => decimal.Parse(r[2], CultureInfo.InvariantCulture) == population);
        var shares = table.Output.Split('\n').Where(l => l.Contains("Protection Team", StringComparison.Ordinal)).Select(l => decimal.Parse(l.Split('│')[^2].Trim(), CultureInfo.InvariantCulture)).ToList();
        shares.Count.ShouldBe(rows.Count);
        shares.Sum().ShouldBe(decimal.Parse(march[^4], CultureInfo.InvariantCulture), 0.05m * rows.Count); // the rate, each share rounded to 0.1
    }

    [Fact]
    public void ScorecardFormat_IsTheScorecardCommandsTable_RatedAgainstTheDemoTargets_AndFitsTheWidth()
    {
        var folder = Directory.CreateTempSubdirectory("outturn-indicators-scorecard-").FullName;
        try
        {
            var measures = Path.Combine(folder, "measures.csv");
            var catalogue = Path.Combine(folder, "catalogue.csv");
            CliRun.Of("indicators", "--demo", "--format", "measures", "-o", measures).ExitCode.ShouldBe(0);
            CliRun.Of("indicators", "catalogue", "-o", catalogue).ExitCode.ShouldBe(0);
            var targets = Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv");

            var run = CliRun.Of("indicators", "--demo", "--format", "scorecard", "--width", "100");
            var scorecard = CliRun.Of("scorecard", "--catalogue", catalogue, "--targets", targets, "--measures", measures, "--month", "2025-03", "--width", "100");

            run.ExitCode.ShouldBe(0, run.Error);
            Snapshot.Match(run.Output, "indicators-demo-scorecard-100.txt");
            run.Output.ShouldBe(scorecard.Output); // one figure, one table, one RAG, whichever command draws it
            run.Output.Split('\n').ShouldAllBe(l => l.Length <= 100);
            run.Output.ShouldContain("Red");
            CliRun.Of("indicators", "--demo", "--format", "scorecard", "--width", "20").Error.ShouldBe("--width must be 40 or more.\n");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Year_GivesTheDfEsAnnualFiguresAndTheCasesBehindThem()
    {
        var table = CliRun.Of("indicators", "--demo", "--year", "2024-25");
        var csv = CliRun.Of("indicators", "--demo", "--year", "2024-25", "--format", "csv");
        var starts = CliRun.With(OutturnCli.SettingsFromEnvironment(), "children", "cla-starts", "--demo", "--year", "2024-25", "--format", "csv");

        table.ExitCode.ShouldBe(0, table.Error);
        Snapshot.Match(table.Output, "indicators-demo-2024-25.txt");
        var row = csv.Output.Split('\n').Single(l => l.StartsWith("cla-starts,", StringComparison.Ordinal)).Split(',');
        (row[2], row[3], row[4]).ShouldBe(("2024-25", "2024-04-01", "2025-03-31"));
        starts.ExitCode.ShouldBe(0, starts.Error);
        var children = starts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        children.Count.ShouldBe(int.Parse(row[7], CultureInfo.InvariantCulture)); // the year's children, each once
        children.Distinct().Count().ShouldBe(children.Count);
        CliRun.Of("indicators", "--demo", "--year", "2024-25", "--month", "2025-03").Error.ShouldBe("Give --month or --year, not both.\n");
        CliRun.Of("indicators", "--demo", "--year", "2024-25", "--format", "measures").Error.ShouldBe("--format measures is built from monthly figures: give --month.\n");
    }

    [Fact]
    public void AReturnNotGiven_ShowsItsIndicatorsAsNoDataWithTheReasonNeverAsZero()
    {
        var run = CliRun.Of("indicators", "--sen2", Sen2("SEN2_2025.xml"), "--month", "2024-10");
        var json = CliRun.Of("indicators", "--sen2", Sen2("SEN2_2025.xml"), "--month", "2024-10", "--format", "json");
        var children = CliRun.Of("children", "cla-rate", "--sen2", Sen2("SEN2_2025.xml"), "--month", "2024-10");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "indicators-sen2-only.txt");
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(["ehcp-20wks"]);
        var absent = document.RootElement.GetProperty("absent").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("reason").GetString());
        absent["cla-rate"].ShouldBe("no data without the SSDA903 returns and the ONS population (for rates per 10,000)");
        absent["referrals"].ShouldBe("no data without the CIN census");
        absent["caseload-worker"].ShouldBe("no data without the Annex A workbook (who holds each case)");
        children.ExitCode.ShouldBe(1);
        children.Error.ShouldBe("cla-rate has no data without the SSDA903 returns and the ONS population (for rates per 10,000).\n");
    }

    [Fact]
    public void Variants_AreNamedOptions()
    {
        // March 2025's plans: 5 of 25 had any earlier plan (DfE); 2 had one ending within the 2 years before
        CliRun.Of("indicators", "--demo", "--format", "csv").Output.ShouldContain("cpp-second-time,Child protection plans that were a second or subsequent plan,2025-03,2025-03-01,2025-03-31,percent,low,5,25,20.0,,,\n");
        CliRun.Of("indicators", "--demo", "--format", "csv", "--repeat-plans", "within-two-years").Output.ShouldContain(",percent,low,2,25,8.0,,,\n");

        var bad = CliRun.Of("indicators", "--demo", "--repeat-plans", "sometimes");
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("--repeat-plans 'sometimes' is not one of: ever, within-two-years.");
    }

    [Fact]
    public void Children_RefusesAnUnknownIndicator()
    {
        var run = CliRun.Of("children", "assessments", "--demo");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe("'assessments' is not a national indicator. See: outturn indicators catalogue.\n");
    }

    private static string CinErrors => RepoPaths.InRepo("tests", "Outturn.Cli.Tests", "Commands", "TestData", "cin-errors");

    [Fact]
    public void Indicators_OnCensusesWithValidationErrorsPrintsTheFiguresThenEveryProblem()
    {
        // The DfE's validator numbers each rule a record breaks ("CIN Closure Date is before CIN Referral Date for the
        // same CIN episode", 8630; "Child referral date missing or after data collection period", 8600; ...): a record
        // breaking one is left out, counted as given or repaired, and listed with its rule; the figures are computed.
        var run = CliRun.Of("indicators", "--cin", CinErrors, "--year", "2024-25");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "indicators-cin-errors-2024-25.txt");
        Snapshot.Match(run.Error.Replace(CinErrors + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), "indicators-cin-errors-2024-25.problems.txt");
    }

    [Fact]
    public void Indicators_StrictRefusesCensusesWithValidationErrorsListingEveryOne()
    {
        var run = CliRun.Of("indicators", "--cin", CinErrors, "--year", "2024-25", "--strict");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        run.Error.ShouldStartWith("The input has 8 errors:"); // the same 8 the run without --strict lists after its figures
        run.Error.ShouldContain("CIN_2024-25.xml, column 'CINdetails': child P1: the episode referred on 2023-01-10 is open in the census of 2024-03-31 but the child is not in the census of 2025-03-31: closed on 2024-03-31, with its open child protection plan.");
        run.Error.ShouldEndWith("Nothing was written.\n");
    }

    private static string Sen2(string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Sen2", "TestData", file);

    [Fact]
    public void Sen2_GivesEhcPlansWithin20WeeksAndTheirChildren()
    {
        // October 2024 in the hand-made return: one plan at 140 days, one at 141; an exception and a tribunal left out
        var run = CliRun.Of("children", "ehcp-20wks", "--sen2", Sen2("SEN2_2025.xml"), "--month", "2024-10", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "children-ehcp-2024-10.csv");
        CliRun.Of("indicators", "--sen2", Sen2("SEN2_2025.xml"), "--month", "2024-10", "--format", "csv", "--ehcp-exceptions", "included")
            .Output.ShouldContain("ehcp-20wks,New EHC plans issued within 20 weeks,2024-10,2024-10-01,2024-10-31,percent,high,1,3,33.3,,,\n");
    }

    [Fact]
    public void Sen2_RefusesAReturnWithProblems()
    {
        var run = CliRun.Of("indicators", "--sen2", Sen2("bad.xml"), "--month", "2024-10");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("The input has 8 errors:");
        run.Error.ShouldContain("bad.xml, row 17, column 'Week20': person A999000000012: 'maybe' is not true/false or 1/0.");
        run.Error.ShouldEndWith("Nothing was written.\n");
    }

    [Theory]
    [InlineData("indicators")]
    [InlineData("children")]
    public void Help_MatchesTheExpectedFile(string command) => Snapshot.Match(CliRun.Of(command, "--help").Output, $"{command}-help.txt");

    [Fact]
    public void Catalogue_MatchesTheExpectedFile() => Snapshot.Match(CliRun.Of("indicators", "catalogue").Output, "national-catalogue.csv");
}
