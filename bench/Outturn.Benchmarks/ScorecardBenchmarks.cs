using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Outturn.App.Reports;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;

namespace Outturn.Benchmarks;

/// <summary>
/// A large LA scorecard: 200 indicators (ratios, snapshots, sums, means) with five years of monthly figures,
/// read from CSV files, computed, reported. Targets are in bench/README.md.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private const int Indicators = 200, Years = 5;
    private string _folder = "";
    private ScorecardInput _input = null!;
    private Scorecard _scorecard = null!;
    private CommitteeReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("outturn-bench-").FullName;
        var random = new Random(42);
        var catalogue = new StringBuilder("id,name,area,kind,unit,polarity,aggregation,decimals,definition\n");
        var targets = new StringBuilder("indicator,year,green,amber\n");
        var measures = new StringBuilder("indicator,period,value,numerator,denominator\n");
        string[] aggregations = ["ratio", "snapshot", "sum", "mean"];
        for (var i = 0; i < Indicators; i++)
        {
            var aggregation = aggregations[i % 4];
            var (unit, polarity) = aggregation switch { "ratio" => ("percent", "high"), "snapshot" => ("rate", "low"), "sum" => ("count", "none"), _ => ("number", "low") };
            var kind = polarity == "none" ? "activity" : "benchmarking";
            catalogue.Append(CultureInfo.InvariantCulture, $"i{i},Indicator {i},Area {i % 8},{kind},{unit},{polarity},{aggregation},1,\n");
            if (polarity != "none")
            {
                targets.Append(CultureInfo.InvariantCulture, $"i{i},2024-25,{(polarity == "high" ? "90,80" : "300,330")}\n");
            }

            for (var m = new Month(2020, 4); m <= new Month(2025, 3); m = m.Next())
            {
                var denominator = random.Next(40, 80);
                measures.Append(aggregation == "ratio"
                    ? string.Create(CultureInfo.InvariantCulture, $"i{i},{m},,{random.Next(denominator * 8 / 10, denominator)},{denominator}\n")
                    : string.Create(CultureInfo.InvariantCulture, $"i{i},{m},{random.Next(200, 400)},,\n"));
            }
        }

        File.WriteAllText(Path.Combine(_folder, "catalogue.csv"), catalogue.ToString());
        File.WriteAllText(Path.Combine(_folder, "targets.csv"), targets.ToString());
        File.WriteAllText(Path.Combine(_folder, "measures.csv"), measures.ToString());
        _input = Read();
        _scorecard = ScorecardCalculator.Compute(_input, Month.Parse("2025-03"));
        _report = CommitteeReports.Build(_input, Quarter.Parse("2024-25Q4"), SuppressionPolicy.Default);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Reading and checking 12,000 monthly rows.</summary>
    [Benchmark]
    public ScorecardInput Read() => ScorecardFiles.Read(
        Path.Combine(_folder, "catalogue.csv"), Path.Combine(_folder, "targets.csv"), Path.Combine(_folder, "measures.csv"));

    /// <summary>The monthly scorecard for 200 indicators.</summary>
    [Benchmark]
    public Scorecard Compute() => ScorecardCalculator.Compute(_input, Month.Parse("2025-03"));

    /// <summary>The committee report: suppression, SPC over 24 months and the draft, for 200 indicators.</summary>
    [Benchmark]
    public CommitteeReport BuildReport() => CommitteeReports.Build(_input, Quarter.Parse("2024-25Q4"), SuppressionPolicy.Default);

    /// <summary>The scorecard workbook.</summary>
    [Benchmark]
    public long WriteXlsx()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.Write(_scorecard, stream);
        return stream.Length;
    }

    /// <summary>The report page.</summary>
    [Benchmark]
    public int RenderReport() => ReportHtml.Render(_report).Length;
}
