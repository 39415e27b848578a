using Outturn.Domain.Benchmarking;

namespace Outturn.Domain.Tests.Benchmarking;

public class PublishedValueTests
{
    [Theory]
    [InlineData("c", SuppressionMarker.Confidential)]
    [InlineData("z", SuppressionMarker.NotApplicable)]
    [InlineData("x", SuppressionMarker.NotAvailable)]
    [InlineData("k", SuppressionMarker.BelowHalf)]
    [InlineData("u", SuppressionMarker.LowReliability)]
    [InlineData("low", SuppressionMarker.RoundsToZero)]
    [InlineData(" c ", SuppressionMarker.Confidential)] // surrounding spaces are not part of the symbol
    public void TryParse_KeepsEveryMarkerAsAMarker(string text, SuppressionMarker marker)
    {
        PublishedValue.TryParse(text, out var value).ShouldBeTrue();

        value!.Marker.ShouldBe(marker);
        value.Number.ShouldBeNull();
        value.IsNumber.ShouldBeFalse();
    }

    [Theory]
    [InlineData("22.6", 22.6)]
    [InlineData("0", 0)]
    [InlineData("-1.5", -1.5)] // changes can be negative
    [InlineData("12183016", 12183016)]
    public void TryParse_ReadsInvariantNumbers(string text, double expected)
    {
        PublishedValue.TryParse(text, out var value).ShouldBeTrue();

        value!.Number.ShouldBe((decimal)expected);
        value.Marker.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,234")] // machine formats carry no thousands separator
    [InlineData("22,6")] // nor a decimal comma
    [InlineData("12%")]
    [InlineData("C")] // markers are published in lower case
    [InlineData("n/a")]
    public void TryParse_RefusesAnythingElse(string text) =>
        PublishedValue.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void ToString_WritesTheCellAsPublished()
    {
        PublishedValue.Of(22.6m).ToString().ShouldBe("22.6");
        PublishedValue.Suppressed(SuppressionMarker.RoundsToZero).ToString().ShouldBe("low");
    }

    [Fact]
    public void Suppressed_AnUndefinedMarker_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PublishedValue.Suppressed((SuppressionMarker)99));
}
