using Outturn.Domain.Indicators;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Charts;

/// <summary>
/// Horizontal bars comparing the authority with others (its statistical neighbours, say), with England and the
/// top-quartile threshold marked as labelled lines. A missing or suppressed value is labelled, never drawn as zero.
/// Each bar's value is written in a column of its own to the right of the plot, so no label sits under the England
/// or top-quartile line; the England label sits above the plot, kept inside the chart.
/// </summary>
public static class BenchmarkBars
{
    private const int Row = 16;

    /// <summary>The chart as standalone SVG.</summary>
    public static string Svg(IReadOnlyList<(string Label, decimal? Value, bool IsUs)> bars, Indicator indicator, decimal? national, decimal? topQuartile, int width = 480)
    {
        var height = 24 + (bars.Count * Row) + 30;
        var title = $"{indicator.Name}: " + string.Join(", ", bars.Select(b => $"{b.Label} {Display.Value(b.Value, indicator)}"));
        var scale = bars.Select(b => b.Value).Concat([national, topQuartile]).OfType<decimal>().Append(0m).ToList();
        var ticks = ChartCanvas.NiceTicks(scale.Min(), scale.Max());
        return Draw(bars, indicator, national, topQuartile, ticks, width, height, title);
    }

    private static string Draw(IReadOnlyList<(string Label, decimal? Value, bool IsUs)> bars, Indicator indicator, decimal? national, decimal? topQuartile,
        IReadOnlyList<decimal> ticks, int width, int height, string title)
    {
        const int row = Row;
        var c = new ChartCanvas(width, height, title, (150, 56, 20, 30));
        decimal Xv(decimal v) => c.Left + ((v - ticks[0]) * (c.Right - c.Left) / (ticks[^1] - ticks[0]));
        foreach (var t in ticks)
        {
            c.Line(Xv(t), c.Top, Xv(t), c.Bottom, "#e0e0e0");
            c.Text(Xv(t), c.Bottom + 12, Display.Value(t, indicator), "middle", "#505a5f");
        }

        for (var n = 0; n < bars.Count; n++)
        {
            var (label, value, us) = bars[n];
            var y = c.Top + (n * row);
            c.Text(c.Left - 4, y + 11, label, "end", "#0b0c0c", us ? "bold" : null);
            if (value is { } v)
            {
                c.Rect(Xv(Math.Min(0, v)), y + 2, Xv(v) - Xv(Math.Min(0, v)), row - 4, us ? "#1d70b8" : "#6f777b", "class=\"bar\"");
                c.Text(c.Right + 52, y + 11, Display.Value(v, indicator), "end", "#0b0c0c", us ? "bold" : null);
            }
            else
            {
                c.Text(c.Left + 3, y + 11, "- (not published)", "start", "#505a5f");
            }
        }

        if (national is { } nat)
        {
            c.Line(Xv(nat), c.Top - 4, Xv(nat), c.Bottom, "#0b0c0c", "4 2");
            var label = $"England {Display.Value(nat, indicator)}";
            var half = ChartCanvas.TextWidth(label) / 2;
            c.Text(Math.Clamp(Xv(nat), half + 2, c.Width - half - 2), c.Top - 6, label, "middle");
        }

        if (topQuartile is { } q)
        {
            c.Line(Xv(q), c.Top, Xv(q), c.Bottom, "#00703c", "1 2", 1.5m);
            c.Text(c.Width - 2, c.Height - 4, $"Top quartile {Display.Value(q, indicator)}", "end", "#00703c");
        }

        return c.ToString();
    }
}
