using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Spc;

namespace Outturn.Domain.Tests.Spc;

public class XmrTests
{
    private static List<(Period, decimal)> Series(params decimal[] values) =>
        [.. values.Select((v, i) => ((Period)new Month(2023, 4).AddMonths(i), v))];

    private static SpcRule[] RulesAt(XmrChart chart, int index) => [.. chart.Points[index].Rules.Order()];

    // A stable series with no pattern: alternating around 50 with a fixed range.
    private static readonly decimal[] Stable = [50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51];

    [Fact]
    public void Compute_PutsTheLimitsAt2Point66AverageMovingRangesFromTheMean()
    {
        var chart = Xmr.Compute(Series(10, 12, 11, 13), Polarity.High)!;

        chart.Mean.ShouldBe(11.5m);
        chart.AverageMovingRange.ShouldBe(5m / 3m);
        chart.UpperLimit.ShouldBe(11.5m + (2.66m * 5m / 3m), 0.0000000001m);
        chart.LowerLimit.ShouldBe(11.5m - (2.66m * 5m / 3m), 0.0000000001m);
        chart.Points[0].MovingRange.ShouldBeNull();
        chart.Points[3].MovingRange.ShouldBe(2m);
    }

    [Fact]
    public void Compute_HoldsAPercentagesLimitsWithin0And100()
    {
        // Mean 96.5, average moving range 5: unbounded limits would be 83.2% to 109.8%, past what a percentage can be.
        var values = new decimal[] { 100, 95, 100, 95, 99, 94, 99, 94 };

        var percent = Xmr.Compute(Series(values), Polarity.High, unit: Unit.Percent)!;
        var number = Xmr.Compute(Series(values), Polarity.High)!;

        percent.UpperLimit.ShouldBe(100m);
        percent.LowerLimit.ShouldBe(number.LowerLimit);
        number.UpperLimit.ShouldBeGreaterThan(100m);
        percent.UpperWarning.ShouldBe(number.UpperWarning); // the 2-sigma lines are the process's, whatever the bounds
    }

    [Fact]
    public void Compute_HoldsACountsLowerLimitAtZero()
    {
        var chart = Xmr.Compute(Series(1, 6, 0, 7, 1, 5), Polarity.Low, unit: Unit.Count)!;

        chart.LowerLimit.ShouldBe(0m);
    }

    [Fact]
    public void Compute_FiresNoRuleOnAStableSeries()
    {
        var chart = Xmr.Compute(Series(Stable), Polarity.High, target: 40m)!;

        chart.Points.ShouldAllBe(p => p.Rules.Count == 0 && p.Side == SpcSide.None);
        chart.Variation.ShouldBe(VariationVerdict.CommonCause);
        chart.IsReliable.ShouldBeTrue();
    }

    [Fact]
    public void Compute_FiresNoRuleOnSixPointsAboveTheMean()
    {
        // Six high points then six low ones: runs one short of a shift, and no trend
        var chart = Xmr.Compute(Series(60, 61, 60, 61, 60, 61, 40, 41, 40, 41, 40, 41), Polarity.High)!;

        chart.Points.ShouldAllBe(p => !p.Rules.Contains(SpcRule.Shift) && !p.Rules.Contains(SpcRule.Trend));
    }

    [Fact]
    public void Compute_MarksAPointBeyondTheUpperLimit()
    {
        var chart = Xmr.Compute(Series([.. Stable, 80]), Polarity.High)!;

        RulesAt(chart, 16).ShouldContain(SpcRule.OutsideLimits);
        chart.Points[16].Side.ShouldBe(SpcSide.High);
        chart.Variation.ShouldBe(VariationVerdict.SpecialCauseImproving);
        chart.Points.Take(16).ShouldAllBe(p => !p.Rules.Contains(SpcRule.OutsideLimits));
    }

    [Fact]
    public void Compute_CallsAHighOutlierConcerningWhenLowIsGood()
    {
        var chart = Xmr.Compute(Series([.. Stable, 80]), Polarity.Low)!;

        chart.Variation.ShouldBe(VariationVerdict.SpecialCauseConcerning);
    }

    [Fact]
    public void Compute_MarksSevenPointsBelowTheMeanAsAShift()
    {
        // Given eight points high then seven points low (alternating so there is no trend)
        var chart = Xmr.Compute(Series(60, 62, 60, 62, 60, 62, 60, 62, 48, 46, 48, 46, 48, 46, 48), Polarity.High)!;

        // Then the seven low points form a shift, and the eight high ones too
        Enumerable.Range(8, 7).ShouldAllBe(i => chart.Points[i].Rules.Contains(SpcRule.Shift) && chart.Points[i].Side == SpcSide.Low);
        Enumerable.Range(0, 8).ShouldAllBe(i => chart.Points[i].Rules.Contains(SpcRule.Shift));
        chart.Variation.ShouldBe(VariationVerdict.SpecialCauseConcerning);
    }

