using System.Globalization;
using System.Text;
using Outturn.Domain.Indicators;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Charts;

/// <summary>
/// The shared frame of our SVG charts: a plot area, a value scale with "nice" ticks (1, 2, 5 steps), and text drawn
/// with explicit culture. Coordinates are written with invariant culture at one decimal, so output is deterministic.
/// </summary>
public sealed class ChartCanvas
{
    private readonly StringBuilder _svg = new();

    /// <summary>
    /// Starts a chart titled <paramref name="title"/> for screen readers; a <paramref name="decorative"/> one is hidden
    /// from them instead (where the figures it draws are text beside it) and has no title.
    /// </summary>
    public ChartCanvas(int width, int height, string title, (int Left, int Right, int Top, int Bottom) margins, string cssClass = "chart", bool decorative = false)
    {
        Width = width;
        Height = height;
        (Left, Right, Top, Bottom) = (margins.Left, width - margins.Right, margins.Top, height - margins.Bottom);
        var t = E(title);
        _svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ");
        _svg.Append(decorative ? "aria-hidden=\"true\" focusable=\"false\"" : $"role=\"img\" aria-label=\"{t}\"");
        _svg.Append(CultureInfo.InvariantCulture, $" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"{FontSize}\">");
        _svg.Append(decorative ? "" : $"<title>{t}</title>");
    }

    public int Width { get; }

    public int Height { get; }

    public int Left { get; }

    public int Right { get; }

    public int Top { get; }

    public int Bottom { get; }

    public decimal Min { get; private set; }

    public decimal Max { get; private set; }

    /// <summary>Ticks at 1, 2 or 5 times a power of ten covering the values, about five of them.</summary>
    public static IReadOnlyList<decimal> NiceTicks(decimal low, decimal high)
    {
        if (high <= low)
        {
            (low, high) = (low - 1, high + 1);
        }

        var raw = (double)(high - low) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw));
        var first = Math.Floor(low / step) * step;
        var ticks = new List<decimal>();
        for (var v = first; v < high + step; v += step)
        {
            ticks.Add(v);
        }

        return ticks;
    }

    /// <summary>Fixes the value scale to nice ticks around <paramref name="values"/> and draws the y axis labels and grid.</summary>
    public void ValueAxis(IEnumerable<decimal> values, Indicator indicator)
    {
        var list = values.ToList();
        var ticks = NiceTicks(list.Count == 0 ? 0 : list.Min(), list.Count == 0 ? 1 : list.Max());
        (Min, Max) = (ticks[0], ticks[^1]);
        foreach (var t in ticks)
        {
            Line(Left, Y(t), Right, Y(t), "#e0e0e0");
            Text(Left - 4, Y(t) + 3, Display.Value(t, indicator), "end");
        }
    }

    /// <summary>Sets the value scale to exactly <paramref name="min"/> to <paramref name="max"/>, drawing no axis (sparklines).</summary>
    public void Scale(decimal min, decimal max) => (Min, Max) = (min, max);

    public decimal Y(decimal value) => Max == Min ? (Top + Bottom) / 2m : Bottom - ((value - Min) * (Bottom - Top) / (Max - Min));

    public decimal X(int index, int count) => count <= 1 ? (Left + Right) / 2m : Left + (index * (Right - Left) / (decimal)(count - 1));

    public void Rect(decimal x, decimal y, decimal w, decimal h, string fill, string? extra = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(0, w))}\" height=\"{F(Math.Max(0, h))}\" fill=\"{fill}\"{(extra is null ? "" : " " + extra)}/>");

    public void Line(decimal x1, decimal y1, decimal x2, decimal y2, string stroke, string? dash = null, decimal width = 1) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{stroke}\" stroke-width=\"{F(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    /// <summary>A polyline through the points, broken where a value is missing.</summary>
    public void Path(IReadOnlyList<decimal?> values, string stroke)
    {
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count > 1)
            {
                _svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.5\" points=\"{string.Join(' ', segment)}\"/>");
            }

            segment.Clear();
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                segment.Add($"{F(X(i, values.Count))},{F(Y(v))}");
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    /// <summary>
    /// The font size of chart text, in SVG units (pixels on screen): 11 px prints at 8.25 pt, above the 8 pt the
    /// report's tables keep to, since a chart is drawn at its own size on the A4 page.
    /// </summary>
    public const decimal FontSize = 11;

    /// <summary>
    /// A generous estimate of a text's width at <see cref="FontSize"/>: 0.6 em a character, wider than Arial's and
    /// Liberation Sans's average, so that text placed by it is never clipped nor runs into a neighbour.
    /// </summary>
    public static decimal TextWidth(string text) => text.Length * FontSize * 0.6m;

    /// <summary>
    /// Labels the points along the bottom: every third from the first, and the last, leaving out any third that
    /// would run into the last. Each label is centred on its point; the plot's right margin must hold half the last.
    /// </summary>
    public void TimeLabels(IReadOnlyList<string> labels)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            var last = i == labels.Count - 1;
            var clear = X(labels.Count - 1, labels.Count) - X(i, labels.Count) >= (TextWidth(labels[i]) + TextWidth(labels[^1])) / 2 + 4;
            if (last || (i % 3 == 0 && clear))
            {
                Text(X(i, labels.Count), Bottom + 14, labels[i], "middle", "#505a5f");
            }
        }
    }

    public void Dot(decimal x, decimal y, string fill, decimal r = 2.5m) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\" fill=\"{fill}\"/>");

    public void Text(decimal x, decimal y, string text, string anchor = "start", string fill = "#0b0c0c", string? weight = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(weight is null ? "" : $" font-weight=\"{weight}\"")}>{E(text)}</text>");

    public override string ToString() => _svg + "</svg>";

    public static string F(decimal v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Escapes what XML requires, and only that, so text such as "·" or "–" stays readable.</summary>
    private static string E(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
