using Outturn.App;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// <c>outturn benchmarks import</c>, and the benchmark, scorecard and report commands reading the store's published
/// statistics when no --published folder is given.
/// </summary>
public sealed class StoredBenchmarksTests : IDisposable
{
    private readonly StoreFolder _store = new("outturn-benchmarks-cli-");

    public void Dispose() => _store.Dispose();

    private string Db => _store.Db;

    /// <summary>The store of the test's own; published statistics in a folder that does not exist, so only the store can give them.</summary>
    private OutturnSettings Settings => _store.Settings with { PublishedFolder = Path.Combine(_store.Path, "no-such-folder") };

    private CliRun Run(params string[] args) => CliRun.With(Settings, args);

    [Fact]
    public void Import_SaysWhatBecameOfEachMeasure_AndTheSameReleaseAgainChangesNothing()
    {
        var first = Run("benchmarks", "import", PublishedFolder.Path);
        var again = Run("benchmarks", "import", PublishedFolder.Path);

        first.ExitCode.ShouldBe(0, first.Error);
        Snapshot.Match(first.Output.Replace(Db, "DB", StringComparison.Ordinal), "benchmarks-import-first.txt");
        again.ExitCode.ShouldBe(0, again.Error);
        var when = Run("history").Output.Split("  ")[0];
        Snapshot.Match(again.Output.Replace(Db, "DB", StringComparison.Ordinal).Replace(when, "WHEN", StringComparison.Ordinal), "benchmarks-import-again.txt");
        Run("benchmarks", "list").Output.Split('\n').Where(l => l.Length > 0).Count().ShouldBe(15);
    }

    [Fact]
    public void Benchmark_WithoutPublished_ReadsTheStore_AndGivesWhatTheFilesGive()
    {
        Run("benchmark", "--la", "Rotherham", "--all").Error.ShouldStartWith($"The input has an error:\n  {Settings.PublishedFolder}: the folder of published statistics does not exist");
        Run("benchmarks", "import", PublishedFolder.Path).ExitCode.ShouldBe(0);

        var stored = Run("benchmark", "--la", "Rotherham", "--all", "--year", "2024-25", "--format", "json");
        var files = Run("benchmark", "--la", "Rotherham", "--all", "--year", "2024-25", "--format", "json", "--published", PublishedFolder.Path);
        var missingYear = Run("benchmark", "--la", "Rotherham", "-i", "rereferrals-12m", "--year", "2030-31");

        stored.ExitCode.ShouldBe(0, stored.Error);
        stored.Output.ShouldBe(files.Output);
        var storedTopic = Run("benchmark", "--la", "Rotherham", "--topic", "Child Protection", "--year", "2024-25", "--width", "120");
        storedTopic.ExitCode.ShouldBe(0, storedTopic.Error);
        storedTopic.Output.ShouldBe(Run("benchmark", "--la", "Rotherham", "--topic", "Child Protection", "--year", "2024-25", "--width", "120", "--published", PublishedFolder.Path).Output);
        storedTopic.Output.ShouldContain("LAIT: 2025-10, 2026-10");
        missingYear.ExitCode.ShouldBe(OutturnCli.LookupErrorExit);
        missingYear.Error.ShouldStartWith("There is no rereferrals-12m figure for 2030-31 in DfE, Children in need (EES), reporting year 2025 (October 2025); 2013 to 2025 (c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, imported ");
    }

    [Fact]
    public void Scorecard_WithOurAuthority_FillsItsBenchmarksFromTheStore()
    {
        Run("benchmarks", "import", PublishedFolder.Path).ExitCode.ShouldBe(0);

        var stored = Run("scorecard", "--demo", "--la", "Rotherham", "--format", "json");
        var files = Run("scorecard", "--demo", "--la", "Rotherham", "--format", "json", "--published", PublishedFolder.Path);

        stored.ExitCode.ShouldBe(0, stored.Error);
        // The store holds the EES measures and LAIT's table: every row is filled as from the files.
        stored.Output.ShouldBe(files.Output);
        stored.Output.ShouldContain("\"national\": 330.3");
    }
}
