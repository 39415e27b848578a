using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Tests.Scorecards;

public class ScorecardViewTests
{
    private static readonly Indicator Timeliness = new("t", "Assessments within 45 working days", "Children in Need", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);
    private static readonly Indicator Contacts = new("c", "Contacts", "Front door", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Sum, 0);
    private static readonly Indicator Caseload = new("w", "Average caseload", "Children in Need", IndicatorKind.Local, Unit.Number, Polarity.Low, Aggregation.Mean, 1);

    private static readonly Thresholds Target = new(Polarity.High, 90m, 82m);

    /// <summary>April 2024 to March 2025: timeliness 9 of 10 a month (4 of 10 in February), contacts 1,200 a month,
    /// caseload 17.25; <paramref name="cohort"/> times 9 of 10 in the other months when given.</summary>
    private static Scorecard Card(string month, bool benchmarks = false, SuppressionPolicy? suppress = null, int cohort = 1)
    {
        var measures = new List<Measure>();
        for (var m = new Month(2024, 4); m <= new Month(2025, 3); m = m.Next())
        {
            measures.Add(Measure.ForMonth("t", m, m.Number == 2 ? new Observation(null, 4, 10) : new Observation(null, 9 * cohort, 10 * cohort)));
            measures.Add(Measure.ForMonth("c", m, new Observation(1200m)));
            measures.Add(Measure.ForMonth("w", m, new Observation(17.25m)));
        }

        measures.Add(Measure.ForYear("t", new FinancialYear(2023), new Observation(88.2m)));
        var input = new ScorecardInput(
            [Timeliness, Contacts, Caseload],
            [new Target("t", new FinancialYear(2024), Target)],
            measures,
            benchmarks ? [new Benchmark("t", new FinancialYear(2023), 84.7m, 99.8m, 84.5m, 84.2m, 90.5m)] : []);
        var card = ScorecardCalculator.Compute(input, Month.Parse(month));
        return suppress is null ? card : SmallNumbers.Protect(input, Month.Parse(month), suppress, Publications.Single).Scorecard;
    }

    private static string[] Headings(ScorecardView view) => [.. view.Columns.Select(c => c.Heading)];

    private static ViewCell Cell(ScorecardView view, string id, string heading) =>
        view.Rows.Single(r => r.Indicator.Id == id).Cells[Headings(view).ToList().IndexOf(heading)];

    [Fact]
    public void Full_InMarch_HeadsTheYearAsTheOutturnAndRatesTheYearEnd()
    {
        var view = ScorecardView.Build(Card("2025-03"));

        Headings(view).ShouldBe(
        [
            "Indicator", "Jan-25", "Feb-25", "Mar-25", "Q4", "2024/25 OUTTURN", "Good perf is", "DOT (Month)", "RAG (Month)",
            "DOT (Yr on Yr)", "RAG (Yr End)", "Red", "Amber", "Green (target)", "2023/24", "Yr on Yr trend",
            "Stat neigh av.", "Best stat neigh", "Nat av.", "Regional av.", "Top qtile threshold",
        ]);
        view.Columns.Single(c => c.Emphasis).Heading.ShouldBe("2024/25 OUTTURN");
        view.MonthTitle.ShouldBe("March 2025");
    }

    [Fact]
    public void Full_BeforeMarch_HeadsTheYearToDate()
    {
        var view = ScorecardView.Build(Card("2024-11"));

        // September is "Sept" in en-GB
        Headings(view)[1..6].ShouldBe(["Sept-24", "Oct-24", "Nov-24", "Q3", "2024/25 YTD"]);
        Headings(view)[10].ShouldBe("RAG (YTD)");
        Headings(view)[14].ShouldBe("2023/24");
    }

    [Fact]
    public void Full_GroupsTheColumnsAsTheSeedDoes()
    {
        var view = ScorecardView.Build(Card("2025-03", benchmarks: true));

        view.Groups.Select(g => (g.Heading, g.First, g.Span)).ShouldBe(
        [
            ("", 0, 6), // the indicator, the months, the quarter and the year
            ("", 6, 5), // good performance, directions and RAG
            ("TARGET & TOLERANCES", 11, 3),
            ("YR ON YR PERFORMANCE", 14, 2),
            ("LATEST BENCHMARKING (2023/24)", 16, 5),
        ]);
    }

