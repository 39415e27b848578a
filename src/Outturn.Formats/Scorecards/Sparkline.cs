using Outturn.Domain.Indicators;
using Outturn.Formats.Charts;

namespace Outturn.Formats.Scorecards;

/// <summary>A small inline SVG line of a few values, with points for each and gaps where a value is missing.</summary>
public static class Sparkline
{
    /// <summary>
    /// Renders the values left to right in a <paramref name="width"/> by <paramref name="height"/> box, labelled with
    /// them for screen readers; or, <paramref name="decorative"/>, hidden from them (where the values are text beside it).
    /// </summary>
    public static string Svg(IReadOnlyList<decimal?> values, Indicator indicator, int width = 80, int height = 20, string label = "Trend", bool decorative = false)
    {
        var c = new ChartCanvas(width, height, label + ": " + string.Join(", ", values.Select(v => Display.Value(v, indicator))), (3, 3, 3, 3), decorative ? "sparkline months" : "sparkline", decorative);
        var present = values.OfType<decimal>().ToList();
        if (present.Count == 0)
        {
            return c.ToString();
        }

        c.Scale(present.Min(), present.Max());
        c.Path(values, "#1d70b8");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                c.Dot(c.X(i, values.Count), c.Y(v), "#1d70b8", i == values.Count - 1 ? 2.5m : 1.5m);
            }
        }

        return c.ToString();
    }
}
