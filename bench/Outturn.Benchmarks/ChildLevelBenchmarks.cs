using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.Demo;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.AnnexA;
using Outturn.Formats.CinCensus;
using Outturn.Formats.Demo;
using Outturn.Formats.Sen2;
using Outturn.Formats.Ssda903;

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

    /// <summary>Four years of SSDA903 and CIN census, the Annex A workbook and the SEN2 returns, read, checked and stacked.</summary>
    [Benchmark]
    public ChildLevelData Read()
    {
        var cin = CinCensusReader.ReadAll(Path.Combine(_folder, "cin-census"));
        var cla = Ssda903Reader.ReadStacked(Path.Combine(_folder, "ssda903"));
        var annexA = AnnexAReader.Read(Directory.GetFiles(Path.Combine(_folder, "annex-a")).Single());
        var sen2 = Sen2Reader.ReadAll(Path.Combine(_folder, "sen2"));
        return new ChildLevelData(AnnexAReader.Allocate(CinCensusReader.Merge(cin), annexA), cla.Data, new Dictionary<int, decimal> { [2024] = Children })
        {
            SpecialNeeds = Sen2Reader.Merge(sen2),
            AllocatedFrom = annexA.PeriodStart,
        };
    }

    /// <summary>Every indicator for March 2025, with the children behind each.</summary>
    [Benchmark]
    public int ComputeMonth() => NationalIndicators.ComputeAll(_data, new Month(2025, 3)).Count;

    /// <summary>Every indicator for each of the 24 months to March 2025: what <c>indicators --format measures</c> does.</summary>
    [Benchmark]
    public int ComputeTwoYears()
    {
        var count = 0;
        for (var m = new Month(2023, 4); m <= new Month(2025, 3); m = m.Next())
        {
            count += NationalIndicators.ComputeAll(_data, m).Count;
        }

        return count;
    }
}
