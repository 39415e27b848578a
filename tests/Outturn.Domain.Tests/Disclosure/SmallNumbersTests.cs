using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Tests.Disclosure;

public class SmallNumbersTests
{
    private static readonly Indicator Timeliness = new("t", "Timeliness", "A", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);
    private static readonly Indicator Starts = new("s", "Children starting care", "A", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Sum, 0);
    private static readonly Indicator ValueOnly = new("v", "Rate given as a value", "A", IndicatorKind.Benchmarking, Unit.Rate, Polarity.Low, Aggregation.Snapshot, 1);

    private static ScorecardRow Suppressed(Indicator indicator, string month, params (string Month, decimal? Value, decimal? N, decimal? D)[] figures)
    {
        var measures = figures.Select(f => Measure.ForMonth(indicator.Id, Month.Parse(f.Month), new Observation(f.Value, f.N, f.D))).ToList();
        var targets = indicator.Polarity == Polarity.None ? [] : new[] { new Target(indicator.Id, Month.Parse(month).FinancialYear, new Thresholds(Polarity.High, 90, 80)) };
        return SmallNumbers.Protect(new ScorecardInput([indicator], targets, measures), Month.Parse(month), SuppressionPolicy.Default, Publications.Single).Scorecard.Rows.Single();
    }

    [Theory]
    [InlineData(5, false)] // the largest small count
    [InlineData(6, true)] // the smallest count shown
    [InlineData(0, true)] // zero is shown, as the DfE publishes it
    public void Suppress_WithholdsCountsFromOneToFive(int count, bool shown)
    {
        var row = Suppressed(Starts, "2025-03", ("2025-01", 20, null, null), ("2025-02", 30, null, null), ("2025-03", count, null, null));

        row.Months[2].Suppressed.ShouldBe(!shown);
        (row.Months[2].Value is null).ShouldBe(!shown);
    }

    [Fact]
    public void Suppress_WithholdsAPercentageBuiltOnASmallNumerator()
    {
        // 4 of 40 in March, 30 of 40 in February
        var row = Suppressed(Timeliness, "2025-03", ("2025-02", null, 30, 40), ("2025-03", null, 4, 40));

        row.Months[2].ShouldBe(new PeriodValue(new Month(2025, 3), null, null, null, true));
        row.RagMonth.ShouldBe(Rag.None); // a colour would tell the reader the range of the withheld figure
        row.DirectionMonth.ShouldBeNull();
        row.Quarter.Value.ShouldBe(42.5m); // 34 of 80 is not small,
        row.Months[1].Suppressed.ShouldBeTrue(); // but less February's 30 of 40 it would give March's 4 of 40
    }

    [Fact]
    public void Suppress_WithholdsAPercentageOfASmallCohort()
    {
        // 2 of 3 children: 66.7% reveals both counts
        var row = Suppressed(Timeliness, "2025-03", ("2025-03", null, 2, 3));

        row.Months[2].Suppressed.ShouldBeTrue();
        row.Quarter.Suppressed.ShouldBeTrue();
        row.Year.Suppressed.ShouldBeTrue();
        row.RagYear.ShouldBe(Rag.None);
        row.DirectionYear.ShouldBeNull();
    }

    [Fact]
    public void Suppress_WithholdsTheNextSmallestMonthSoTheQuarterCannotRevealTheSmallOne()
    {
        // Given January 3, February 10, March 12 and a shown quarter of 25
        var row = Suppressed(Starts, "2025-03", ("2025-01", 3, null, null), ("2025-02", 10, null, null), ("2025-03", 12, null, null));

        // Then February goes too: 25 - 12 leaves 13 for January and February together, not 3 for January
        row.Months.Select(m => m.Suppressed).ShouldBe([true, true, false]);
        row.Quarter.Value.ShouldBe(25m);
    }

    [Fact]
    public void Suppress_WithholdsTheQuarterWhenNoOtherMonthIsShown()
    {
        // Given the scorecard month is the first of the quarter: the quarter equals that one month
        var row = Suppressed(Starts, "2025-01", ("2024-12", 20, null, null), ("2025-01", 3, null, null));

        row.Months[2].Suppressed.ShouldBeTrue();
        row.Quarter.Suppressed.ShouldBeTrue();
        row.Trend[^1].Suppressed.ShouldBeTrue(); // the same quarter in the trend
    }

    [Fact]
    public void Suppress_WithholdsAnotherQuarterSoTheYearCannotRevealTheSmallOne()
    {
        // Given quarters of 30, 20, 40 and 4 (all in one month each), and a shown year of 94
        var row = Suppressed(Starts, "2025-03",
            ("2024-04", 30, null, null), ("2024-07", 20, null, null), ("2024-10", 40, null, null), ("2025-03", 4, null, null));

        row.Trend.Select(t => t.Suppressed).ShouldBe([false, true, false, true]); // Q2 (20) is the next smallest
        row.Year.Value.ShouldBe(94m);
    }

