using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli.Commands;

/// <summary>The compact scorecard view as a terminal table: areas as section rows, RAG in colour and in words.</summary>
internal static class ScorecardTable
{
    public static IRenderable Build(Scorecard scorecard) => Build(ScorecardView.Build(scorecard, ScorecardLayout.Compact));

    public static IRenderable Build(ScorecardView view)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Scorecard: {view.MonthTitle}");
        foreach (var column in view.Columns)
        {
            var right = column.Kind is ColumnKind.Figure or ColumnKind.Benchmark or ColumnKind.Target;
            var heading = new TableColumn(Markup.Escape(column.Heading));
            table.AddColumn(right ? heading.RightAligned() : heading);
        }

        foreach (var area in view.Areas)
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(area.Name)}[/]"));
            foreach (var row in area.Rows)
            {
                table.AddRow([.. row.Cells.Select((cell, c) => Cell(view.Columns[c], cell))]);
            }
        }

        table.Caption("DOT: direction of travel (green improving, red worsening). RAG judged on the figure as shown.");
        return table;
    }

    private static IRenderable Cell(ViewColumn column, ViewCell cell) => cell switch
    {
        DirectionCell d => d.Improving switch
        {
            true => new Markup($"[green]{Markup.Escape(d.Text)}[/]"),
            false => new Markup($"[red]{Markup.Escape(d.Text)}[/]"),
            null => new Markup(Markup.Escape(d.Text)),
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
