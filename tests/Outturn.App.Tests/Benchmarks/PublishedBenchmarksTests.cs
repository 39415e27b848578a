using System.Globalization;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Testing;

namespace Outturn.App.Tests.Benchmarks;

/// <summary>
/// The acceptance checks of issue 4 on the real published files, through the published statistics of the repository: every expected figure here is worked out in the test
/// from the raw CSV cells (see <see cref="RawCsv"/>), never by the code under test.
/// </summary>
public class PublishedBenchmarksTests
{
    private static readonly PublishedFiles Data = PublishedFiles.Open(PublishedFolder.Path);

    private static readonly PublishedBenchmarks Benchmarks = new(Data);

    /// <summary>One check: an authority, an indicator and year, and where the test itself finds the figures.</summary>
    public sealed record Case(
        string Code, string Indicator, int StartYear, string File, string Column, string TimePeriod, bool HighIsGood,
        string SnFile, string SnCode, params (string Column, string Value)[] Filters)
    {
        public override string ToString() => $"{Code} {Indicator} {StartYear}";
    }

    private const string Sn2025 = "sn_model_2025_wide.csv";
    private const string Sn2021 = "New_Statistical_Neighbour_Groupings_April_2021.csv";

    public static TheoryData<Case> Cases => new()
    {
        // Rotherham, re-referrals, 2024-25: the 2025 model
        new("372", "rereferrals-12m", 2024, "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", "rereferral_percent", "2025", false, Sn2025, "372"),
        // Rotherham, repeat plans, 2022-23: the April 2021 groups
        new("372", "cpp-second-time", 2022, "d3_cpps_subsequent_plan_2013_to_2025.csv", "CPP_subsequent_percent", "2023", false, Sn2021, "372"),
        // Barnet, caseload at the census of 30 September 2024 (time_period 2024), in 2024-25
        new("302", "sw-caseload", 2024, "csww_indicators_2017_to_2025.csv", "caseload_fte", "2024", false, Sn2025, "302"),
        // Kent, care leavers in EET, high is good
        new("886", "care-leavers-eet-19-21", 2024, "la_care_leavers_activity.csv", "care_leaver_percent", "2025", true, Sn2025, "886",
            ("care_leaver_age", "19 to 21 years"), ("breakdown", "Total in education, employment or training")),
        // Hackney, health assessments, an Inner London authority
        new("204", "cla-health-checks", 2024, "la_conviction_health_outcome_cla.csv", "children_percent", "2025", true, Sn2025, "204",
            ("characteristic", "Health assessments: Children looked after all ages"), ("breakdown", "Had their annual health assessment")),
        // Cumberland in 2023-24, its first year: the April 2021 groups predate it, so Cumbria's neighbours stand in
        new("942", "placements-3plus", 2023, "la_cla_placement_stability.csv", "children_percent", "2024", false, Sn2021, "909",
            ("cla_group", "CLA on 31 March"), ("placement_stability", "With 3 or more placements during the year")),
    };

    private static List<Dictionary<string, string>> Rows(Case c, string level) =>
        RawCsv.Rows(PublishedFolder.File(c.File))
            .Where(r => r["time_period"] == c.TimePeriod && r["geographic_level"] == level && c.Filters.All(f => r[f.Column] == f.Value))
            .ToList();

    private static decimal? Number(string cell) =>
        decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static List<string> NeighbourCodes(Case c)
    {
        if (c.SnFile == Sn2025)
        {
            var row = RawCsv.Rows(PublishedFolder.File(c.SnFile)).Single(r => r["old_la_code"] == c.SnCode);
            return Enumerable.Range(1, 10).Select(i => row[$"SN_{i}"]).ToList();
        }

        // The 2021 file repeats its closeness column's name, so read its lines by position: SN1 is the sixth column.
        var line = File.ReadLines(PublishedFolder.File(c.SnFile)).Select(l => l.Split(',')).Single(cells => cells[0] == c.SnCode && cells[4].Length > 0 && cells[5].Length == 3);
        return Enumerable.Range(0, 10).Select(i => line[5 + (2 * i)]).ToList();
    }

