using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class ScorecardCommandTests
{
    private static string Sample(string file) => RepoPaths.InRepo("samples", "seed-scorecard", file);

    private static string BadData(string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Scorecards", "TestData", file);

    [Fact]
    public void Demo_PrintsTheSeedScorecardAsATable()
    {
        var run = CliRun.Of("scorecard", "--demo");

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        Snapshot.Match(run.Output, "scorecard-demo.txt");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Table_FitsTheConsoleWidthWithTheEssentialColumnsAndWrappedNames(int width)
    {
        var run = CliRun.Of("scorecard", "--demo", "--width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.ShouldBe(0);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        lines.Max(l => l.TrimEnd().Length).ShouldBeLessThanOrEqualTo(width);

        // Every heading is whole (none cut to "In..."), and the year to date, its RAG, its direction in a word and the target are there
        run.Output.ShouldNotContain("...");
        run.Output.ShouldNotContain("…");
        // The caption, however it wraps, names the columns left out and how to see them
        var words = string.Join(" ", run.Output.Split((char[])[' ', '\n', '│'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var text in new[] { "Indicator", "OUTTURN", "RAG yr", "Target", "↑ better", "↓ worse", "90%+ (82%+)", $"Left out to fit {width} columns: Jan-25, Feb-25", "(--wide shows every column)" })
        {
            words.ShouldContain(text);
        }

        Snapshot.Match(run.Output, $"scorecard-demo-{width}.txt");
    }

    [Fact]
    public void Wide_ShowsEveryColumnOfTheFullScorecard()
    {
        var run = CliRun.Of("scorecard", "--demo", "--wide", "--width", "80");

        run.ExitCode.ShouldBe(0);
        foreach (var text in new[] { "Jan-25", "Good perf is", "DOT (Month)", "RAG (Yr End)", "Green (target)", "Yr on Yr trend", "Top qtile threshold" })
        {
            run.Output.ShouldContain(text);
        }

        run.Output.ShouldNotContain("Left out to fit");
        Snapshot.Match(run.Output, "scorecard-demo-wide.txt");
    }

    [Fact]
    public void Scorecard_FromTheAnalystsFilesEqualsTheDemo()
    {
        var run = CliRun.Of("scorecard", "--catalogue", Sample("catalogue.csv"), "--targets", Sample("targets.csv"),
            "--measures", Sample("measures.csv"), "--benchmarks", Sample("benchmarks.csv"), "--month", "2025-03");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldBe(CliRun.Of("scorecard", "--demo").Output);
    }

    [Fact]
    public void Demo_ForAnEarlierMonthShowsTheYearToDate()
    {
        var run = CliRun.Of("scorecard", "--demo", "--month", "2024-11", "--format", "csv");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "scorecard-demo-2024-11.csv");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("xlsx")]
    public void Output_WritesTheFileAndSaysSo(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-{Guid.NewGuid():N}.{format}");
        try
        {
            var run = CliRun.Of("scorecard", "--demo", "--format", format, "-o", path);

            run.ExitCode.ShouldBe(0);
            run.Output.ShouldBe($"Wrote {path}\n");
            new FileInfo(path).Length.ShouldBeGreaterThan(1000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BadFiles_ListEveryErrorExitWithTwoAndLeaveTheOutputUntouched()
    {
        // Given last month's scorecard already written
        var path = Path.Combine(Path.GetTempPath(), $"outturn-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "last month");
        try
        {
            // When this month's files are broken
            var run = CliRun.Of("scorecard", "--catalogue", BadData("catalogue.csv"), "--targets", BadData("targets.csv"),
                "--measures", BadData("measures.csv"), "--month", "2025-03", "--format", "json", "-o", path);

            // Then every error is listed, the exit code is 2 and last month's file is still there
            run.ExitCode.ShouldBe(2);
            run.Output.ShouldBeEmpty();
            Snapshot.Match(run.Error.Replace(BadData("x")[..^1], "", StringComparison.Ordinal), "scorecard-bad-files.txt");
            File.ReadAllText(path).ShouldBe("last month");
            Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*").ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Suppress_WithholdsSmallNumbersAsC()
    {
        // The demo LA's assessments late each month (and its initial conferences late) number 1 to 5: the months go,
        // and with them the month's RAG and direction; the quarter and year to date, with more late, stay.
        var run = CliRun.Of("scorecard", "--demo", "--suppress", "--format", "csv");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "scorecard-demo-suppressed.csv");
        run.Output.Split('\n').Single(l => l.Contains("assess-45wd", StringComparison.Ordinal)).ShouldContain(",high,c,c,c,92.1,92.5,,,,up,true,Green,");
    }

    [Fact]
    public void Suppress_TakesHowOftenTheScorecardIsPublished()
    {
        // How earlier copies are allowed for is the domain's (SmallNumbersTests.Protect_AllowsForLastMonthsScorecard);
        // here, that each choice runs and anything else is refused.
        foreach (var published in new[] { "quarterly", "monthly", "once" })
        {
            CliRun.Of("scorecard", "--demo", "--suppress", "--cadence", published, "--format", "csv").ExitCode.ShouldBe(0, published);
        }

        var wrong = CliRun.Of("scorecard", "--demo", "--suppress", "--cadence", "weekly");
        wrong.ExitCode.ShouldNotBe(0);
        wrong.Error.ShouldContain("weekly");
    }

    [Fact]
    public void Xlsx_NeedsAnOutputFile()
    {
        var run = CliRun.Of("scorecard", "--demo", "--format", "xlsx");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe("--format xlsx writes a workbook: give -o FILE.xlsx.\n");
    }

    [Fact]
    public void MissingOptions_AreNamed()
    {
        // With no file at all the scorecard is the store's (StoreCommandTests); with some, the others are named.
        var run = CliRun.Of("scorecard", "--catalogue", Sample("catalogue.csv"), "--month", "2025-03");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe("Missing --targets, --measures. Give the files and month, or --demo for the sample scorecard.\n");
    }

    [Fact]
    public void ABadMonth_IsRefused()
    {
        var run = CliRun.Of("scorecard", "--demo", "--month", "March");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe("--month 'March' is not a month like 2025-03.\n");
    }

    [Fact]
    public void RootHelp_MatchesTheExpectedFile()
    {
        var run = CliRun.Of("--help");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "root-help.txt");
    }

    [Fact]
    public void Help_MatchesTheExpectedFile()
    {
        var run = CliRun.Of("scorecard", "--help");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "scorecard-help.txt");
    }
}
