using Outturn.Domain.Spc;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Charts;

/// <summary>
/// The statistical process control chart of an indicator: the monthly points, the mean, the process limits (dashed)
/// and the target (dotted), points coloured by special cause in the NHS "Making Data Count" way (blue improving,
/// orange concerning, grey common cause) and the verdicts written out, so nothing depends on colour.
/// </summary>
public static class XmrChartSvg
{
    /// <summary>Improving, concerning and common-cause colours.</summary>
    public const string Improving = "#1d70b8", Concerning = "#f47738", Common = "#6f777b";

    /// <summary>The chart as standalone SVG; withheld months are gaps.</summary>
    public static string Svg(IndicatorSpc spc, int width = 480, int height = 200)
    {
        var i = spc.Indicator;
        var chart = spc.Chart;
        var values = spc.Series.Select(p => p.Suppressed ? null : p.Value).ToList();
        var verdict = $"{ReportHtml.VariationText(chart)} · Assurance: {ReportHtml.AssuranceText(chart).ToLowerInvariant()}";
        var c = new ChartCanvas(width, height, $"{i.Name}: statistical process control. {verdict}.", (48, 22, 8, 34));
        if (chart is null)
        {
            c.Text(c.Left, c.Top + 20, "Too few months for a process chart.");
            return c.ToString();
        }

        c.ValueAxis(values.OfType<decimal>().Concat([chart.UpperLimit, chart.LowerLimit]).Concat(chart.Target is { } t ? [t] : []), i);
        c.Line(c.Left, c.Y(chart.Mean), c.Right, c.Y(chart.Mean), "#0b0c0c");
        c.Line(c.Left, c.Y(chart.UpperLimit), c.Right, c.Y(chart.UpperLimit), "#505a5f", "5 3");
        c.Line(c.Left, c.Y(chart.LowerLimit), c.Right, c.Y(chart.LowerLimit), "#505a5f", "5 3");
        if (chart.Target is { } target)
        {
            c.Line(c.Left, c.Y(target), c.Right, c.Y(target), "#d4351c", "1 2", 1.5m);
        }

        c.Path(values, "#b1b4b6");
        var points = chart.Points.ToDictionary(p => p.Period);
        for (var n = 0; n < spc.Series.Count; n++)
        {
            if (values[n] is not { } v)
            {
                continue;
            }

            var side = points.TryGetValue(spc.Series[n].Period, out var point) ? point.Side : SpcSide.None;
            var good = (side, i.Polarity) switch
            {
                (SpcSide.None, _) => Common,
                (SpcSide.High, Domain.Indicators.Polarity.High) or (SpcSide.Low, Domain.Indicators.Polarity.Low) => Improving,
                (_, Domain.Indicators.Polarity.None) => Improving,
                _ => Concerning,
            };
            c.Dot(c.X(n, spc.Series.Count), c.Y(v), good);
        }

        c.TimeLabels([.. spc.Series.Select(p => Display.PeriodHeading(p.Period))]);

        c.Text(c.Left, c.Height - 4, $"{verdict}. Mean {Display.Value(chart.Mean, i)}; limits {Display.Value(chart.LowerLimit, i)} to {Display.Value(chart.UpperLimit, i)}.", "start", "#505a5f");
        return c.ToString();
    }
}
