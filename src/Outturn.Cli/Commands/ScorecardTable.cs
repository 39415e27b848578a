using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli.Commands;

/// <summary>The scorecard as a terminal table: areas as section rows, RAG in colour and in words.</summary>
internal static class ScorecardTable
{
    public static IRenderable Build(Scorecard scorecard)
    {
        var first = scorecard.Rows.FirstOrDefault();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Scorecard: {Display.MonthTitle(scorecard.Month)}")
            .AddColumn("Indicator");
        foreach (var m in first?.Months ?? [])
        {
            table.AddColumn(new TableColumn(Display.PeriodHeading(m.Period)).RightAligned());
        }

        var march = scorecard.Month.Number == 3;
        table.AddColumn(new TableColumn(first is null ? "Qtr" : Display.PeriodHeading(first.Quarter.Period)).RightAligned());
        table.AddColumn(new TableColumn(first is null ? "Year" : Display.PeriodHeading(first.Year.Period) + (march ? "" : " YTD")).RightAligned());
        table.AddColumn("Good");
        table.AddColumn("DOT m");
        table.AddColumn("RAG m");
        table.AddColumn("DOT y");
        table.AddColumn(march ? "RAG yr" : "RAG ytd");
        table.AddColumn(new TableColumn("Target").RightAligned());
        table.AddColumn(new TableColumn(first is null ? "Prev" : Display.PeriodHeading(first.PreviousYear.Period)).RightAligned());
        table.AddColumn(new TableColumn("SN av.").RightAligned());
        table.AddColumn(new TableColumn("Nat av.").RightAligned());

        foreach (var area in scorecard.Areas)
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(area.Key)}[/]"));
            foreach (var row in area)
            {
                var i = row.Indicator;
                var (_, amber, green) = Display.Bands(row.Target, i);
                List<IRenderable> cells =
                [
                    new Text(i.Name),
                    .. row.Months.Select(m => new Text(Display.Value(m, i))),
                    new Text(Display.Value(row.Quarter, i)),
                    new Markup($"[bold]{Markup.Escape(Display.Value(row.Year, i))}[/]"),
                    new Text(Display.Polarity(i.Polarity)),
                    Arrow(row.DirectionMonth),
                    Rag(row.RagMonth),
                    Arrow(row.DirectionYear),
                    Rag(row.RagYear),
                    new Text(row.Target is null ? Display.Missing : green + (row.Target.Amber is null ? "" : $" ({amber})")),
                    new Text(Display.Value(row.PreviousYear, i)),
                    new Text(Display.Value(row.Benchmarks?.StatNeighbourAverage, i)),
                    new Text(Display.Value(row.Benchmarks?.National, i)),
                ];
                table.AddRow(cells);
            }
        }

        table.Caption("DOT: direction of travel (green improving, red worsening). RAG judged on the figure as shown.");
        return table;
    }

    private static Markup Arrow(Travel? travel)
    {
        var arrow = travel is null ? Display.Missing : Display.Arrow(travel);
        return travel?.Improving switch
        {
            true => new Markup($"[green]{arrow}[/]"),
            false => new Markup($"[red]{arrow}[/]"),
            null => new Markup(arrow),
        };
    }

    private static Markup Rag(Rag rag) => rag switch
    {
        Domain.Indicators.Rag.Green => new Markup("[black on green]Green[/]"),
        Domain.Indicators.Rag.Amber => new Markup("[black on yellow]Amber[/]"),
        Domain.Indicators.Rag.Red => new Markup("[white on red]Red[/]"),
        _ => new Markup(Display.Missing),
    };
}
