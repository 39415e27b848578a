using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;

namespace Outturn.Domain.Tests.Benchmarking;

public class QuartilesTests
{
    [Fact]
    public void Of_InterpolatesLinearlyBetweenOrderStatistics_AsRType7()
    {
        // R: quantile(c(1, 2, 3, 4)) gives 1, 1.75, 2.5, 3.25, 4
        var q = Quartiles.Of([4m, 1m, 3m, 2m]);

        (q.Min, q.Lower, q.Median, q.Upper, q.Max).ShouldBe((1m, 1.75m, 2.5m, 3.25m, 4m));
        q.Count.ShouldBe(4);
    }

    [Fact]
    public void Of_LandsOnValuesWhenPositionsAreWhole()
    {
        // R: quantile(c(10, 20, 30, 40, 50)) gives the values themselves
        var q = Quartiles.Of([50m, 10m, 40m, 20m, 30m]);

        (q.Lower, q.Median, q.Upper).ShouldBe((20m, 30m, 40m));
    }

    [Fact]
    public void Of_OneValue_IsThatValueEverywhere()
    {
        var q = Quartiles.Of([7.5m]);

        (q.Min, q.Lower, q.Median, q.Upper, q.Max).ShouldBe((7.5m, 7.5m, 7.5m, 7.5m, 7.5m));
    }

    [Fact]
    public void Of_NoValues_IsRefused() =>
        Should.Throw<ArgumentException>(() => Quartiles.Of([]));

    [Theory]
    // LAIT tests/testthat/test-fn_analysis.R use bands 0, 25, 50, 75, 100; the boundaries belong to the band below.
    [InlineData(0, "A")]
    [InlineData(10, "A")]
    [InlineData(25, "A")]
    [InlineData(30, "B")]
    [InlineData(50, "B")]
    [InlineData(60, "C")]
    [InlineData(75, "C")]
    [InlineData(80, "D")]
    [InlineData(100, "D")]
    public void Band_LowPolarity_PutsTheLowestQuarterInA(int value, string band) =>
        Quartiles.Of([0m, 25m, 50m, 75m, 100m]).Band(value, Polarity.Low).ShouldBe(Enum.Parse<QuartileBand>(band));

    [Theory]
    [InlineData(10, "D")]
    [InlineData(25, "D")] // at Q1: still the worst quarter when high is good
    [InlineData(30, "C")]
    [InlineData(60, "B")]
    [InlineData(75, "B")]
    [InlineData(80, "A")]
    [InlineData(100, "A")]
    public void Band_HighPolarity_PutsTheHighestQuarterInA(int value, string band) =>
        Quartiles.Of([0m, 25m, 50m, 75m, 100m]).Band(value, Polarity.High).ShouldBe(Enum.Parse<QuartileBand>(band));

    [Fact]
    public void Band_NoPolarity_HasNoBand() =>
        Quartiles.Of([0m, 25m, 50m, 75m, 100m]).Band(10m, Polarity.None).ShouldBeNull();

    [Fact]
    public void TopQuartileThreshold_IsQ3WhenHighIsGoodAndQ1WhenLowIsGood()
    {
        var q = Quartiles.Of([1m, 2m, 3m, 4m]);

        q.TopQuartileThreshold(Polarity.High).ShouldBe(3.25m);
        q.TopQuartileThreshold(Polarity.Low).ShouldBe(1.75m);
        q.TopQuartileThreshold(Polarity.None).ShouldBeNull();
    }
}
