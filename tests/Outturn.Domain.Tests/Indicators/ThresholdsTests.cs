using Outturn.Domain.Indicators;

namespace Outturn.Domain.Tests.Indicators;

public class ThresholdsTests
{
    private static readonly Thresholds HighThreeBands = new(Polarity.High, green: 90m, amber: 82m); // seed: <82% / 82%+ / 90%+
    private static readonly Thresholds LowTwoBands = new(Polarity.Low, green: 227.1m, amber: null); // seed: 227.1+ / - / <227.1
    private static readonly Thresholds LowThreeBands = new(Polarity.Low, green: 8m, amber: 12m);

    [Theory]
    [InlineData(90.0, Rag.Green)] // exactly on the target is green: "90%+"
    [InlineData(89.9, Rag.Amber)]
    [InlineData(82.0, Rag.Amber)] // exactly on the tolerance is amber: "82%+"
    [InlineData(81.9, Rag.Red)]
    [InlineData(100.0, Rag.Green)]
    public void Rate_HighPolarity_IncludesEachThresholdInTheBetterBand(decimal value, Rag expected) =>
        HighThreeBands.Rate(value).ShouldBe(expected);

    [Theory]
    [InlineData(227.0, Rag.Green)]
    [InlineData(227.1, Rag.Red)] // exactly on the target is red for low polarity: "227.1+" is the red band
    [InlineData(400.0, Rag.Red)]
    public void Rate_LowPolarityTwoBands_HasNoAmber(decimal value, Rag expected) =>
        LowTwoBands.Rate(value).ShouldBe(expected);

    [Theory]
    [InlineData(7.9, Rag.Green)]
    [InlineData(8.0, Rag.Amber)] // on the target: no longer below it
    [InlineData(11.9, Rag.Amber)]
    [InlineData(12.0, Rag.Red)] // on the tolerance
    public void Rate_LowPolarityThreeBands_TreatsEachThresholdAsTheStartOfTheWorseBand(decimal value, Rag expected) =>
        LowThreeBands.Rate(value).ShouldBe(expected);

    [Theory]
    [InlineData(Polarity.High, 90, 95)] // amber above green contradicts "high is good"
    [InlineData(Polarity.High, 90, 90)] // an amber band of no width
    [InlineData(Polarity.Low, 8, 5)] // amber below green contradicts "low is good"
    public void Constructor_RefusesThresholdsThatContradictThePolarity(Polarity polarity, decimal green, decimal amber) =>
        Should.Throw<ArgumentException>(() => new Thresholds(polarity, green, amber));

    [Fact]
    public void Constructor_RefusesATargetWithoutPolarity() =>
        Should.Throw<ArgumentException>(() => new Thresholds(Polarity.None, 10m, null));
}

public class ThresholdsCheckTests
{
    [Theory]
    [InlineData(Polarity.High, 90, 95, "amber", "good performance for 'x' is high, so the amber threshold (95) must be below the green target (90).")]
    [InlineData(Polarity.Low, 8, 5, "amber", "good performance for 'x' is low, so the amber threshold (5) must be above the green target (8).")]
    [InlineData(Polarity.None, 8, null, "polarity", "good performance for 'x' has no direction (polarity none), so it takes no target.")]
    public void Check_NamesTheIndicatorAndTheRule(Polarity polarity, int green, int? amber, string field, string message) =>
        Thresholds.Check(polarity, green, amber, "x").ShouldBe(new Problem(field, message));

    [Fact]
    public void Check_AcceptsTwoBandsAndAToleranceOnTheBadSide()
    {
        Thresholds.Check(Polarity.High, 90m, null).ShouldBeNull();
        Thresholds.Check(Polarity.High, 90m, 82m).ShouldBeNull();
        Thresholds.Check(Polarity.Low, 8m, 12m).ShouldBeNull();
    }
}
