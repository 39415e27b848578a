using Outturn.Domain.Indicators;

namespace Outturn.Domain.Tests.Indicators;

public class IndicatorTests
{
    [Theory]
    [InlineData(Unit.Percent, 100)]
    [InlineData(Unit.Rate, 10000)] // per 10,000 children
    [InlineData(Unit.Days, 1)]
    public void Scale_FollowsTheUnit(Unit unit, int scale) =>
        new Indicator("x", "X", "A", IndicatorKind.Local, unit, Polarity.High, Aggregation.Ratio, 1).Scale.ShouldBe(scale);

    [Fact]
    public void Constructor_RefusesAnActivityIndicatorWithAPolarity() =>
        Should.Throw<ArgumentException>(() => new Indicator("x", "X", "A", IndicatorKind.Activity, Unit.Count, Polarity.High, Aggregation.Sum, 0));

    [Theory]
    [InlineData(92.45, 92.5)] // half rounds away from zero, as a spreadsheet shows it
    [InlineData(92.44, 92.4)]
    public void Round_RoundsHalfAwayFromZero(decimal value, decimal shown) =>
        new Indicator("x", "X", "A", IndicatorKind.Local, Unit.Percent, Polarity.High, Aggregation.Ratio, 1).Round(value).ShouldBe(shown);

    [Fact]
    public void Constructor_PutsAnIndicatorWithNoAreaUnderGeneral() =>
        new Indicator("x", "X", " ", IndicatorKind.Local, Unit.Count, Polarity.Low, Aggregation.Sum, 0).Area.ShouldBe("General");
}