    [Fact]
    public void Suppress_ShowsAValueWithNoCountsAndSaysSo()
    {
        var input = new ScorecardInput([ValueOnly], [], [Measure.ForMonth("v", Month.Parse("2025-03"), new Observation(3.2m))]);
        var scorecard = ScorecardCalculator.Compute(input, Month.Parse("2025-03"));

        SmallNumbers.Protect(input, Month.Parse("2025-03"), SuppressionPolicy.Default, Publications.Single).Scorecard.Rows.Single().Months[2].Value.ShouldBe(3.2m);
        SmallNumbers.Unjudged(scorecard).Single().Indicator.Id.ShouldBe("v");
    }

    [Fact]
    public void Suppress_UsesTheThresholdGiven()
    {
        var input = new ScorecardInput([Starts], [], [Measure.ForMonth("s", Month.Parse("2025-03"), new Observation(8m))]);

        SmallNumbers.Protect(input, Month.Parse("2025-03"), new SuppressionPolicy(10), Publications.Single).Scorecard.Rows.Single().Months[2].Suppressed.ShouldBeTrue();
        SmallNumbers.Protect(input, Month.Parse("2025-03"), new SuppressionPolicy(6), Publications.Single).Scorecard.Rows.Single().Months[2].Suppressed.ShouldBeFalse();
    }

    [Fact]
    public void Suppress_WithholdsAPercentageWhoseComplementIsSmall()
    {
        // 6 of 7 on time tells anyone who knows the seven children that one was late, as "1 of 7 late" would
        var row = Suppressed(Timeliness, "2025-03", ("2025-02", null, 30, 40), ("2025-03", null, 6, 7));

        row.Months[2].Suppressed.ShouldBeTrue();
        (row.Quarter.Numerator, row.Quarter.Denominator).ShouldBe((36m, 47m)); // 11 late is not small
        row.Months[1].Suppressed.ShouldBeTrue(); // but February's 30 of 40 would give March's by subtraction
    }

    [Fact]
    public void Protect_AllowsForLastMonthsScorecard()
    {
        // Given April 20 and May 3 starts, and April's scorecard already published with April's 20
        var measures = new[] { Measure.ForMonth("s", new Month(2025, 4), new Observation(20m)), Measure.ForMonth("s", new Month(2025, 5), new Observation(3m)) };
        var input = new ScorecardInput([Starts], [], measures);

        var alone = SmallNumbers.Protect(input, new Month(2025, 5), SuppressionPolicy.Default, Publications.Single).Scorecard.Rows.Single();
        var monthly = SmallNumbers.Protect(input, new Month(2025, 5), SuppressionPolicy.Default, Publications.Monthly).Scorecard.Rows.Single();

        // Then alone, April (the next smallest) goes so that the quarter to date less April cannot give May's 3;
        alone.Months.Select(m => m.Suppressed).ShouldBe([false, true, true]);
        alone.Quarter.Value.ShouldBe(23m);

        // but April's 20 is already out in April's scorecard, so May's quarter and year to date (23) go instead.
        monthly.Months.Select(m => m.Suppressed).ShouldBe([false, false, true]);
        monthly.Months[1].Value.ShouldBe(20m);
        monthly.Quarter.Suppressed.ShouldBeTrue();
        monthly.Year.Suppressed.ShouldBeTrue();
    }

    [Fact]
    public void Protect_WithholdsTheChartMonthsTheReportsTogetherWouldReveal()
    {
        // Given monthly figures shown in a 24-month chart, one of them small
        var measures = Enumerable.Range(0, 24).Select(i => Measure.ForMonth("t", new Month(2023, 4).AddMonths(i), new Observation(null, i == 14 ? 2 : 20, 30))).ToList();
        var input = new ScorecardInput([Timeliness], [new Target("t", new FinancialYear(2024), new Thresholds(Polarity.High, 90, 80))], measures);

        var report = SmallNumbers.Protect(input, new Month(2025, 3), SuppressionPolicy.Default, Publications.Quarterly(24));

        // Then June 2024 (2 of 30) is withheld in the chart, as on the scorecard
        var chart = report.Series["t"];
        chart.Count.ShouldBe(24);
        chart.Single(p => p.Period == new Month(2024, 6)).Suppressed.ShouldBeTrue();
        chart.Count(p => p.Suppressed).ShouldBeGreaterThan(1); // and at least one more, or Q1 2024-25 less two months gives it
    }
}
