using System.Globalization;
using System.Text;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Testing;
using Parquet;

namespace Outturn.App.Tests.Benchmarks;

/// <summary>
/// Benchmarks of LAIT measures checked against the table read here with Parquet.Net's own column API and worked out in
/// the test (neighbour means, quartiles, bands, ranks), and the EES files checked against LAIT wherever both hold a
/// measure: every difference is listed in the committed snapshot <c>Expected/lait-vs-ees.txt</c>.
/// </summary>
public class LaitBenchmarksTests
{
    private static readonly PublishedFiles Data = PublishedFiles.Open(PublishedFolder.Path);

    private static readonly PublishedBenchmarks Benchmarks = new(Data);

    private static readonly Lazy<List<string?[]>> Raw = new(ReadRaw);

    /// <summary>Every row of LAIT's table as text: Short Desc, Years, LA and Regions, Values, LA Number.</summary>
    private static List<string?[]> ReadRaw()
    {
        var reader = ParquetReader.CreateAsync(PublishedFolder.File("lait/bds_long_0.parquet")).GetAwaiter().GetResult();
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            string?[] Column(string name)
            {
                var field = reader.Schema.DataFields.Single(f => f.Name == name);
                if (field.ClrType == typeof(double))
                {
                    var d = new double?[n];
                    group.ReadAsync<double>(field, d.AsMemory()).AsTask().GetAwaiter().GetResult();
                    return [.. d.Select(x => x?.ToString(CultureInfo.InvariantCulture))];
                }

                var s = new string?[n];
                group.ReadAsync(field, s.AsMemory()).AsTask().GetAwaiter().GetResult();
                return s;
            }

            var cols = new[] { "Short Desc", "Years", "LA and Regions", "Values", "LA Number" }.Select(Column).ToArray();
            for (var i = 0; i < n; i++)
            {
                rows.Add([.. cols.Select(c => c[i])]);
            }
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return rows;
    }

