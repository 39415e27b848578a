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
        var scorecard = ScorecardCalculator.Compute(new ScorecardInput([indicator], targets, measures), Month.Parse(month));
        return SmallNumbers.Suppress(scorecard, SuppressionPolicy.Default).Rows.Single();
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
        // 4 of 40 in March, 36 of 40 in February
        var row = Suppressed(Timeliness, "2025-03", ("2025-02", null, 36, 40), ("2025-03", null, 4, 40));

        row.Months[2].ShouldBe(new PeriodValue(new Month(2025, 3), null, null, null, true));
        row.Months[1].Value.ShouldBe(90m);
        row.RagMonth.ShouldBe(Rag.None); // a colour would tell the reader the range of the withheld figure
        row.DirectionMonth.ShouldBeNull();
        row.Quarter.Value.ShouldBe(50m); // 40 of 80 is not small
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
        var scorecard = ScorecardCalculator.Compute(
            new ScorecardInput([ValueOnly], [], [Measure.ForMonth("v", Month.Parse("2025-03"), new Observation(3.2m))]), Month.Parse("2025-03"));

        SmallNumbers.Suppress(scorecard, SuppressionPolicy.Default).Rows.Single().Months[2].Value.ShouldBe(3.2m);
        SmallNumbers.Unjudged(scorecard).Single().Indicator.Id.ShouldBe("v");
    }

    [Fact]
    public void Suppress_UsesTheThresholdGiven()
    {
        var scorecard = ScorecardCalculator.Compute(
            new ScorecardInput([Starts], [], [Measure.ForMonth("s", Month.Parse("2025-03"), new Observation(8m))]), Month.Parse("2025-03"));

        SmallNumbers.Suppress(scorecard, new SuppressionPolicy(10)).Rows.Single().Months[2].Suppressed.ShouldBeTrue();
        SmallNumbers.Suppress(scorecard, new SuppressionPolicy(6)).Rows.Single().Months[2].Suppressed.ShouldBeFalse();
    }
}
