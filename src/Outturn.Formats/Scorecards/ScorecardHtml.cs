using System.Globalization;
using System.Net;
using System.Text;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as one self-contained HTML page (no scripts, no external files), laid out like the seed:
/// period figures, targets and tolerances, year on year, latest benchmarking. RAG is shown as a word as well as a
/// colour, and arrows carry a text label, so nothing depends on colour alone.
/// </summary>
public static class ScorecardHtml
{
    /// <summary>Writes the page.</summary>
    public static string Render(Scorecard scorecard, string title = "Performance scorecard")
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>{E(title)} – {E(Display.MonthTitle(scorecard.Month))}</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n<p class=\"as-at\">As at the end of {E(Display.MonthTitle(scorecard.Month))}</p>\n");
        AppendTable(h, scorecard);
        h.Append("<p class=\"key\">DOT: direction of travel, month on month and year to date on last year. ");
        h.Append("Green arrows are improvements and red arrows deteriorations given whether high or low is good. ");
        h.Append("RAG compares the figure as shown with the target (green) and tolerance (amber).</p>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>
    /// Appends the scorecard table. <paramref name="extra"/> adds columns after the RAG columns (the report adds
    /// its statistical process control verdicts there): a heading and a cell text per row.
    /// </summary>
    public static void AppendTable(StringBuilder h, Scorecard scorecard, IReadOnlyList<(string Heading, Func<ScorecardRow, string> Cell)>? extra = null)
    {
        extra ??= [];
        var first = scorecard.Rows.FirstOrDefault();
        var monthHeads = first?.Months.Select(m => Display.PeriodHeading(m.Period)).ToList() ?? [];
        var quarter = first is null ? "Quarter" : Display.PeriodHeading(first.Quarter.Period);
        var year = first is null ? "Year" : Display.PeriodHeading(first.Year.Period) + (scorecard.Month.Number == 3 ? " outturn" : " to date");
        var previous = first is null ? "Previous year" : Display.PeriodHeading(first.PreviousYear.Period);
        var columns = 1 + monthHeads.Count + 2 + 5 + extra.Count + 3 + 2 + 5;

        h.Append("<table class=\"scorecard\">\n<thead>\n<tr class=\"bands\">");
        h.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{1 + monthHeads.Count + 2}\"></th><th colspan=\"{5 + extra.Count}\"></th><th colspan=\"3\">Target &amp; tolerances</th><th colspan=\"2\">Year on year</th><th colspan=\"5\">Latest benchmarking</th></tr>\n<tr>");
        string[] heads =
        [
            "Indicator", .. monthHeads, quarter, year, "Good perf is", "DOT (month)", "RAG (month)", "DOT (yr on yr)",
            "RAG (" + (scorecard.Month.Number == 3 ? "yr end" : "YTD") + ")", .. extra.Select(x => x.Heading), "Red", "Amber", "Green (target)", previous, "Trend",
            "Stat neigh av.", "Best stat neigh", "Nat av.", "Regional av.", "Top qtile threshold",
        ];
        foreach (var head in heads)
        {
            h.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(head)}</th>");
        }

        h.Append("</tr>\n</thead>\n");
        foreach (var area in scorecard.Areas)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tbody>\n<tr class=\"area\"><th colspan=\"{columns}\" scope=\"rowgroup\">{E(area.Key)}</th></tr>\n");
            foreach (var row in area)
            {
                Row(h, row, extra);
            }

            h.Append("</tbody>\n");
        }

        h.Append("</table>\n");
    }

    private static void Row(StringBuilder h, ScorecardRow row, IReadOnlyList<(string Heading, Func<ScorecardRow, string> Cell)> extra)
    {
        var i = row.Indicator;
        var (red, amber, green) = Display.Bands(row.Target, i);
        var b = row.Benchmarks;
        h.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(i.Id)}\"><th scope=\"row\" title=\"{E(i.Definition)}\">{E(i.Name)}</th>");
        foreach (var m in row.Months)
        {
            Cell(h, Display.Value(m, i));
        }

        Cell(h, Display.Value(row.Quarter, i));
        Cell(h, Display.Value(row.Year, i), "outturn");
        Cell(h, Display.Polarity(i.Polarity));
        Arrow(h, row.DirectionMonth);
        Rag(h, row.RagMonth);
        Arrow(h, row.DirectionYear);
        Rag(h, row.RagYear);
        foreach (var (_, cell) in extra)
        {
            Cell(h, cell(row), "verdict");
        }

        Cell(h, red);
        Cell(h, amber);
        Cell(h, green);
        Cell(h, Display.Value(row.PreviousYear, i));
        h.Append("<td class=\"trend\">").Append(Sparkline.Svg(row.Trend.Select(t => t.Value).ToList(), i, label: $"Trend over {row.Trend.Count} quarters")).Append("</td>");
        Cell(h, Display.Value(b?.StatNeighbourAverage, i));
        Cell(h, Display.Value(b?.BestStatNeighbour, i));
        Cell(h, Display.Value(b?.National, i));
        Cell(h, Display.Value(b?.Regional, i));
        Cell(h, Display.Value(b?.TopQuartile, i));
        h.Append("</tr>\n");
    }

    private static void Cell(StringBuilder h, string text, string? css = null) =>
        h.Append(css is null ? "<td>" : $"<td class=\"{css}\">").Append(E(text)).Append("</td>");

    private static void Arrow(StringBuilder h, Travel? travel)
    {
        if (travel is null)
        {
            h.Append("<td class=\"dot\">-</td>");
            return;
        }

        var judgement = Display.Judgement(travel);
        var label = Display.Word(travel.Value.Direction) + (judgement.Length > 0 ? ", " + judgement : "");
        var css = judgement.Length > 0 ? $"dot {judgement}" : "dot";
        h.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\"><span aria-label=\"{E(label)}\" title=\"{E(label)}\">{E(Display.Arrow(travel))}</span></td>");
    }

    private static void Rag(StringBuilder h, Domain.Indicators.Rag rag)
    {
        var word = Display.Rag(rag);
        h.Append(word.Length == 0 ? "<td class=\"rag\">-</td>" : $"<td class=\"rag rag-{word.ToLowerInvariant()}\">{word}</td>");
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The scorecard's styles, shared with the committee report.</summary>
    public const string Css = """
        body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem; color: #0b0c0c; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        .as-at { margin: 0 0 1rem; color: #505a5f; }
        table.scorecard { border-collapse: collapse; font-size: .8rem; }
        .scorecard th, .scorecard td { border: 1px solid #b1b4b6; padding: .25rem .4rem; text-align: center; white-space: nowrap; }
        .scorecard thead th { background: #1d2d44; color: #fff; font-weight: 600; }
        .scorecard tr.bands th { background: #3d4f6a; }
        .scorecard tbody th[scope=row] { text-align: left; white-space: normal; min-width: 16rem; font-weight: normal; }
        .scorecard tr.area th { background: #dee0e2; text-align: left; font-weight: 700; }
        .outturn { font-weight: 700; }
        .rag-green { background: #00703c; color: #fff; }
        .rag-amber { background: #ffdd00; color: #0b0c0c; }
        .rag-red { background: #d4351c; color: #fff; }
        .dot { font-size: 1rem; }
        .dot.improving { color: #00703c; }
        .dot.worsening { color: #d4351c; }
        .key { font-size: .75rem; color: #505a5f; max-width: 60rem; }
        @media print { @page { size: A4 landscape; margin: 10mm; } body { margin: 0; } }

        """;
}