    [Fact]
    public void Compute_APointOnTheMeanBreaksAShift()
    {
        // Mean is 50; seven low points are split four and three by a point exactly on it
        var chart = Xmr.Compute(Series(56, 54, 56, 54, 56, 54, 44, 46, 44, 46, 50, 46, 48, 46), Polarity.High)!;

        chart.Mean.ShouldBe(50m);
        chart.Points.ShouldAllBe(p => !p.Rules.Contains(SpcRule.Shift));
    }

    [Fact]
    public void Compute_MarksSevenRisingPointsAsATrend()
    {
        var chart = Xmr.Compute(Series(50, 52, 49, 51, 50, 48, 49, 50, 51, 52, 53, 54), Polarity.Low)!;

        // 48 49 50 51 52 53 54: seven points, six rises
        Enumerable.Range(5, 7).ShouldAllBe(i => chart.Points[i].Rules.Contains(SpcRule.Trend) && chart.Points[i].Side == SpcSide.High);
        chart.Points[4].Rules.ShouldNotContain(SpcRule.Trend);
        chart.Variation.ShouldBe(VariationVerdict.SpecialCauseConcerning);
    }

    [Fact]
    public void Compute_SixRisingPointsAreNotATrend()
    {
        var chart = Xmr.Compute(Series(50, 52, 49, 51, 50, 48, 49, 50, 51, 52, 53), Polarity.Low)!;

        chart.Points.ShouldAllBe(p => !p.Rules.Contains(SpcRule.Trend));
    }

    [Fact]
    public void Compute_AnUnchangedValueBreaksATrend()
    {
        var chart = Xmr.Compute(Series(50, 52, 49, 51, 40, 41, 42, 43, 43, 44, 45, 46), Polarity.High)!;

        chart.Points.ShouldAllBe(p => !p.Rules.Contains(SpcRule.Trend));
    }

    [Fact]
    public void Compute_MarksTwoOfThreePointsNearTheLowerLimit()
    {
        // Stable, then two of three points beyond two-thirds of the way to the lower limit but inside it
        var chart = Xmr.Compute(Series([.. Stable, 45m, 50, 45m]), Polarity.High)!;

        chart.LowerWarning.ShouldBeGreaterThan(45m);
        chart.LowerLimit.ShouldBeLessThan(45m);
        RulesAt(chart, 16).ShouldBe([SpcRule.TwoOfThreeNearLimit]);
        RulesAt(chart, 17).ShouldBeEmpty(); // the point between is not near the limit
        RulesAt(chart, 18).ShouldBe([SpcRule.TwoOfThreeNearLimit]);
        chart.Variation.ShouldBe(VariationVerdict.SpecialCauseConcerning);
    }

    [Fact]
    public void Compute_OnePointNearTheLimitIsNotTwoOfThree()
    {
        var chart = Xmr.Compute(Series([.. Stable, 45m, 50, 51]), Polarity.High)!;

        chart.Points[16].Value.ShouldBeLessThan(chart.LowerWarning);

        chart.Points.ShouldAllBe(p => !p.Rules.Contains(SpcRule.TwoOfThreeNearLimit));
    }

    [Theory]
    [InlineData(Polarity.High, 40, AssuranceVerdict.ReliablyMet)] // target below the lower limit
    [InlineData(Polarity.High, 50, AssuranceVerdict.HitAndMiss)] // target inside the limits
    [InlineData(Polarity.High, 60, AssuranceVerdict.ReliablyMissed)] // target above the upper limit
    [InlineData(Polarity.Low, 60, AssuranceVerdict.ReliablyMet)]
    [InlineData(Polarity.Low, 50, AssuranceVerdict.HitAndMiss)]
    [InlineData(Polarity.Low, 40, AssuranceVerdict.ReliablyMissed)]
    [InlineData(Polarity.None, 40, AssuranceVerdict.NotApplicable)] // activity: nothing to assure
    public void Compute_JudgesAssuranceByWhereTheTargetLiesAgainstTheLimits(Polarity polarity, int target, AssuranceVerdict expected) =>
        Xmr.Compute(Series(Stable), polarity, target)!.Assurance.ShouldBe(expected);

    [Fact]
    public void Compute_WithoutATargetGivesNoAssurance() =>
        Xmr.Compute(Series(Stable), Polarity.High)!.Assurance.ShouldBe(AssuranceVerdict.NotApplicable);

    [Fact]
    public void Compute_WithoutPolarityReportsTheDirectionOnly() =>
        Xmr.Compute(Series([.. Stable, 80]), Polarity.None)!.Variation.ShouldBe(VariationVerdict.SpecialCauseHigh);

    [Fact]
    public void Compute_FlagsFewerThanFifteenPointsAsUnreliable() =>
        Xmr.Compute(Series(50, 52, 49, 51), Polarity.High)!.IsReliable.ShouldBeFalse();

    [Fact]
    public void Compute_NeedsTwoPoints() =>
        Xmr.Compute(Series(50), Polarity.High).ShouldBeNull();
}
