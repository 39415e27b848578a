using System.Globalization;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli.Commands;

/// <summary>A scorecard table drawn for a terminal, and the width it needs.</summary>
/// <param name="Table">The table with its caption.</param>
/// <param name="Width">The columns it takes; render at least this wide.</param>
/// <param name="LeftOut">The headings of the columns left out to fit, in view order.</param>
internal sealed record FittedTable(IRenderable Table, int Width, IReadOnlyList<string> LeftOut);

/// <summary>
/// The scorecard as a terminal table: areas as section rows, RAG in colour and in words, directions as an arrow with
/// "better" or "worse". Fitted to the console: the compact view's essential columns (indicator, year to date, its
/// direction and RAG, target) always, the others while they fit, names wrapped in the width left; the caption names
/// any column left out. <c>--wide</c> draws every column of the full view at its natural width.
/// </summary>
internal static class ScorecardTable
{
    /// <summary>The narrowest the indicator's name is wrapped to.</summary>
    private const int NameMinimum = 16;

    /// <summary>The widest the name is given, however wide the console.</summary>
    private const int NameMaximum = 48;

    /// <summary>The compact view fitted to <paramref name="width"/> columns, or every column of the full view when <paramref name="wide"/>.</summary>
    public static FittedTable Build(Scorecard scorecard, int width, bool wide = false) => wide
        ? Build(ScorecardView.Build(scorecard, ScorecardLayout.Full), int.MaxValue)
        : Build(ScorecardView.Build(scorecard, ScorecardLayout.Compact), width);

    /// <summary>The view fitted to <paramref name="width"/> columns (<see cref="int.MaxValue"/>: every column).</summary>
    public static FittedTable Build(ScorecardView view, int width)
    {
        var natural = view.Columns.Select((column, c) => Natural(view, c)).ToList();
        var shown = Enumerable.Range(0, view.Columns.Count).ToList();
        var name = view.IndexOf(ColumnKind.Indicator);
        int Needed(IEnumerable<int> columns) => columns.Sum(c => (c == name ? NameMinimum : natural[c].Body) + 3) + 1;

        // Leave out the least essential column until the table fits (the essentials stay, however narrow the console)
        foreach (var c in Enumerable.Range(0, view.Columns.Count).Where(c => Rank(view, c) > 0).OrderByDescending(c => Rank(view, c)).ThenByDescending(c => c))
        {
            if (Needed(shown) <= width)
            {
                break;
            }

            shown.Remove(c);
        }

        // Spare room goes to headings a little too long for their column, then to the name (up to its length), then to other headings
        var widths = shown.ToDictionary(c => c, c => c == name ? NameMinimum : natural[c].Body);
        var spare = Math.Max(0, (width == int.MaxValue ? int.MaxValue / 2 : width) - Needed(shown));
        void Widen(int most)
        {
            foreach (var c in shown.Where(c => c != name && natural[c].Heading - widths[c] <= most))
            {
                var more = Math.Min(spare, natural[c].Heading - widths[c]);
                if (more > 0)
                {
                    widths[c] += more;
                    spare -= more;
                }
            }
        }

        Widen(2);
        if (name >= 0 && shown.Contains(name))
        {
            var more = Math.Min(spare, Math.Min(NameMaximum, natural[name].Body) - NameMinimum);
            widths[name] += Math.Max(0, more);
            spare -= Math.Max(0, more);
        }

        Widen(int.MaxValue);

        var leftOut = Enumerable.Range(0, view.Columns.Count).Except(shown).Select(c => view.Columns[c].Heading).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"Scorecard: {view.MonthTitle}");
        foreach (var c in shown)
        {
            var column = view.Columns[c];
            var right = column.Kind is ColumnKind.Figure or ColumnKind.Benchmark or ColumnKind.Target;
            var heading = new TableColumn(Markup.Escape(column.Heading)) { Width = widths[c], NoWrap = c != name };
            table.AddColumn(right ? heading.RightAligned() : heading);
        }