    [Fact]
    public void Full_ShowsFiguresDirectionsRagAndBandsAsTheSeedDoes()
    {
        var view = ScorecardView.Build(Card("2025-03"));

        // 9 of 10 in January and March, 4 of 10 in February: the quarter is 22 of 30, the year 103 of 120
        Cell(view, "t", "Mar-25").ShouldBe(new FigureCell("90.0%", 90.0m, false));
        Cell(view, "t", "Q4").Text.ShouldBe("73.3%");
        Cell(view, "t", "2024/25 OUTTURN").ShouldBe(new FigureCell("85.8%", 85.8m, false));
        var dot = (DirectionCell)Cell(view, "t", "DOT (Month)");
        (dot.Text, dot.Improving, dot.Label).ShouldBe(("↑", true, "up, improving"));
        Cell(view, "t", "RAG (Month)").ShouldBe(new RagCell("Green", Rag.Green));
        Cell(view, "t", "RAG (Yr End)").ShouldBe(new RagCell("Amber", Rag.Amber));
        (Cell(view, "t", "Red").Text, Cell(view, "t", "Amber").Text, Cell(view, "t", "Green (target)").Text).ShouldBe(("<82%", "82%+", "90%+"));
        Cell(view, "t", "2023/24").Text.ShouldBe("88.2%");
        var trend = (TrendCell)Cell(view, "t", "Yr on Yr trend");
        (trend.Text, trend.Label).ShouldBe(("90.0% 90.0% 90.0% 73.3%", "Trend over 4 quarters"));
    }

    [Fact]
    public void Full_WithholdsASuppressedFigureAsC_AndWhatIsJudgedOnIt()
    {
        // 4 of 10 in February is a small count (and 90 of 100 in the other months is not)
        var view = ScorecardView.Build(Card("2025-02", suppress: SuppressionPolicy.Default, cohort: 10));

        Cell(view, "t", "Feb-25").ShouldBe(new FigureCell("c", null, true));
        Cell(view, "t", "RAG (Month)").ShouldBe(new RagCell("-", Rag.None));
        Cell(view, "t", "DOT (Month)").ShouldBe(new DirectionCell("-", null, ""));
        Cell(view, "t", "Jan-25").Text.ShouldBe("c"); // or the quarter to date less January would give February
        Cell(view, "t", "Dec-24").Text.ShouldBe("90.0%");
    }

    [Fact]
    public void Full_ShowsDashesForARowWithoutTarget()
    {
        var view = ScorecardView.Build(Card("2025-03"));

        (Cell(view, "w", "Red").Text, Cell(view, "w", "Amber").Text, Cell(view, "w", "Green (target)").Text).ShouldBe(("-", "-", "-"));
        Cell(view, "w", "RAG (Yr End)").ShouldBe(new RagCell("-", Rag.None));
        Cell(view, "w", "2024/25 OUTTURN").Text.ShouldBe("17.3"); // 17.25 half away from zero
        Cell(view, "w", "DOT (Month)").ShouldBe(new DirectionCell("→", new Travel(Direction.Level, null), "level"));
        Cell(view, "w", "2023/24").ShouldBe(new FigureCell("-", null, false));
    }

    [Fact]
    public void Full_ShowsAnActivityRowWithoutJudgement()
    {
        var view = ScorecardView.Build(Card("2025-03"));

        Cell(view, "c", "Indicator").Text.ShouldBe("Contacts");
        Cell(view, "c", "Mar-25").ShouldBe(new FigureCell("1,200", 1200m, false));
        Cell(view, "c", "2024/25 OUTTURN").Text.ShouldBe("14,400"); // summed over the twelve months
        Cell(view, "c", "Good perf is").Text.ShouldBe("-");
        Cell(view, "c", "DOT (Month)").ShouldBe(new DirectionCell("→", new Travel(Direction.Level, null), "level"));
        Cell(view, "c", "RAG (Month)").Text.ShouldBe("-");
    }

    [Fact]
    public void Full_WithoutBenchmarks_ShowsDashesAndNoYear()
    {
        var view = ScorecardView.Build(Card("2025-03"));

        view.Groups[^1].Heading.ShouldBe("LATEST BENCHMARKING");
        view.Rows.SelectMany(r => r.Cells.Where((_, c) => view.Columns[c].Kind == ColumnKind.Benchmark)).ShouldAllBe(c => c == new FigureCell("-", null, false));
    }

