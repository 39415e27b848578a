using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Charts;

/// <summary>
/// An indicator's monthly values against its target, drawn as bands: green on the good side of the target, amber
/// between tolerance and target, red beyond, by polarity. Missing months are gaps; withheld months are marked "c".
/// The value axis need not start at zero, and says where it starts.
/// </summary>
public static class SeriesChart
{
    /// <summary>The chart as standalone SVG.</summary>
    public static string Svg(IReadOnlyList<PeriodValue> series, Indicator indicator, Thresholds? target, int width = 480, int height = 200)
    {
        var values = series.Select(p => p.Suppressed ? null : p.Value).ToList();
        var title = $"{indicator.Name}, monthly: " + string.Join(", ", series.Select(p => $"{Display.PeriodHeading(p.Period)} {Display.Value(p, indicator)}"));
        // The right margin holds half the last month's label (it was clipped to "Mar-2" with 8)
        var c = new ChartCanvas(width, height, title, (48, 22, 8, 34));
        var scale = values.OfType<decimal>().Concat(target is null ? [] : new[] { target.Green }.Concat(target.Amber is { } a ? [a] : []));
        c.ValueAxis(scale, indicator);

        if (target is not null)
        {
            Bands(c, target);
        }

        c.Path(values, "#1d70b8");
        for (var i = 0; i < series.Count; i++)
        {
            var x = c.X(i, series.Count);
            if (values[i] is { } v)
            {
                c.Dot(x, c.Y(v), "#1d70b8");
            }
            else if (series[i].Suppressed)
            {
                c.Text(x, c.Bottom - 4, Display.SuppressedMark, "middle", "#505a5f");
            }
        }

        c.TimeLabels([.. series.Select(p => Display.PeriodHeading(p.Period))]);

        c.Line(c.Left, c.Bottom, c.Right, c.Bottom, "#505a5f");
        var key = target is null ? "No target set." : $"Target {Display.Threshold(target.Green, indicator)}{(target.Amber is { } am ? $", tolerance {Display.Threshold(am, indicator)}" : "")}; good is {Display.Polarity(indicator.Polarity)}.";
        c.Text(c.Left, c.Height - 4, $"{key} Axis from {Display.Value(c.Min, indicator)}.", "start", "#505a5f");
        return c.ToString();
    }

    private static void Bands(ChartCanvas c, Thresholds t)
    {
        const string green = "#cce2d8", amber = "#fff7bf", red = "#f6d7d2";
        var high = t.Polarity == Polarity.High;
        var edge = Math.Clamp(t.Green, c.Min, c.Max);
        var tolerance = Math.Clamp(t.Amber ?? t.Green, c.Min, c.Max);
        if (high)
        {
            c.Rect(c.Left, c.Y(c.Max), c.Right - c.Left, c.Y(edge) - c.Y(c.Max), green, "class=\"band-green\"");
            c.Rect(c.Left, c.Y(edge), c.Right - c.Left, c.Y(tolerance) - c.Y(edge), amber, "class=\"band-amber\"");
            c.Rect(c.Left, c.Y(tolerance), c.Right - c.Left, c.Y(c.Min) - c.Y(tolerance), red, "class=\"band-red\"");
        }
        else
        {
            c.Rect(c.Left, c.Y(edge), c.Right - c.Left, c.Y(c.Min) - c.Y(edge), green, "class=\"band-green\"");
            c.Rect(c.Left, c.Y(tolerance), c.Right - c.Left, c.Y(edge) - c.Y(tolerance), amber, "class=\"band-amber\"");
            c.Rect(c.Left, c.Y(c.Max), c.Right - c.Left, c.Y(tolerance) - c.Y(c.Max), red, "class=\"band-red\"");
        }

        c.Line(c.Left, c.Y(edge), c.Right, c.Y(edge), "#00703c", "4 2");
    }
}