        foreach (var area in view.Areas)
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(area.Name)}[/]"));
            foreach (var row in area.Rows)
            {
                table.AddRow([.. shown.Select(c => Cell(view.Columns[c], row.Cells[c]))]);
            }
        }

        var caption = "DOT: direction of travel, better or worse given whether high or low is good. RAG judged on the figure as shown.";
        if (leftOut.Count > 0)
        {
            caption += string.Create(CultureInfo.InvariantCulture, $" Left out to fit {width} columns: {string.Join(", ", leftOut)} (--wide shows every column).");
        }

        table.Caption(Markup.Escape(caption));
        return new FittedTable(table, widths.Sum(w => w.Value + 3) + 1, leftOut);
    }

    /// <summary>A column's widths: its longest cell (the body) and its heading unwrapped; the body is at least the heading's longest word.</summary>
    private static (int Body, int Heading) Natural(ScorecardView view, int c)
    {
        var column = view.Columns[c];
        var cells = view.Rows.Select(r => CellText(column, r.Cells[c]).Length).DefaultIfEmpty(0).Max();
        var word = column.Heading.Split(' ').Max(w => w.Length);
        var body = Math.Max(cells, word);
        if (column.Kind == ColumnKind.Indicator)
        {
            body = Math.Max(body, view.Areas.Select(a => a.Name.Length).DefaultIfEmpty(0).Max());
        }

        return (body, Math.Max(body, column.Heading.Length));
    }

    /// <summary>
    /// How readily a column is left out: 0 never (the indicator, the year to date, its direction and RAG, the
    /// target), then the latest month, its direction and RAG, the quarter, the polarity, extra columns, the
    /// benchmarks, last year, and the earlier months first of all.
    /// </summary>
    private static int Rank(ScorecardView view, int c)
    {
        var column = view.Columns[c];
        var figures = Enumerable.Range(0, view.Columns.Count)
            .Where(i => view.Columns[i] is { Kind: ColumnKind.Figure, Group: ColumnGroup.Figures, Emphasis: false }).ToList();
        var lastOf = (ColumnKind kind) => Enumerable.Range(0, view.Columns.Count).LastOrDefault(i => view.Columns[i].Kind == kind, -1);
        if (column.Kind is ColumnKind.Indicator or ColumnKind.Target or ColumnKind.Band || column.Emphasis || c == lastOf(ColumnKind.Rag) || c == lastOf(ColumnKind.Direction))
        {
            return 0;
        }

        if (figures.Contains(c))
        {
            // The quarter is the last of them; the latest month the one before it; earlier months go first
            var fromEnd = figures.Count - 1 - figures.IndexOf(c);
            return fromEnd switch { 0 => 4, 1 => 1, _ => 20 + fromEnd };
        }

        return column.Kind switch
        {
            ColumnKind.Direction => 2,
            ColumnKind.Rag => 3,
            ColumnKind.Polarity => 5,
            ColumnKind.Extra => 6,
            ColumnKind.Benchmark => 7 + c,
            _ => 100 + c,
        };
    }

    private static string CellText(ViewColumn column, ViewCell cell) => cell is DirectionCell d && column.Kind == ColumnKind.Direction
        ? (d.Travel is null ? d.Text : Display.ArrowAndWord(d.Travel))
        : cell.Text;

    private static IRenderable Cell(ViewColumn column, ViewCell cell) => cell switch
    {
        DirectionCell d => d.Improving switch
        {
            true => new Markup($"[green]{Markup.Escape(CellText(column, d))}[/]"),
            false => new Markup($"[red]{Markup.Escape(CellText(column, d))}[/]"),
            null => new Markup(Markup.Escape(CellText(column, d))),
        },
        RagCell r => r.Rag switch
        {
            Domain.Indicators.Rag.Green => new Markup($"[black on green]{r.Text}[/]"),
            Domain.Indicators.Rag.Amber => new Markup($"[black on yellow]{r.Text}[/]"),
            Domain.Indicators.Rag.Red => new Markup($"[white on red]{r.Text}[/]"),
            _ => new Markup(Markup.Escape(r.Text)),
        },
        _ when column.Emphasis => new Markup($"[bold]{Markup.Escape(cell.Text)}[/]"),
        _ => new Text(cell.Text),
    };
}
