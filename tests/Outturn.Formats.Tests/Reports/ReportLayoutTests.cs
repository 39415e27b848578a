using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Tests.Pdf;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Reports;

/// <summary>The report and the scorecard page laid out by the real Chromium: they fit a laptop screen without sideways scrolling.</summary>
public class ReportLayoutTests
{
    [Theory]
    [InlineData(1366)]
    [InlineData(1400)]
    [InlineData(1440)]
    public async Task Report_FitsALaptopScreenWithoutSidewaysScroll(int width)
    {
        var measured = await Browser.Measure(ReportHtml.Render(SeedReport.Build()), width);

        measured.OffScreen.ShouldBeEmpty();
        measured.ScrollWidth.ShouldBeLessThanOrEqualTo(measured.ClientWidth);
        measured.SmallestText.ShouldBeGreaterThanOrEqualTo(12); // .75rem, the table's and the key's size
    }

    [Fact]
    public async Task Report_InPrintFitsTheWidthOfA4LandscapeAtEightPoint()
    {
        // A4 landscape less the 8 mm margins: 281 mm, 1,062 CSS pixels at 96 to the inch; 8 pt is 10.67 px
        var measured = await Browser.Measure(ReportHtml.Render(SeedReport.Build()), 1062, print: true);

        measured.OffScreen.ShouldBeEmpty();
        measured.ScrollWidth.ShouldBeLessThanOrEqualTo(measured.ClientWidth);
        measured.SmallestText.ShouldBeGreaterThanOrEqualTo(8 * 96 / 72.0 - 0.01);
        measured.SmallestChartText.ShouldBeLessThan(1000); // the report has charts, and they were measured
        measured.SmallestChartText.ShouldBeGreaterThanOrEqualTo(8 * 96 / 72.0 - 0.01, "the charts' labels print at 8 pt or more too");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1400)]
    [InlineData(1440)]
    public async Task Scorecard_FitsALaptopScreenWithoutSidewaysScroll(int width)
    {
        var measured = await Browser.Measure(ScorecardHtml.Render(SeedReport.Build().Scorecard), width);

        measured.OffScreen.ShouldBeEmpty();
        measured.ScrollWidth.ShouldBeLessThanOrEqualTo(measured.ClientWidth);
    }
}
