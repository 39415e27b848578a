using Outturn.Domain.Indicators;

namespace Outturn.Domain.Tests.Indicators;

public class ObservationTests
{
    [Fact]
    public void ValueAt_ScalesNumeratorOverDenominator() =>
        new Observation(null, 128m, 139m).ValueAt(100m)!.Value.ShouldBe(92.086330935251798561151079137m, 0.0000000001m);

    [Fact]
    public void ValueAt_PrefersTheValueGiven() =>
        new Observation(310.7m).ValueAt(10_000m).ShouldBe(310.7m);

    [Fact]
    public void ValueAt_IsNullOverAZeroDenominator() =>
        new Observation(null, 0m, 0m).ValueAt(100m).ShouldBeNull();

    [Theory]
    [InlineData(5, null)] // a numerator alone cannot be scaled
    [InlineData(null, 5)]
    public void Constructor_RefusesHalfARatio(int? numerator, int? denominator) =>
        Should.Throw<ArgumentException>(() => new Observation(null, numerator, denominator));

    [Fact]
    public void Constructor_RefusesANonZeroCountOverAnEmptyCohort() =>
        Should.Throw<ArgumentException>(() => new Observation(null, 3m, 0m));

    [Fact]
    public void Constructor_RefusesNothing() =>
        Should.Throw<ArgumentException>(() => new Observation(null));
}
