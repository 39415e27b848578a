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

public class MeasureCheckTests
{
    private static readonly Indicator Timeliness = new("t", "Timeliness", "A", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);

    [Theory]
    [InlineData(null, 5, null, "denominator", "give both numerator and denominator, or neither.")]
    [InlineData(null, null, null, "value", "give a value, or a numerator and denominator.")]
    [InlineData(null, -1, 4, "numerator", "numerator and denominator cannot be negative.")]
    [InlineData(null, 3, 0, "denominator", "the denominator is 0 but the numerator is 3: a non-zero count cannot have an empty cohort.")]
    [InlineData(80, 41, 46, "value", "the value 80 disagrees with numerator/denominator (41/46 gives 89.1).")] // 89.13%
    [InlineData(90, null, null, "numerator", "'t' aggregates as a ratio, so each month needs its numerator and denominator to roll up into the quarter and year.")]
    public void Check_NamesTheFieldAndTheRule(int? value, int? numerator, int? denominator, string field, string message) =>
        Measure.Check(Timeliness, monthly: true, value, numerator, denominator).ShouldBe(new Problem(field, message));

    [Fact]
    public void Check_AcceptsAValueThatAgreesAtTheDisplayedPrecision() =>
        Measure.Check(Timeliness, monthly: true, 89.1m, 41m, 46m).ShouldBeNull(); // 41/46 is 89.13%, shown 89.1%

    [Fact]
    public void Check_RefusesAValueOffByMoreThanHalfADisplayedPlace() =>
        Measure.Check(Timeliness, monthly: true, 89.2m, 41m, 46m)!.Field.ShouldBe("value"); // 0.07 off, more than 0.05

    [Fact]
    public void Check_LetsAYearFigureOfARatioStandAlone() =>
        Measure.Check(Timeliness, monthly: false, 88.2m, null, null).ShouldBeNull();

    [Fact]
    public void Observation_ThrowsWithTheProblemOfItsCheck() =>
        Should.Throw<ArgumentException>(() => new Observation(null, 3m, 0m)).ParamName.ShouldBe("denominator");
}
