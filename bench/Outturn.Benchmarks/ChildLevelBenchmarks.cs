using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Outturn.App.ChildLevel;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.National;

namespace Outturn.Benchmarks;

/// <summary>
/// The national indicators from child-level returns: a synthetic LA (the demo's 60,000 children, and a large county
/// of 250,000) over four years, its returns read and checked, then every indicator computed for one month and for the
/// 24 months the scorecard's measures file holds. Targets are in bench/README.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ChildLevelBenchmarks
{
    private string _folder = "";
    private ChildLevelData _data = null!;

    /// <summary>Children aged 0-17 in the LA.</summary>
    [Params(60_000, 250_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"outturn-bench-la-{Children}-{Guid.NewGuid():N}");
        DemoWriter.Write(DemoGenerator.Generate(new DemoSettings(Children, 4, 1, new DateOnly(2025, 3, 31))), _folder);
        _data = Read();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Four years of SSDA903, CIN census and SEN2, the Annex A workbook, staff list and population: read, checked, stacked.</summary>
    [Benchmark]
    public ChildLevelData Read() => ChildLevelFiles.Read(new DemoFolder(_folder).ToChildLevelPaths()).Data;

    /// <summary>Every indicator's figure for March 2025.</summary>
    [Benchmark]
    public int ComputeMonth() => NationalIndicators.Figures(new NationalContext(_data), MonthRange.Single(new Month(2025, 3))).Count;

    /// <summary>Every indicator for each of the 24 months to March 2025: what <c>indicators --format measures</c> does.</summary>
    [Benchmark]
    public int ComputeTwoYears() => NationalIndicators.Figures(new NationalContext(_data), new MonthRange(new Month(2023, 4), new Month(2025, 3))).Count;
}
