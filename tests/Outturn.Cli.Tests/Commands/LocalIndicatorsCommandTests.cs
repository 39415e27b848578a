using Outturn.App;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// Local indicators from the command line: the shipped catalogue and measures imported with a small LA's returns, a
/// target set for one, and the scorecard, indicators and history read from the store.
/// </summary>
public sealed class LocalIndicatorsCommandTests : IDisposable
{
    private readonly StoreFolder _store = new("outturn-local-cli-");

    public void Dispose() => _store.Dispose();

    private OutturnSettings Settings => _store.Settings;

    private static string Sample(string name) => RepoPaths.InRepo("samples", "local-indicators", name);

    [Fact]
    public void ImportWithTheReturns_ThenScorecard_ShowsTheLocalRowsFromTheStore()
    {
        var la = Path.Combine(_store.Path, "la");
        CliRun.With(Settings, "demo", "generate", "-n", "2000", "-y", "2", "-s", "3", "-o", la).ExitCode.ShouldBe(0);

        var import = CliRun.With(Settings, "import", la, Sample("catalogue.csv"), Sample("measures.csv"));

        import.ExitCode.ShouldBe(0, import.Error);
        import.Output.ShouldContain(" catalogue.csv (catalogue)\n  new        #");
        import.Output.ShouldContain(" measures.csv (measures)\n");
        import.Output.ShouldContain("Local catalogue: 3 local indicator(s) defined, each superseding any held for its id.\nMeasures: 36 ready-made figure(s) loaded, each replacing any held for its indicator and period.\nImported into ");
        var target = CliRun.With(Settings, "targets", "set", "--indicator", "cp-review-timely", "--year", "2024-25", "--green", "95", "--amber", "90");
        target.ExitCode.ShouldBe(0, target.Error);

        var scorecard = CliRun.With(Settings, "scorecard", "--format", "csv");

        scorecard.ExitCode.ShouldBe(0, scorecard.Error);
        Snapshot.Match(scorecard.Output, "scorecard-store-local-2025-03.csv");

        // indicators lists the local indicators' figures for the month after the national ones, as loaded.
        var indicators = CliRun.With(Settings, "indicators");
        indicators.ExitCode.ShouldBe(0, indicators.Error);
        indicators.Output.ShouldContain("Local indicators (ready-made figures): ");
        indicators.Output.ShouldContain("cp-review-timely");
        CliRun.With(Settings, "indicators", "--format", "scorecard", "--width", "200").Output.ShouldContain("% of child protection plans reviewed on time");
        CliRun.With(Settings, "history").Output.ShouldContain(" catalogue.csv (catalogue, revision 1, sha256 ");
        CliRun.With(Settings, "history").Output.ShouldContain("; 3 local indicator(s) defined; 36 ready-made figure(s) loaded; figures computation #1\n");

        // A national id in a measures file is refused, naming the file, row and field; nothing is stored.
        var national = Path.Combine(_store.Path, "national.csv");
        File.WriteAllText(national, "indicator,period,value,numerator,denominator\nassess-45wd,2025-03,,1,2\n");
        var refused = CliRun.With(Settings, "import", national);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldStartWith($"The input has an error:\n  national.csv, row 2, column 'indicator': 'assess-45wd' is a national indicator (");
        CliRun.With(Settings, "db", "info").Output.ShouldContain("Local indicators: 3, with 36 ready-made figure(s)\n");
        CliRun.With(Settings, "history").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }
}