    [Fact]
    public void Full_WithBenchmarks_ShowsThemAtTheIndicatorsDecimals()
    {
        var view = ScorecardView.Build(Card("2025-03", benchmarks: true));

        Cell(view, "t", "Stat neigh av.").ShouldBe(new FigureCell("84.7%", 84.7m, false));
        Cell(view, "t", "Top qtile threshold").Text.ShouldBe("90.5%");
        Cell(view, "c", "Nat av.").Text.ShouldBe("-"); // no benchmark for this row
    }

    [Fact]
    public void Full_PutsExtraColumnsAfterTheRag()
    {
        var view = ScorecardView.Build(Card("2025-03"), ScorecardLayout.Full, [new ExtraColumn("Variation", r => r.Indicator.Id + "!")]);

        Headings(view)[10..12].ShouldBe(["RAG (Yr End)", "Variation"]);
        Cell(view, "t", "Variation").ShouldBe(new TextCell("t!"));
        view.Groups[1].Span.ShouldBe(6);
    }

    [Fact]
    public void Compact_HasTheTerminalsColumnsAndTheSameYearHeading()
    {
        var view = ScorecardView.Build(Card("2025-03", benchmarks: true), ScorecardLayout.Compact);

        Headings(view).ShouldBe(
        [
            "Indicator", "Jan-25", "Feb-25", "Mar-25", "Q4", "2024/25 OUTTURN", "Good", "DOT m", "RAG m", "DOT y", "RAG yr",
            "Target", "2023/24", "SN av.", "Nat av.",
        ]);
        Cell(view, "t", "Target").Text.ShouldBe("90%+ (82%+)");
        Cell(view, "w", "Target").Text.ShouldBe("-");
    }

    [Fact]
    public void Summary_HasTheYearItsRagAndDirection()
    {
        var view = ScorecardView.Build(Card("2024-12"), ScorecardLayout.Summary);

        Headings(view).ShouldBe(["Area", "Indicator", "2024/25 YTD", "RAG (YTD)", "DOT (Yr on Yr)"]);
        view.Columns.ShouldAllBe(c => !c.Emphasis);
    }

    [Fact]
    public void Data_HasStableNamesAndInvariantValues()
    {
        var view = ScorecardView.Build(Card("2025-03", benchmarks: true), ScorecardLayout.Data);

        Headings(view).ShouldBe(
        [
            "area", "id", "name", "kind", "unit", "good_performance_is", "2025-01", "2025-02", "2025-03", "2024-25Q4", "2024-25 year to date",
            "dot_month", "dot_month_improving", "rag_month", "dot_year", "dot_year_improving", "rag_year", "red", "amber", "green",
            "2023-24 outturn", "trend 2024-25Q1", "trend 2024-25Q2", "trend 2024-25Q3", "trend 2024-25Q4",
            "benchmark_year", "stat_neighbour_average", "best_stat_neighbour", "national", "regional", "top_quartile",
        ]);
        view.Rows.Single(r => r.Indicator.Id == "c").Cells.Select(c => c.Text).ShouldBe(
        [
            "Front door", "c", "Contacts", "activity", "count", "none", "1200", "1200", "1200", "3600", "14400",
            "level", "", "", "", "", "", "", "", "", "", "3600", "3600", "3600", "3600", "", "", "", "", "", "",
        ]);
    }

    [Fact]
    public void Build_WithoutRows_HeadsTheColumnsFromTheMonth()
    {
        var view = ScorecardView.Build(new Scorecard(new Month(2025, 3), []));

        Headings(view)[1..6].ShouldBe(["Jan-25", "Feb-25", "Mar-25", "Q4", "2024/25 OUTTURN"]);
        view.Areas.ShouldBeEmpty();
    }

    [Fact]
    public void Full_ShowsARowWithNoFigureForAnyPeriodAsNoDataNotAsMissingMonths()
    {
        // A catalogue indicator whose return was not given: nothing in any period, so "no data", never a blank or zero
        var silent = new Indicator("s", "Children looked after", "Children in Need", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Snapshot, 0);
        var input = new ScorecardInput([Timeliness, silent], [], [Measure.ForMonth("t", new Month(2025, 3), new Observation(null, 9, 10))]);
        var view = ScorecardView.Build(ScorecardCalculator.Compute(input, Month.Parse("2025-03")));

        Cell(view, "s", "Mar-25").Text.ShouldBe("no data");
        Cell(view, "s", "2024/25 OUTTURN").Text.ShouldBe("no data");
        Cell(view, "t", "Jan-25").Text.ShouldBe("-"); // a month missing from a row that has figures stays a gap
    }
}
