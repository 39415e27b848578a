using System.Globalization;
using System.Xml.Linq;
using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Domain.Spc;
using Outturn.Formats.Charts;
using Outturn.Formats.Reports;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Charts;

public class ChartTests
{
    private static readonly Indicator Timeliness = new("t", "Assessments within 45 working days", "A", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);
    private static readonly Indicator Rate = new("r", "Children in need per 10,000", "A", IndicatorKind.Benchmarking, Unit.Rate, Polarity.Low, Aggregation.Snapshot, 1);

    private static List<PeriodValue> Series(params decimal?[] values) =>
        [.. values.Select((v, i) => new PeriodValue(new Domain.Periods.Month(2024, 4).AddMonths(i), v))];

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static IEnumerable<XElement> Points(XElement svg) => svg.Descendants().Where(e => e.Name.LocalName == "circle");

    private static decimal Attr(XElement e, string name) => decimal.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Series_MatchesTheExpectedSvg() =>
        Snapshot.Match(SeriesChart.Svg(Series(88, 91.5m, null, 93, 89, 95), Timeliness, new Thresholds(Polarity.High, 90, 82)) + "\n", "series-high.svg");

    [Fact]
    public void Series_WithoutATargetAndLowIsGood_MatchesTheExpectedSvg() =>
        Snapshot.Match(SeriesChart.Svg(Series(320, 318.2m, 316, 311, 310.7m), Rate, null) + "\n", "series-low-no-target.svg");

    [Fact]
    public void Series_DrawsAPointForEachValueAndMarksWithheldMonths()
    {
        var series = Series(88, 91.5m, null, 93);
        series.Add(new PeriodValue(new Domain.Periods.Month(2024, 8), null, null, null, true));

        var svg = Parse(SeriesChart.Svg(series, Timeliness, null));

        Points(svg).Count().ShouldBe(3);
        svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ShouldContain("c");
    }

    [Fact]
    public void Series_PutsTheGreenBandFromTheTargetUp()
    {
        var svg = Parse(SeriesChart.Svg(Series(80, 100), Timeliness, new Thresholds(Polarity.High, 90, 85)));
        var green = svg.Descendants().Single(e => (string?)e.Attribute("class") == "band-green");
        var amber = svg.Descendants().Single(e => (string?)e.Attribute("class") == "band-amber");

        // Ticks run 80 to 100 over the plot from y=8 to y=166 (7.9 a point): 100 sits at 8, 90 at 87 and 85 at 126.5
        (Attr(green, "y"), Attr(green, "height")).ShouldBe((8m, 79m));
        (Attr(amber, "y"), Attr(amber, "height")).ShouldBe((87m, 39.5m));
    }

    [Theory]
    [InlineData(0, 7, new[] { 0, 2, 4, 6, 8 })] // steps of 2
    [InlineData(80.4, 97.2, new[] { 80, 85, 90, 95, 100 })] // steps of 5
    [InlineData(310.7, 322.1, new[] { 310, 315, 320, 325 })] // 11.4 over five ticks rounds up to steps of 5
    public void NiceTicks_StepInOnesTwosAndFives(double low, double high, int[] ticks) =>
        ChartCanvas.NiceTicks((decimal)low, (decimal)high).ShouldBe(ticks.Select(t => (decimal)t));

    [Fact]
    public void Xmr_MatchesTheExpectedSvg()
    {
        decimal[] values = [50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51, 80];
        var series = Series([.. values.Select(v => (decimal?)v)]);
        var chart = Xmr.Compute([.. series.Select(p => (p.Period, p.Value!.Value))], Polarity.High, 70m); // above the upper limit (about 61.8)

        var svg = XmrChartSvg.Svg(new IndicatorSpc(Timeliness, series, chart));

        Snapshot.Match(svg + "\n", "xmr-outlier.svg");
        Points(Parse(svg)).Select(p => p.Attribute("fill")!.Value).Last().ShouldBe(XmrChartSvg.Improving);
        svg.ShouldContain("Special cause: improving · Assurance: reliably missed");
    }

    [Fact]
    public void Bars_MatchTheExpectedSvgAndLabelAMissingValue()
    {
        var svg = BenchmarkBars.Svg([("Us", 92.5m, true), ("Stat neighbour average", 84.7m, false), ("Best stat neighbour", null, false)], Timeliness, 84.5m, 90.5m);

        Snapshot.Match(svg + "\n", "bars.svg");
        Parse(svg).Descendants().Count(e => (string?)e.Attribute("class") == "bar").ShouldBe(2);
        svg.ShouldContain("- (not published)");
        svg.ShouldContain("Top quartile 90.5%");
    }

    /// <summary>Each text's left and right edges, by its anchor and <see cref="ChartCanvas.TextWidth"/>.</summary>
    private static List<(string Text, decimal Left, decimal Right, decimal Y)> Texts(XElement svg) =>
        [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e =>
        {
            var x = Attr(e, "x");
            var w = ChartCanvas.TextWidth(e.Value);
            var left = e.Attribute("text-anchor")!.Value switch { "middle" => x - (w / 2), "end" => x - w, _ => x };
            return (e.Value, left, left + w, Attr(e, "y"));
        })];

    [Fact]
    public void Series_OfTwoYears_ShowsTheLastMonthWholeAndNoLabelRunsIntoAnother()
    {
        // Two years of months ending in March 2025: the last label was clipped to "Mar-2" at the chart's right edge
        var series = Series([.. Enumerable.Range(0, 24).Select(i => (decimal?)(85 + (i % 5)))]);
        var svg = Parse(SeriesChart.Svg(series, Timeliness, new Thresholds(Polarity.High, 90, 82)));
        var width = Attr(svg, "width");

        var labels = Texts(svg).Where(t => t.Text.Contains('-', StringComparison.Ordinal) && t.Text.Length == 6).ToList();
        labels.Select(t => t.Text).ShouldContain("Mar-26");
        labels.ShouldAllBe(t => t.Left >= 0 && t.Right <= width);
        labels.Zip(labels.Skip(1)).ShouldAllBe(p => p.First.Right < p.Second.Left);
    }

    [Fact]
    public void Bars_WriteEachValueClearOfTheEnglandAndTopQuartileLines()
    {
        // Values either side of and right on England (84.5%), as the seed's neighbours are
        var svg = Parse(BenchmarkBars.Svg([("Us", 84.6m, true), ("Stat neighbour average", 84.5m, false), ("Best stat neighbour", 90.4m, false), ("Regional average", 84.2m, false)], Timeliness, 84.5m, 90.5m));
        var lines = svg.Descendants().Where(e => e.Name.LocalName == "line" && e.Attribute("stroke-dasharray") is not null).Select(e => Attr(e, "x1")).ToList();

        lines.Count.ShouldBe(2);
        var values = Texts(svg).Where(t => t.Text.EndsWith('%') && !t.Text.StartsWith("England", StringComparison.Ordinal) && !t.Text.StartsWith("Top", StringComparison.Ordinal) && t.Y > 20 && t.Y < Attr(svg, "height") - 30).ToList();
        values.Count.ShouldBe(4);
        values.ShouldAllBe(t => lines.All(x => x < t.Left || x > t.Right));
        Texts(svg).ShouldAllBe(t => t.Left >= 0 && t.Right <= Attr(svg, "width"));
    }
}