    private static decimal? Number(string? cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Math.Round((decimal)d, 6) : null;

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        // Rotherham, the seed's rows: conferences within 15 days and assessments within 45 days (high is good), 2024-25
        { "372", "CP_conf_15days", "2025", true },
        { "372", "Continue_Assess_Comp", "2025", true },
        // Kent, re-referrals (low is good); Hackney, an Inner London borough, CLA convictions (low is good)
        { "886", "ReReferral", "2025", false },
        { "204", "LAC_Convictions", "2025", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Benchmark_LaitMeasure_AgreesWithAnIndependentCalculation(string code, string shortName, string label, bool highIsGood)
    {
        var measure = Data.Indicator("lait:" + shortName);
        var result = Benchmarks.Benchmark(measure, Data.Authority(code, [measure]), new FinancialYear(2024));

        var rows = Raw.Value.Where(r => r[0] == shortName && r[1] == label).ToList();
        var la = rows.Where(r => r[4] is { } n && n != "970" && !(int.Parse(n, CultureInfo.InvariantCulture) is >= 980 and <= 990)).ToList();
        decimal? ValueOf(string c) => la.Where(r => r[4] == c).Select(r => Number(r[3])).FirstOrDefault();

        // National as published.
        result.National!.Number.ShouldBe(Number(rows.Single(r => r[4] == "970")[3]));

        // The 2025 model's ten neighbours, read from the grouping file here.
        var sn = RawCsv.Rows(PublishedFolder.File("sn_model_2025_wide.csv")).Single(r => r["old_la_code"] == code);
        var codes = Enumerable.Range(1, 10).Select(i => sn[$"SN_{i}"]).ToList();
        var numbers = codes.Select(ValueOf).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        result.Neighbours!.Figures.Select(f => f.Code).ShouldBe(codes);
        result.Neighbours.Used.ShouldBe(numbers.Count);
        Math.Round(result.Neighbours.Average!.Value, 6).ShouldBe(Math.Round(numbers.Average(), 6));
        result.Neighbours.Best!.Value!.Number.ShouldBe(highIsGood ? numbers.Max() : numbers.Min());

        // Quartiles over authorities (R type 7, 1-based positions), the band and the rank.
        var all = la.Select(r => Number(r[3])).Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        decimal Q(decimal p)
        {
            var position = 1 + ((all.Count - 1) * p);
            var lower = (int)Math.Floor(position);
            var upper = (int)Math.Ceiling(position);
            return all[lower - 1] + ((position - lower) * (all[upper - 1] - all[lower - 1]));
        }

        var mine = ValueOf(code)!.Value;
        var quarterFromLowest = mine <= Q(0.25m) ? 0 : mine <= Q(0.5m) ? 1 : mine <= Q(0.75m) ? 2 : 3;
        var standing = result.Standing!;
        standing.Ranked.ShouldBe(all.Count);
        standing.TopQuartileThreshold.ShouldBe(highIsGood ? Q(0.75m) : Q(0.25m));
        standing.Band.ToString().ShouldBe("ABCD"[highIsGood ? 3 - quarterFromLowest : quarterFromLowest].ToString());
        standing.Rank.ShouldBe(1 + all.Count(v => highIsGood ? v > mine : v < mine));
    }

    [Fact]
    public void EesAndLait_EverySharedMeasureAndYear_AgreeOrTheirDifferencesAreListed()
    {
        var text = new StringBuilder();
        var lait = Data.Lait.ToDictionary(m => m.Lait!.ShortName, StringComparer.Ordinal);
        var compared = 0;
        foreach (var ees in Data.Indicators.Where(m => m.LaitTwin is not null))
        {
            var twin = lait[ees.LaitTwin!];
            var a = Data.Figures(ees);
            var b = Data.Figures(twin);
            var years = a.Keys.Intersect(b.Keys).Order().ToList();
            text.Append(CultureInfo.InvariantCulture, $"{ees.Id} = {twin.Id}: years in both {(years.Count == 0 ? "none" : $"{years[0]} to {years[^1]}")}");
            text.AppendLine(CultureInfo.InvariantCulture, $"; EES only {string.Join(", ", a.Keys.Except(b.Keys).Order())}; LAIT only {string.Join(", ", b.Keys.Except(a.Keys).Order())}");
            foreach (var year in years)
            {
                var differences = new List<string>();
                void Compare(string area, PublishedValue? x, PublishedValue? y)
                {
                    compared++;
                    var same = (x, y) switch
                    {
                        (null, null) => true,
                        ({ Number: { } p }, { Number: { } q }) => Math.Round(p, ees.Decimals, MidpointRounding.AwayFromZero) == Math.Round(q, ees.Decimals, MidpointRounding.AwayFromZero),
                        ({ IsNumber: false }, { IsNumber: false }) => true, // both withheld
                        (null, { IsNumber: false }) or ({ IsNumber: false }, null) => true, // no figure either way: LAIT lists every area every year, with '-' 
                        _ => false,
                    };
                    if (!same)
                    {
                        differences.Add($"{area} EES {x?.ToString() ?? "no row"} LAIT {y?.ToString() ?? "no row"}");
                    }
                }

                Compare("England", a[year].National, b[year].National);
                foreach (var code in a[year].Regions.Keys.Union(b[year].Regions.Keys).Order(StringComparer.Ordinal))
                {
                    Compare(code, a[year].Regions.GetValueOrDefault(code)?.Value, b[year].Regions.GetValueOrDefault(code)?.Value);
                }

                foreach (var code in a[year].Authorities.Keys.Union(b[year].Authorities.Keys).Order(StringComparer.Ordinal))
                {
                    Compare(code, a[year].Authorities.GetValueOrDefault(code)?.Value, b[year].Authorities.GetValueOrDefault(code)?.Value);
                }

                if (differences.Count > 0)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {year}: {differences.Count} difference(s): {string.Join("; ", differences.Take(12))}{(differences.Count > 12 ? "; ..." : "")}");
                }
            }
        }

        compared.ShouldBeGreaterThan(10_000);
        Snapshot.Match(text.ToString(), "lait-vs-ees.txt");
    }
}
