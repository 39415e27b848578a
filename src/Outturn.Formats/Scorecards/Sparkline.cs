using System.Globalization;
using System.Net;
using System.Text;
using Outturn.Domain.Indicators;

namespace Outturn.Formats.Scorecards;

/// <summary>A small inline SVG line of a few values, with points for each and gaps where a value is missing.</summary>
public static class Sparkline
{
    /// <summary>Renders the values left to right in a <paramref name="width"/> by <paramref name="height"/> box.</summary>
    public static string Svg(IReadOnlyList<decimal?> values, Indicator indicator, int width = 80, int height = 20, string label = "Trend")
    {
        var present = values.OfType<decimal>().ToList();
        var title = WebUtility.HtmlEncode(label + ": " + string.Join(", ", values.Select(v => Display.Value(v, indicator))));
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{title}\"><title>{title}</title>");
        if (present.Count > 0)
        {
            decimal min = present.Min(), max = present.Max();
            const decimal pad = 3m;
            decimal X(int i) => values.Count == 1 ? width / 2m : pad + (i * (width - (2 * pad)) / (values.Count - 1));
            decimal Y(decimal v) => max == min ? height / 2m : height - pad - ((v - min) * (height - (2 * pad)) / (max - min));
            static string F(decimal v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    s.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"1.5\" points=\"{string.Join(' ', segment)}\"/>");
                }

                segment.Clear();
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } v)
                {
                    segment.Add($"{F(X(i))},{F(Y(v))}");
                }
                else
                {
                    Flush();
                }
            }

            Flush();
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } v)
                {
                    s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"{(i == values.Count - 1 ? 2.5 : 1.5)}\" fill=\"#1d70b8\"/>");
                }
            }
        }

        return s.Append("</svg>").ToString();
    }
}
