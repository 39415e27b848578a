using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class ReportCommandTests
{
    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"outturn-{Guid.NewGuid():N}.{extension}");

    [Fact]
    public void Draft_PrintsTheNarrativeToEdit()
    {
        var run = CliRun.Of("report", "draft", "--demo");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "report-draft-demo.md");
    }

    [Fact]
    public void Draft_OfTheDemoLaPlacesItAmongTheNeighboursOfTheLaGiven()
    {
        // --la fills the benchmark columns of the demo LA too: Rotherham's published neighbours and England
        var run = CliRun.Of("report", "draft", "--demo", "--la", "Rotherham", "--published", PublishedFolder.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("the statistical neighbour (20.5%) average"); // re-referrals: Rotherham's neighbours' mean, 2024-25
        run.Output.ShouldContain("national (22.6%)"); // England's re-referrals, as published
    }

    [Fact]
    public void Report_PublishesTheEditedNarrative()
    {
        // Given the draft, edited by an officer
        var narrative = Temp("md");
        var html = Temp("html");
        try
        {
            CliRun.Of("report", "draft", "--demo", "-o", narrative).ExitCode.ShouldBe(0);
            File.WriteAllText(narrative, File.ReadAllText(narrative).Replace(
                "### Commentary\n\n\n## Children looked after", "### Commentary\n\nThe service has audited every late assessment.\n\n## Children looked after", StringComparison.Ordinal));

            // When the report is written with it
            var run = CliRun.Of("report", "--demo", "--narrative", narrative, "-o", html);

            // Then the commentary is in the report
            run.ExitCode.ShouldBe(0);
            File.ReadAllText(html).ShouldContain("<p>The service has audited every late assessment.</p>");
        }
        finally
        {
            File.Delete(narrative);
            File.Delete(html);
        }
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("xlsx", "PK")]
    [InlineData("pdf", "%PDF-")]
    public void Report_WritesEachFormat(string format, string start)
    {
        var path = Temp(format);
        try
        {
            var run = CliRun.Of("report", "--demo", "--format", format, "-o", path);

            run.ExitCode.ShouldBe(0, run.Error);
            run.Output.ShouldBe($"Wrote {path}\n");
            File.ReadAllText(path).ShouldStartWith(start);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_RefusesANarrativeWithUnknownAreasAndWritesNothing()
    {
        var narrative = Temp("md");
        var html = Temp("html");
        File.WriteAllText(narrative, "## Early Help\n");
        try
        {
            var run = CliRun.Of("report", "--demo", "--narrative", narrative, "-o", html);

            run.ExitCode.ShouldBe(2);
            run.Error.Replace(narrative, "narrative.md", StringComparison.Ordinal).ShouldBe(
                "The input has an error:\n  narrative.md, row 1, column 'heading': 'Early Help' is not an area of the scorecard; the areas are: Children's social care, Children looked after, Care leavers, Special educational needs, Workforce.\nNothing was written.\n");
            File.Exists(html).ShouldBeFalse();
        }
        finally
        {
            File.Delete(narrative);
        }
    }

    [Fact]
    public void Report_NeedsAQuarterAndAFile()
    {
        CliRun.Of("report", "--demo").Error.ShouldBe("Give -o FILE for the report.\n");
        CliRun.Of("report", "--demo", "--quarter", "2024Q4", "-o", Temp("html")).Error.ShouldBe("--quarter '2024Q4' is not a quarter like 2024-25Q4.\n");
    }

    [Fact]
    public void Help_MatchesTheExpectedFile() => Snapshot.Match(CliRun.Of("report", "--help").Output, "report-help.txt");
}
