using System.Globalization;
using System.Net;
using System.Text;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as one self-contained HTML page (no scripts, no external files), laid out like the seed:
/// period figures, targets and tolerances, year on year, latest benchmarking. Laid out for a 1,366 to 1,440 pixel
/// laptop screen without sideways scrolling (headings wrap, in their short forms with the abbreviations explained
/// below the table) and for A4 landscape print at 8 pt or more.
/// </summary>
/// <remarks>
/// Nothing depends on colour alone (WCAG 2.2 1.4.1 Use of colour): RAG is shown as a word as well as a colour, and an
/// arrow is followed by "better" or "worse", with its full meaning ("up, improving") as text for screen readers. The
/// colours are the GOV.UK palette's, each at least 4.5:1 against its background (1.4.3 Contrast, and so more than the
/// 3:1 of 1.4.11 Non-text contrast); the green and red arrows differ by only 1.28:1 from each other, which is why
/// the words carry the meaning.
/// </remarks>
public static class ScorecardHtml
{
    /// <summary>Writes the page.</summary>
    public static string Render(Scorecard scorecard, string title = "Performance scorecard") => Render(ScorecardView.Build(scorecard), title);

    /// <summary>Writes the page of a view.</summary>
    public static string Render(ScorecardView view, string title = "Performance scorecard")
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>{E(title)} – {E(view.MonthTitle)}</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n<p class=\"as-at\">As at the end of {E(view.MonthTitle)}</p>\n");
        AppendTable(h, view);
        AppendKey(h);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>Appends the key below a scorecard table: what the arrows, words and abbreviations mean.</summary>
    public static void AppendKey(StringBuilder h)
    {
        h.Append("<p class=\"key\">DOT: direction of travel, month on month and year to date on last year; the arrow says up or down, ");
        h.Append("and “better” or “worse” says whether that is an improvement given whether high or low is good (also in green or red). ");
        h.Append("RAG compares the figure as shown with the target (green) and tolerance (amber). ");
        h.Append(string.Join("; ", ScorecardView.Abbreviations.Select(a => $"{E(a.Short)}: {E(a.Meaning)}"))).Append(".</p>\n");
    }

    /// <summary>
    /// Appends the view as a table: a row of bands, a row of headings, then a body per area. A figure's cell for which
    /// <paramref name="note"/> gives text carries it after the figure, in words (a page marks revised figures so).
    /// With <paramref name="monthLines"/>, each indicator's name is followed by a small line of its months' figures,
    /// hidden from screen readers (the figures are the row's cells).
    /// </summary>
    public static void AppendTable(StringBuilder h, ScorecardView view, Func<ViewRow, ViewColumn, string?>? note = null, bool monthLines = false)
    {
        h.Append("<table class=\"scorecard\">\n<thead>\n<tr class=\"bands\">");
        foreach (var band in view.Groups)
        {
            h.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{band.Span}\">{E(band.Heading)}</th>");
        }

        h.Append("</tr>\n<tr>");
        foreach (var column in view.Columns)
        {
            // A heading of one word (Jan-25, 2023/24) stays whole rather than break at its hyphen or slash
            var whole = column.ShortHeading.Contains(' ', StringComparison.Ordinal) ? "" : " class=\"whole\"";
            h.Append(column.Short is { } brief
                ? $"<th scope=\"col\"{whole}><abbr title=\"{E(column.Heading)}\">{E(brief)}</abbr></th>"
                : $"<th scope=\"col\"{whole}>{E(column.Heading)}</th>");
        }

        h.Append("</tr>\n</thead>\n");
        foreach (var area in view.Areas)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tbody>\n<tr class=\"area\"><th colspan=\"{view.Columns.Count}\" scope=\"rowgroup\">{E(area.Name)}</th></tr>\n");
            foreach (var row in area.Rows)
            {
                Row(h, view, row, note, monthLines);
            }

            h.Append("</tbody>\n");
        }

        h.Append("</table>\n");
    }

    private static void Row(StringBuilder h, ScorecardView view, ViewRow row, Func<ViewRow, ViewColumn, string?>? note, bool monthLines)
    {
        var i = row.Indicator;
        h.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(i.Id)}\">");
        for (var c = 0; c < view.Columns.Count; c++)
        {
            var column = view.Columns[c];
            switch (row.Cells[c])
            {
                case var cell when column.Kind == ColumnKind.Indicator && monthLines:
                    var months = view.Columns.Select((x, k) => (x, k)).Where(x => x.x.Period?.AsMonth() is not null)
                        .Select(x => row.Cells[x.k] is FigureCell { Rounded: { } v } ? v : (decimal?)null).ToList();
                    h.Append(CultureInfo.InvariantCulture, $"<th scope=\"row\" title=\"{E(i.Definition)}\">{E(cell.Text)} ")
                        .Append(Sparkline.Svg(months, i, 56, 14, decorative: true)).Append("</th>");
                    break;
                case var cell when column.Kind == ColumnKind.Indicator:
                    h.Append(CultureInfo.InvariantCulture, $"<th scope=\"row\" title=\"{E(i.Definition)}\">{E(cell.Text)}</th>");
                    break;
                case DirectionCell d:
                    Arrow(h, d);
                    break;
                case RagCell r:
                    Rag(h, r);
                    break;
                case TrendCell t:
                    h.Append("<td class=\"trend\">").Append(Sparkline.Svg(t.Values, i, label: t.Label)).Append("</td>");
                    break;
                case FigureCell cell when note?.Invoke(row, column) is { } marked:
                    h.Append(column.Emphasis ? "<td class=\"outturn noted\">" : "<td class=\"noted\">").Append(E(cell.Text))
                        .Append(" <span class=\"note\">").Append(E(marked)).Append("</span></td>");
                    break;
                case var cell:
                    Cell(h, cell.Text, column.Emphasis ? "outturn" : column.Kind == ColumnKind.Extra ? "verdict" : null);
                    break;
            }
        }

        h.Append("</tr>\n");
    }

    private static void Cell(StringBuilder h, string text, string? css = null) =>
        h.Append(css is null ? "<td>" : $"<td class=\"{css}\">").Append(E(text)).Append("</td>");

    private static void Arrow(StringBuilder h, DirectionCell d)
    {
        if (d.Travel is null)
        {
            h.Append(CultureInfo.InvariantCulture, $"<td class=\"dot\">{E(d.Text)}</td>");
            return;
        }

        // The arrow and its word are what a sighted reader sees; a screen reader hears the label ("up, improving") instead
        var css = d.Improving switch { true => "dot improving", false => "dot worsening", null => "dot" };
        var word = Display.Better(d.Travel);
        h.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\" title=\"{E(d.Label)}\"><span aria-hidden=\"true\"><span class=\"arrow\">{E(d.Text)}</span>{(word.Length > 0 ? $" <span class=\"word\">{E(word)}</span>" : "")}</span><span class=\"visually-hidden\">{E(d.Label)}</span></td>");
    }

    private static void Rag(StringBuilder h, RagCell r) =>
        h.Append(r.Rag == Domain.Indicators.Rag.None ? $"<td class=\"rag\">{E(r.Text)}</td>" : $"<td class=\"rag rag-{r.Rag.ToString().ToLowerInvariant()}\">{E(r.Text)}</td>");

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The scorecard's styles, shared with the committee report.</summary>
    public const string Css = """
        body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem 1rem; color: #0b0c0c; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        .as-at { margin: 0 0 1rem; color: #505a5f; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
        table.scorecard { border-collapse: collapse; font-size: .75rem; width: 100%; }
        .scorecard th, .scorecard td { border: 1px solid #b1b4b6; padding: .2rem .2rem; text-align: center; white-space: nowrap; }
        .scorecard thead th { background: #1d2d44; color: #fff; font-weight: 600; white-space: normal; }
        .scorecard thead abbr { text-decoration: none; }
        .scorecard thead th.whole { white-space: nowrap; }
        .scorecard tr.bands th { background: #3d4f6a; }
        .scorecard tbody th[scope=row] { text-align: left; white-space: normal; min-width: 10rem; font-weight: normal; }
        .scorecard tr.area th { background: #dee0e2; text-align: left; font-weight: 700; }
        .outturn { font-weight: 700; }
        .rag-green { background: #00703c; color: #fff; }
        .rag-amber { background: #ffdd00; color: #0b0c0c; }
        .rag-red { background: #d4351c; color: #fff; }
        .dot .arrow { font-size: 1rem; }
        .dot.improving { color: #00703c; }
        .dot.worsening { color: #d4351c; }
        .dot.improving .word { font-weight: 700; }
        .dot.worsening .word { font-style: italic; }
        .scorecard svg.sparkline { width: 56px; height: 16px; }
        .key { font-size: .75rem; color: #505a5f; max-width: 70rem; }
        @media print {
          @page { size: A4 landscape; margin: 8mm; }
          body { margin: 0; }
          table.scorecard { font-size: 8pt; }
          .scorecard th, .scorecard td { padding: 1pt 1.5pt; }
          .scorecard tbody th[scope=row] { min-width: 0; width: 22%; }
          .dot .arrow { font-size: 9pt; }
          .scorecard svg.sparkline { width: 40px; height: 12px; }
          .key { font-size: 8pt; max-width: none; }
        }

        """;
}
