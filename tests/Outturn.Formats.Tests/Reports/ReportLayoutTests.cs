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
