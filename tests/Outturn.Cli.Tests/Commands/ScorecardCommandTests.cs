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
        // With a threshold of 30, ICPC January (27 of 34) and February (25 of 25) rest on small numbers, so the month-on-month direction goes too
        var run = CliRun.Of("scorecard", "--demo", "--suppress", "--threshold", "30", "--format", "csv");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "scorecard-demo-suppressed.csv");
        run.Output.Split('\n').Single(l => l.Contains("icpc-15wd", StringComparison.Ordinal)).ShouldContain(",c,c,89.2,88.5,80.0,,,Green,");
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
