using Dapper;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.Published;
using Outturn.Testing;

namespace Outturn.Store.Tests;

/// <summary>
/// Benchmarks imported from the DfE's published statistics, on each provider: the same figures and benchmarks from the
/// store as from the files, with the release each came from; the same release twice changes nothing; a newer one
/// supersedes, the old kept.
/// </summary>
public sealed class BenchmarksTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    private const string ReReferrals = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheStoredFigures_AreTheFilesFigures_ForEachMeasureAndAuthority_AndTheBenchmarksTheSame(string provider)
    {
        using var t = new TestStore(provider);
        var import = t.Store.ImportBenchmarks(PublishedFolder.Path);
        var files = PublishedFiles.Open(PublishedFolder.Path);
        var stored = new StorePublishedStatistics(t.Store);

        import.Measures.ShouldAllBe(m => m.Outcome == BenchmarkOutcome.New);
        stored.Indicators.Select(m => m.Id).ShouldBe(files.Indicators.Select(m => m.Id));
        // A percentage, a rate the mapping computes from counts and the population, a rate as published, a workforce
        // figure of 30 September with joint returns, and a care leavers' figure with markers.
        foreach (var id in new[] { "rereferrals-12m", "cin-rate", "cla-rate", "sw-caseload", "care-leavers-eet-19-21" })
        {
            var measure = files.Indicator(id);
            var fromFiles = files.Figures(measure);
            var fromStore = stored.Figures(measure);
            fromStore.Keys.Order().ShouldBe(fromFiles.Keys.Order(), id);
            foreach (var (year, expected) in fromFiles)
            {
                var actual = fromStore[year];
                actual.National?.ToString().ShouldBe(expected.National?.ToString(), $"{id} {year} England");
                actual.Regions.Values.Select(r => (r.Code, r.Name, r.Value.ToString())).Order().ShouldBe(expected.Regions.Values.Select(r => (r.Code, r.Name, r.Value.ToString())).Order(), $"{id} {year} regions");
                actual.Authorities.Count.ShouldBe(expected.Authorities.Count, $"{id} {year}");
                foreach (var code in new[] { "372", "873", "940", "941", "314", "318" })
                {
                    if (expected.Authorities.TryGetValue(code, out var la))
                    {
                        var got = actual.Authorities[code];
                        (got.Authority, got.Value.ToString(), got.JointReturn).ShouldBe((la.Authority, la.Value.ToString(), la.JointReturn), $"{id} {year} {code}");
                    }
                }
            }
        }

        var rotherham = files.Authority("Rotherham", files.Indicators);
        stored.Authority("rotherham", stored.Indicators).ShouldBe(rotherham);
        foreach (var id in new[] { "rereferrals-12m", "cp-rate", "placements-3plus" })
        {
            var measure = files.Indicator(id);
            var year = files.Figures(measure).Keys.Max();
            BenchmarkJson.ToText([(measure, new PublishedBenchmarks(stored).Benchmark(measure, rotherham, year))], NeighbourAverage.Mean)
                .ShouldBe(BenchmarkJson.ToText([(measure, new PublishedBenchmarks(files).Benchmark(measure, rotherham, year))], NeighbourAverage.Mean), id);
        }

        stored.SourceOf(files.Indicator("rereferrals-12m")).ShouldBe(
            $"DfE, Children in need (EES), reporting year 2025 (October 2025); 2013 to 2025 ({ReReferrals}, imported 2025-04-10T09:30:00.000Z by analyst.one)");
        t.Store.History().ShouldHaveSingleItem().Action.ShouldBe("benchmarks");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheSameReleaseTwice_ChangesNothing(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.ImportBenchmarks(PublishedFolder.Path);
        var before = t.Snapshot();
        t.Clock.Now = t.Clock.Now.AddDays(1);

        var again = t.Store.ImportBenchmarks(PublishedFolder.Path);

        again.Unchanged.ShouldBeTrue();
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ANewerRelease_SupersedesTheMeasuresItHolds_AndTheOldFiguresAreKept(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.ImportBenchmarks(PublishedFolder.Path);
        var folder = CopyOfPublished(t.Folder, "children-in-need-2026");

        // The next release of the referrals file, in which Rotherham's 2024-25 re-referral rate is revised.
        var lines = File.ReadAllLines(Path.Combine(folder, ReReferrals));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var at = Array.FindIndex(lines, l => l.Split(',') is var cells && cells[Column("old_la_code")] == "372" && cells[Column("time_period")] == "2025");
        var row = lines[at].Split(',');
        row[Column("rereferral_percent")] = "24.4";
        lines[at] = string.Join(",", row);
        File.WriteAllLines(Path.Combine(folder, "c1_children_in_need_referrals_and_rereferrals_2013_to_2026.csv"), lines);
        t.Clock.Now = t.Clock.Now.AddDays(30);

        var import = t.Store.ImportBenchmarks(folder);

        var rereferrals = import.Measures.Single(m => m.Measure == "rereferrals-12m");
        (rereferrals.Outcome, rereferrals.Release.FileName, rereferrals.Superseded?.FileName).ShouldBe((BenchmarkOutcome.Superseding, "c1_children_in_need_referrals_and_rereferrals_2013_to_2026.csv", ReReferrals));
        import.Measures.Where(m => m.Measure != "rereferrals-12m").ShouldAllBe(m => m.Outcome == BenchmarkOutcome.Unchanged);
        var stored = new StorePublishedStatistics(t.Store);
        var measure = stored.Indicator("rereferrals-12m");
        stored.Figures(measure)[new FinancialYear(2024)].Authorities["372"].Value.ShouldBe(PublishedValue.Of(24.4m));
        stored.SourceOf(measure).ShouldBe("the files in children-in-need-2026 (c1_children_in_need_referrals_and_rereferrals_2013_to_2026.csv, imported 2025-05-10T09:30:00.000Z by analyst.one)");
        using var c = t.Connect();
        c.ExecuteScalar<string>("SELECT value FROM benchmark_figures WHERE measure = 'rereferrals-12m' AND code = '372' AND year = '2024-25' AND is_current = 0").ShouldBe("19.6");
        t.Store.History().Select(h => h.Action).ShouldBe(["benchmarks", "benchmarks"]);
        t.Store.History()[1].Detail.ShouldStartWith("rereferrals-12m: ");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AFolderWithAFileInError_IsRefusedWhole_AndNothingIsStored(string provider)
    {
        using var t = new TestStore(provider);
        var folder = CopyOfPublished(t.Folder, "broken");
        File.WriteAllText(Path.Combine(folder, "la_cla_placement_stability.csv"), "time_period,geographic_level\n2025,National\n");
        var before = t.Snapshot();

        var e = Should.Throw<InputException>(() => t.Store.ImportBenchmarks(folder));

        e.Errors.ShouldAllBe(x => x.File == "la_cla_placement_stability.csv");
        t.Snapshot().ShouldBe(before);
    }

    private static string CopyOfPublished(string into, string name)
    {
        var folder = Path.Combine(into, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(PublishedFolder.Path, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
