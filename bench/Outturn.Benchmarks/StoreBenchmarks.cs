using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Outturn.App;
using Outturn.App.Imports;
using Outturn.App.Reports;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.Disclosure;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Store;

namespace Outturn.Benchmarks;

/// <summary>
/// The store (SQLite) with the demo LA imported: a month's import (a revised return, every figure recomputed from
/// the returns held), and what the scorecard, an indicator page and the quarterly report read from it. Targets are in
/// bench/README.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class StoreBenchmarks
{
    private string _folder = "";
    private OutturnStore _store = null!;
    private string _extract = "";
    private int _revision;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"outturn-bench-store-{Guid.NewGuid():N}");
        var returns = Path.Combine(_folder, "la");
        Directory.CreateDirectory(returns);
        DemoWriter.Write(DemoGenerator.Generate(DemoCache.Standard), returns);
        var settings = new OutturnSettings
        {
            AccessLog = Path.Combine(_folder, "access.log"),
            DemoCache = returns,
            User = "bench",
            Clock = TimeProvider.System,
        };
        _store = OutturnStore.Open(new StoreTarget(StoreProvider.Sqlite, Path.Combine(_folder, "outturn.db")), settings);
        _store.Import(ReturnFiles.Detect([returns]));
        _extract = new DemoFolder(returns).Sen2Of(new DateOnly(2025, 3, 31));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>A month's import: the SEN2 extract revised (a new revision each time), and every figure recomputed.</summary>
    [Benchmark]
    public int ImportMonth()
    {
        File.AppendAllText(_extract, $"<!-- revision {++_revision} -->\n");
        return _store.Import(ReturnFiles.Detect([_extract])).Figures;
    }

    /// <summary>The scorecard for March 2025, read from the store.</summary>
    [Benchmark]
    public int Scorecard() => ScorecardCalculator.Compute(_store.Scorecard().Load(), new Month(2025, 3)).Rows.Count;

    /// <summary>An indicator page's figures: every indicator for March 2025, read from the store.</summary>
    [Benchmark]
    public int IndicatorPage() => _store.FigureSet(new Month(2025, 3)).Figures.Count;

    /// <summary>The quarterly report for 2024-25 Q4, built from the store's figures (suppression, SPC, the draft).</summary>
    [Benchmark]
    public int Report() => CommitteeReports.Build(_store.Scorecard().Load(), new Quarter(new FinancialYear(2024), 4), SuppressionPolicy.Default).Areas.Count;
}
