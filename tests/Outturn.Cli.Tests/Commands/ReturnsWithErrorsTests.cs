using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// Issue 10's acceptance for the SSDA903: "A run over a folder of returns with validation errors prints figures plus
/// the full problem list, and --strict refuses". The returns are in <c>TestData/903-with-errors</c> (its README says
/// which rule each record breaks).
/// </summary>
public class ReturnsWithErrorsTests
{
    private static readonly string Returns = RepoPaths.InRepo("tests", "Outturn.Cli.Tests", "Commands", "TestData", "903-with-errors");

    /// <summary>The problem list with the folder's path, which differs by machine, as <c>903-with-errors</c>.</summary>
    private static string Portable(string text) => text.Replace(Returns, "903-with-errors", StringComparison.Ordinal).Replace('\\', '/');

    [Fact]
    public void Indicators_PrintsTheFiguresThenEveryProblemWithWhatWasDone()
    {
        var run = CliRun.Of("indicators", "--903", Returns, "--year", "2024-25", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Snapshot.Match(run.Output, "indicators-903-with-errors.csv");
        Snapshot.Match(Portable(run.Error), "indicators-903-with-errors-problems.txt");
    }

    [Fact]
    public void Indicators_Strict_RefusesListingEveryProblemAndNoFigure()
    {
        var run = CliRun.Of("indicators", "--903", Returns, "--year", "2024-25", "--format", "csv", "--strict");

        run.ExitCode.ShouldBe(2);
        run.Output.ShouldBeEmpty();
        Snapshot.Match(Portable(run.Error), "indicators-903-with-errors-strict.txt");
    }

    // LIIA fix_episodes.md RULE_2, "Child no longer LAC": "Set DEC = 31/03/YEAR, Set REC = 'E99'".
    [Fact]
    public void Repairs_ListTheEpisodeLeftOpenForAChildTheNextReturnDoesNotHold()
    {
        var log = Path.Combine(Path.GetTempPath(), $"outturn-audit-{Guid.NewGuid():N}.log");
        try
        {
            var run = CliRun.With(OutturnCli.SettingsFromEnvironment() with { AccessLog = log }, "indicators", "--903", Returns, "--repairs", "--format", "csv");

            run.ExitCode.ShouldBe(0, run.Error);
            run.Output.Split('\n').ShouldContain("B2,2023-10-01,closed-at-year-end,\"left open in the 2023-24 return, and the 2024-25 return does not hold the child: closed on 2024-03-31 (that return's 31 March) with E99\"");
        }
        finally
        {
            File.Delete(log);
        }
    }
}