    private AuthorityBenchmark Benchmark(Case c)
    {
        var measure = Data.Indicator(c.Indicator);
        return Benchmarks.Benchmark(measure, Data.Authority(c.Code, [measure]), new FinancialYear(c.StartYear));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Benchmark_NationalAndRegional_AreThePublishedRows(Case c)
    {
        var result = Benchmark(c);

        var national = Rows(c, "National").Single()[c.Column];
        var own = Rows(c, "Local authority").Single(r => r["old_la_code"].Split(" / ").Contains(c.Code));
        var regional = Rows(c, "Regional").Single(r => r["region_code"] == own["region_code"]);
        result.National!.ToString().ShouldBe(national);
        result.Regional!.Name.ShouldBe(own["region_name"]);
        result.Regional.Value.ToString().ShouldBe(regional[c.Column]);
        result.Value!.ToString().ShouldBe(own[c.Column]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Benchmark_NeighbourAverage_IsTheMeanOfTheNeighboursPublishedNumbers(Case c)
    {
        var result = Benchmark(c);

        var codes = NeighbourCodes(c);
        var las = Rows(c, "Local authority");
        var values = codes
            .Select(code => las.FirstOrDefault(r => r["old_la_code"].Split(" / ").Contains(code)) is { } r ? Number(r[c.Column]) : null)
            .ToList();
        var numbers = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        result.Neighbours!.Figures.Select(f => f.Code).ShouldBe(codes);
        result.Neighbours.Used.ShouldBe(numbers.Count);
        result.Neighbours.Total.ShouldBe(10);
        result.Neighbours.Average.ShouldBe(numbers.Sum() / numbers.Count);
        var best = c.HighIsGood ? numbers.Max() : numbers.Min();
        result.Neighbours.Best!.Value!.Number.ShouldBe(best);
        result.Neighbours.Best.Code.ShouldBe(codes[values.IndexOf(best)]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Benchmark_QuartilesBandAndRank_AgreeWithAnIndependentCalculation(Case c)
    {
        var result = Benchmark(c);

        // Every authority row with a number, a joint return once, sorted.
        var las = Rows(c, "Local authority");
        var all = las.Select(r => Number(r[c.Column])).Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        // R type 7 on 1-based order statistics: position 1 + (n - 1)p, interpolating between its neighbours.
        decimal Q(decimal p)
        {
            var position = 1 + ((all.Count - 1) * p);
            var lower = (int)Math.Floor(position);
            var upper = (int)Math.Ceiling(position);
            return all[lower - 1] + ((position - lower) * (all[upper - 1] - all[lower - 1]));
        }

        var (q1, q2, q3) = (Q(0.25m), Q(0.5m), Q(0.75m));
        var mine = Number(las.Single(r => r["old_la_code"].Split(" / ").Contains(c.Code))[c.Column])!.Value;
        var bestFirst = c.HighIsGood ? all.OrderByDescending(v => v).ToList() : all;
        var rank = bestFirst.IndexOf(mine) + 1; // the first of a run of ties: ties take the lower rank
        var quarterFromLowest = mine <= q1 ? 0 : mine <= q2 ? 1 : mine <= q3 ? 2 : 3;
        var band = "ABCD"[c.HighIsGood ? 3 - quarterFromLowest : quarterFromLowest].ToString();

        var standing = result.Standing!;
        (standing.Quartiles.Lower, standing.Quartiles.Median, standing.Quartiles.Upper).ShouldBe((q1, q2, q3));
        standing.Ranked.ShouldBe(all.Count);
        standing.Rank.ShouldBe(rank);
        standing.Band.ToString().ShouldBe(band);
        standing.TopQuartileThreshold.ShouldBe(c.HighIsGood ? q3 : q1);
    }

    [Fact]
    public void Benchmark_RotherhamRereferrals2025_MatchesTheHandCalculation()
    {
        // Rotherham's ten neighbours in sn_model_2025_wide.csv (SN_1 to SN_10) and their rereferral_percent for
        // time_period 2025 in c1, read off the files by hand: Barnsley 25.5, Tameside 27.7, Doncaster 29.4,
        // Wakefield 18.5, Telford and Wrekin 15.8, Dudley 22.5, Redcar and Cleveland 14.6, Sunderland 18.5,
        // Gateshead 13.9, County Durham 18.7: sum 205.1, mean 20.51; lowest (best) Gateshead.
        var measure = Data.Indicator("rereferrals-12m");
        var result = Benchmarks.Benchmark(measure, Data.Authority("Rotherham", [measure]), new FinancialYear(2024));

        result.Value!.Number.ShouldBe(19.6m);
        result.Neighbours!.Figures.Select(f => $"{f.Name} {f.Value}").ShouldBe([
            "Barnsley 25.5", "Tameside 27.7", "Doncaster 29.4", "Wakefield 18.5", "Telford and Wrekin 15.8",
            "Dudley 22.5", "Redcar and Cleveland 14.6", "Sunderland 18.5", "Gateshead 13.9", "County Durham 18.7",
        ]);
        result.Neighbours.Average.ShouldBe(20.51m);
        result.Neighbours.Best!.Name.ShouldBe("Gateshead");
        result.National!.Number.ShouldBe(22.6m);
        result.Regional!.Value.Number.ShouldBe(21.7m);
        result.YearOnYear.Change.ShouldBe(1.9m); // 19.6 in 2025 against 17.7 in 2024
    }

    [Fact]
    public void Benchmark_SuppressedNeighbours_AreLeftOutAndCounted()
    {
        // Rotherham, CPP lasting 2 years or more at 31 March 2025: several neighbours publish "c".
        var measure = Data.Indicator("cpp-2yrs");
        var result = Benchmarks.Benchmark(measure, Data.Authority("Rotherham", [measure]), new FinancialYear(2024));

        var n = result.Neighbours!;
        var suppressed = n.Figures.Where(f => f.Value?.Marker == SuppressionMarker.Confidential).ToList();
        suppressed.ShouldNotBeEmpty();
        n.Used.ShouldBe(10 - suppressed.Count);
        n.Average.ShouldBe(n.Figures.Where(f => f.IsUsed).Average(f => f.Value!.Number!.Value));
        result.Value!.Marker.ShouldBe(SuppressionMarker.Confidential);
        result.Standing!.Rank.ShouldBeNull();
    }

    [Fact]
    public void Benchmark_Median_IsSelectable()
    {
        var measure = Data.Indicator("rereferrals-12m");
        var result = Benchmarks.Benchmark(measure, Data.Authority("372", [measure]), new FinancialYear(2024), NeighbourAverage.Median);

        // sorted 13.9 14.6 15.8 18.5 18.5 18.7 22.5 25.5 27.7 29.4: the middle two are 18.5 and 18.7
        result.Neighbours!.Average.ShouldBe(18.6m);
        result.Neighbours.Method.ShouldBe(NeighbourAverage.Median);
    }

    [Theory]
    [InlineData("Rotherham")]
    [InlineData("ROTHERHAM")]
    [InlineData("372")]
    [InlineData("E08000018")]
    public void Authority_IsFoundByNameOrEitherCode(string query) =>
        Data.Authority(query, [Data.Indicator("rereferrals-12m")]).Code.ShouldBe("372");

    [Fact]
    public void Authority_IgnoresPunctuation() =>
        Data.Authority("St Helens", [Data.Indicator("rereferrals-12m")]).Code.ShouldBe("342");

    [Fact]
    public void Authority_Unknown_ListsCloseMatches()
    {
        var e = Should.Throw<LookupException>(() => Data.Authority("Rotheram", [Data.Indicator("rereferrals-12m")]));

        e.Suggestions.ShouldContain("Rotherham (372)");
        e.Message.ShouldStartWith("There is no local authority 'Rotheram' in the published statistics. Did you mean: Rotherham (372)");
    }

    [Fact]
    public void Authority_UnknownCode_IsRefused() =>
        Should.Throw<LookupException>(() => Data.Authority("999", [Data.Indicator("rereferrals-12m")]));

    [Fact]
    public void Benchmark_AYearNotPublished_ListsThePublishedYears()
    {
        var measure = Data.Indicator("rereferrals-12m");

        var e = Should.Throw<LookupException>(() => Benchmarks.Benchmark(measure, Data.Authority("372", [measure]), new FinancialYear(2026)));

        e.Message.ShouldBe("There is no rereferrals-12m figure for 2026-27 in c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv. "
            + "Published years are 2012-13 to 2024-25; the closest: 2024-25; 2023-24; 2022-23?");
    }

    [Fact]
    public void Indicator_Unknown_ListsCloseIds()
    {
        var e = Should.Throw<LookupException>(() => Data.Indicator("rereferals"));

        e.Suggestions.ShouldBe(["rereferrals-12m"]);
    }

    [Fact]
    public void ForScorecard_GivesTheBenchmarkColumnsForEveryPublishedYearOfTheMappedCatalogueIndicators()
    {
        var measure = Data.Indicator("rereferrals-12m");
        Indicator Catalogued(string id, Polarity polarity) =>
            new(id, id, "Children in Need", IndicatorKind.Benchmarking, Unit.Percent, polarity, Aggregation.Ratio, 1);

        var benchmarks = Benchmarks.ForScorecard(Data.Authority("Rotherham", [measure]),
            [Catalogued("rereferrals-12m", Polarity.Low), Catalogued("assess-45wd", Polarity.High)]);

        benchmarks.Select(b => b.Year.ToString()).ShouldBe(Enumerable.Range(2012, 13).Select(y => new FinancialYear(y).ToString()));
        var latest = benchmarks[^1];
        (latest.StatNeighbourAverage, latest.BestStatNeighbour, latest.National, latest.Regional).ShouldBe((20.51m, 13.9m, 22.6m, 21.7m));
    }

    [Fact]
    public void ForScorecard_JudgesByTheCataloguesPolarity()
    {
        // The mapping gives the CIN rate no polarity (as LAIT); an authority whose catalogue says low is good gets a
        // best neighbour and a top quartile.
        var measure = Data.Indicator("cin-rate");
        var catalogued = new Indicator("cin-rate", "CIN rate", "Children in Need", IndicatorKind.Benchmarking, Unit.Rate, Polarity.Low, Aggregation.Snapshot, 1);

        var latest = Benchmarks.ForScorecard(Data.Authority("Rotherham", [measure]), [catalogued])[^1];

        latest.BestStatNeighbour.ShouldNotBeNull();
        latest.TopQuartile.ShouldNotBeNull();
    }
}
