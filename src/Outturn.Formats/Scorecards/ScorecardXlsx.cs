using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Xlsx;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as an XLSX workbook laid out like the seed: figures as numbers with a format per unit (so a
/// percentage stays 92.5 and reads 92.5%), RAG cells filled and carrying the word, arrows coloured and worded ("↑ better") by
/// whether they are improvements, headers frozen, printed A4 landscape one page wide.
/// </summary>
public static class ScorecardXlsx
{
    /// <summary>GOV.UK palette fills for Green, Amber and Red.</summary>
    public const string GreenFill = "00703C", AmberFill = "FFDD00", RedFill = "D4351C";

    private const string HeaderFill = "1D2D44", BandFill = "3D4F6A", AreaFill = "DEE0E2", White = "FFFFFF";

    /// <summary>Writes the workbook to a stream.</summary>
    public static void Write(Scorecard scorecard, Stream stream, string title = "Performance scorecard")
    {
        var styles = new XlsxStyles();
        var sheet = new XlsxSheetWriter("Scorecard", styles);
        Fill(sheet, ScorecardView.Build(scorecard), title);
        XlsxWorkbook.Save(stream, styles, [sheet]);
    }

    /// <summary>
    /// Writes the committee report's workbook: a summary sheet (RAG counts and each indicator's verdicts), the
    /// narrative (what's working well, areas of challenge and focus, commentary: the same text the HTML shows), one
    /// scorecard sheet per service area, and a sheet of charts (each indicator's months against its target, as
    /// native line charts over the figures beside them). Small numbers are already withheld in the report.
    /// </summary>
    public static void WriteReport(Reports.CommitteeReport report, Stream stream)
    {
        var styles = new XlsxStyles();
        var summary = new XlsxSheetWriter("Summary", styles);
        FillSummary(summary, report);
        var narrative = new XlsxSheetWriter("Narrative", styles);
        FillNarrative(narrative, report);
        var sheets = new List<XlsxSheetWriter> { summary, narrative };
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Narrative", "Charts", "Actions" };
        foreach (var area in report.Scorecard.Areas)
        {
            var sheet = new XlsxSheetWriter(SheetName(area.Key, used), styles);
            Fill(sheet, ScorecardView.Build(report.Scorecard with { Rows = [.. area] }), $"{report.Title}: {area.Key}");
            sheets.Add(sheet);
        }

        var charts = new XlsxSheetWriter("Charts", styles);
        FillCharts(charts, report);
        sheets.Add(charts);
        if (report.Actions is not null)
        {
            var actions = new XlsxSheetWriter("Actions", styles);
            FillActions(actions, report);
            sheets.Add(actions);
        }
        XlsxWorkbook.Save(stream, styles, sheets);
    }

    /// <summary>The width of the trend column: four figures such as <c>100.0%</c> and the spaces between them.</summary>
    private const double TrendWidth = 30;

    /// <summary>The width of the narrative's one column, in characters.</summary>
    private const double NarrativeWidth = 120;

    /// <summary>The narrative, area by area, as the HTML report has it: headings, bullets, then the commentary, as plain text.</summary>
    private static void FillNarrative(XlsxSheetWriter s, Reports.CommitteeReport report)
    {
        var wrap = new CellLook(Wrap: true);
        s.Text(1, 1, $"{report.Title}: narrative, quarter {report.Quarter.Number} {Display.YearHeading(report.Quarter.Year)}", new CellLook(Bold: true));
        s.Width(1, NarrativeWidth);
        var r = 3;
        void Line(string text, CellLook look)
        {
            s.Text(r, 1, text, look);
            s.Height(r++, XlsxSheetWriter.WrappedHeight(text, NarrativeWidth));
        }

        foreach (var area in report.Areas)
        {
            Line(area.Area, new CellLook(Bold: true, Fill: AreaFill, Wrap: true));
            foreach (var (heading, bullets) in new[] { (Reports.NarrativeMarkdown.WorkingWellHeading, area.WorkingWell), (Reports.NarrativeMarkdown.ChallengesHeading, area.Challenges) })
            {
                Line(heading, new CellLook(Bold: true));
                if (bullets.Count == 0)
                {
                    Line("None this quarter.", wrap);
                }

                foreach (var bullet in bullets)
                {
                    Line("• " + Plain(bullet), wrap);
                }
            }

            if (area.Commentary.Trim().Length > 0)
            {
                Line(Reports.NarrativeMarkdown.CommentaryHeading, new CellLook(Bold: true));
                Line(Plain(area.Commentary), wrap);
            }

            r++;
        }
    }

    private static readonly Markdig.MarkdownPipeline PlainPipeline = Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build();

    /// <summary>Markdown as the plain text a cell holds: emphasis and links dropped, paragraphs kept apart by a line.</summary>
    private static string Plain(string markdown) =>
        string.Join("\n", Markdig.Markdown.ToPlainText(markdown, PlainPipeline)
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The months a chart block holds: the report's series, up to 24.</summary>
    private const int ChartRows = 24;

    /// <summary>
    /// One block per indicator: its months (figure, target, tolerance) in columns A to D, withheld months left empty
    /// and marked "c" in E (so the line has a gap, never a zero), and a line chart of them beside it in G to P.
    /// </summary>
    private static void FillCharts(XlsxSheetWriter s, Reports.CommitteeReport report)
    {
        var header = new CellLook(Bold: true, FontColour: White, Fill: HeaderFill, Wrap: true);
        s.Text(1, 1, $"{report.Title}: monthly figures against target", new CellLook(Bold: true));
        s.Width(1, 10);
        foreach (var c in new[] { 2, 3, 4 })
        {
            s.Width(c, 12);
        }

        s.Width(5, 8);
        var top = 3;
        foreach (var row in report.Scorecard.Rows)
        {
            if (report.Spc.GetValueOrDefault(row.Indicator.Id) is not { } spc || spc.Series.Count == 0)
            {
                continue;
            }

            var i = row.Indicator;
            var number = new CellLook(NumberFormat: NumberFormat(i), Centre: true);
            s.Text(top, 1, i.Name, new CellLook(Bold: true));
            var headings = new[] { "Month", Display.Polarity(i.Polarity) == Display.Missing ? "Figure" : $"Figure (good is {Display.Polarity(i.Polarity)})", "Target", "Tolerance", "Withheld" };
            for (var c = 0; c < headings.Length; c++)
            {
                s.Text(top + 1, c + 1, headings[c], header);
            }

            s.Height(top + 1, XlsxSheetWriter.WrappedHeight(headings[1], 12));
            var series = spc.Series.TakeLast(ChartRows).ToList();
            for (var n = 0; n < series.Count; n++)
            {
                var p = series[n];
                var r = top + 2 + n;
                s.Text(r, 1, Display.PeriodHeading(p.Period), new CellLook(Centre: true));
                s.Number(r, 2, p.Suppressed || p.Value is null ? null : i.Round(p.Value.Value), number);
                s.Number(r, 3, row.Target?.Green, number);
                s.Number(r, 4, row.Target?.Amber, number);
                s.Text(r, 5, p.Suppressed ? Display.SuppressedMark : "", new CellLook(Centre: true));
            }

            var first = top + 2;
            var last = top + 1 + series.Count;
            string Range(int column) => $"{XlsxSheetWriter.Reference(first, column)}:{XlsxSheetWriter.Reference(last, column)}";
            var lines = new List<ChartLine> { new(headings[1], Range(2), "1D70B8") };
            if (row.Target is { } t)
            {
                lines.Add(new ChartLine("Target", Range(3), "00703C", Dashed: true));
                if (t.Amber is not null)
                {
                    lines.Add(new ChartLine("Tolerance", Range(4), "B36B00", Dashed: true));
                }
            }

            s.Chart(new LineChartSpec($"{i.Name}, monthly", Range(1), lines, ChartFormat(i), (top + 1, 7), (top + 1 + Math.Max(series.Count, 18), 17)));
            top = last + 3;
        }

        s.Text(top, 1, Display.SuppressionNote(report.Suppression.Threshold));
    }

    /// <summary>The value axis's format: the indicator's, as its cells have it.</summary>
    private static string ChartFormat(Indicator indicator) => NumberFormat(indicator);

    /// <summary>A valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string area, HashSet<string> used)
    {
        var name = new string([.. area.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c)]).Trim('\'');
        name = name.Length > 31 ? name[..31] : name.Length == 0 ? "Area" : name;
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }

    private static void FillSummary(XlsxSheetWriter s, Reports.CommitteeReport report)
    {
        var bold = new CellLook(Bold: true);
        var header = new CellLook(Bold: true, FontColour: White, Fill: HeaderFill, Wrap: true);
        s.Text(1, 1, report.Title, bold);
        s.Text(2, 1, $"Quarter {report.Quarter.Number} {Display.YearHeading(report.Quarter.Year)}, figures as at the end of {Display.MonthTitle(report.Scorecard.Month)}");
        s.Text(4, 1, "Year to date", header);
        s.Text(4, 2, "Indicators", header);
        s.Height(4, XlsxSheetWriter.WrappedHeight("Year to date", SummaryWidths[0]));
        var r = 5;
        foreach (var (rag, label, fill) in new[] { (Domain.Indicators.Rag.Green, "Green", GreenFill), (Domain.Indicators.Rag.Amber, "Amber", AmberFill), (Domain.Indicators.Rag.Red, "Red", RedFill), (Domain.Indicators.Rag.None, "Not rated", (string?)null) })
        {
            s.Text(r, 1, label, fill is null ? new CellLook() : new CellLook(Bold: true, FontColour: rag == Domain.Indicators.Rag.Amber ? null : White, Fill: fill));
            s.Number(r++, 2, report.RagCounts[rag], new CellLook(NumberFormat: "0"));
        }

        r++;
        var view = ScorecardView.Build(report.Scorecard, ScorecardLayout.Summary, Reports.ReportHtml.SpcColumns(report));
        for (var c = 0; c < view.Columns.Count; c++)
        {
            s.Text(r, c + 1, view.Columns[c].Heading, header);
        }

        s.FrozenRows = r;
        foreach (var row in view.Rows)
        {
            WriteRow(s, ++r, view, row);
            s.Height(r, row.Cells.Select((cell, c) => XlsxSheetWriter.WrappedHeight(cell.Text, SummaryWidths[Math.Min(c, SummaryWidths.Length - 1)])).Max());
        }

        s.Text(r + 2, 1, Display.SuppressionNote(report.Suppression.Threshold));
        for (var c = 0; c < SummaryWidths.Length; c++)
        {
            s.Width(c + 1, SummaryWidths[c]);
        }

        s.Height(s.FrozenRows, view.Columns.Select((column, c) => XlsxSheetWriter.WrappedHeight(column.Heading, SummaryWidths[Math.Min(c, SummaryWidths.Length - 1)])).Max());
    }

    /// <summary>The actions sheet's column widths: number, area of focus, indicators, owner, due, status, notes.</summary>
    private static readonly double[] ActionWidths = [6, 40, 36, 28, 16, 20, 40];

    /// <summary>The performance board's open actions, as the HTML report lists them: a table per service area, overdue in words.</summary>
    private static void FillActions(XlsxSheetWriter s, Reports.CommitteeReport report)
    {
        var header = new CellLook(Bold: true, FontColour: White, Fill: HeaderFill, Wrap: true);
        var wrap = new CellLook(Wrap: true);
        s.Text(1, 1, $"{report.Title}: {Reports.ReportHtml.ActionsHeading.ToLowerInvariant()} open at the end of {Display.MonthTitle(report.Quarter.LastMonth)}", new CellLook(Bold: true));
        for (var c = 0; c < ActionWidths.Length; c++)
        {
            s.Width(c + 1, ActionWidths[c]);
        }

        var r = 3;
        if (report.Actions!.Count == 0)
        {
            s.Text(r, 1, "No open actions.");
            return;
        }

        foreach (var area in report.Actions.GroupBy(a => a.Area))
        {
            s.Text(r, 1, area.Key, new CellLook(Bold: true, Fill: AreaFill));
            s.Merge(r, 1, r, ActionWidths.Length);
            r++;
            var columns = Reports.ReportHtml.ActionColumns;
            for (var c = 0; c < columns.Count; c++)
            {
                s.Text(r, c + 1, columns[c], header);
            }

            s.Height(r, columns.Select((text, c) => XlsxSheetWriter.WrappedHeight(text, ActionWidths[c])).Max());
            r++;
            foreach (var a in area)
            {
                string[] cells = [a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AreaOfFocus, string.Join("; ", a.Indicators), a.Owner, Reports.ReportHtml.DueText(a.Due), a.StatusText, a.Notes];
                for (var c = 0; c < cells.Length; c++)
                {
                    s.Text(r, c + 1, cells[c], a.Overdue ? new CellLook(Bold: true, Wrap: true) : wrap);
                }

                s.Height(r, cells.Select((text, c) => XlsxSheetWriter.WrappedHeight(text, ActionWidths[c])).Max());
                r++;
            }

            r++;
        }
    }

    /// <summary>The summary's column widths: area, indicator, year to date, RAG, direction, variation, assurance.</summary>
    private static readonly double[] SummaryWidths = [24, 48, 12, 12, 12, 24, 16];

    private static void Fill(XlsxSheetWriter s, ScorecardView view, string title)
    {
        s.Text(1, 1, $"{title}: {view.MonthTitle}", new CellLook(Bold: true));

        var header = new CellLook(Bold: true, FontColour: White, Fill: HeaderFill, Centre: true, Wrap: true);
        var band = header with { Fill = BandFill };
        var columns = view.Columns.Count;
        for (var c = 1; c <= columns; c++)
        {
            s.Text(2, c, "", band);
            s.Text(3, c, view.Columns[c - 1].Heading, header);
        }

        foreach (var group in view.Groups.Where(g => g.Heading.Length > 0))
        {
            s.Text(2, group.First + 1, group.Heading, band);
            s.Merge(2, group.First + 1, 2, group.First + group.Span);
        }

        s.Width(1, 48);
        for (var c = 2; c <= columns; c++)
        {
            // The trend's four figures in one cell ran over its neighbours at 11
            s.Width(c, view.Columns[c - 1].Kind == ColumnKind.Trend ? TrendWidth : 11);
        }

        s.Height(2, view.Groups.Max(g => XlsxSheetWriter.WrappedHeight(g.Heading, Math.Max(11, g.Span * 11))));
        s.Height(3, view.Columns.Skip(1).Max(c => XlsxSheetWriter.WrappedHeight(c.Heading, 11)));

        s.FrozenRows = 3;
        s.FrozenColumns = 1;
        s.PrintTitleRows = 3;

        var r = 4;
        foreach (var area in view.Areas)
        {
            var areaLook = new CellLook(Bold: true, Fill: AreaFill);
            for (var c = 1; c <= columns; c++)
            {
                s.Text(r, c, c == 1 ? area.Name : "", areaLook);
            }

            r++;
            foreach (var row in area.Rows)
            {
                s.Height(r, XlsxSheetWriter.WrappedHeight(row.Indicator.Name, 48));
                WriteRow(s, r++, view, row);
            }
        }
    }

    /// <summary>
    /// Writes a row: figures as numbers in the indicator's format (withheld ones as "c"), RAG filled, arrows coloured;
    /// a missing figure is an empty number cell, a missing benchmark a dash.
    /// </summary>
    private static void WriteRow(XlsxSheetWriter s, int r, ScorecardView view, ViewRow row)
    {
        var i = row.Indicator;
        var number = new CellLook(NumberFormat: NumberFormat(i), Centre: true);
        var text = new CellLook(Centre: true);
        for (var c = 0; c < view.Columns.Count; c++)
        {
            var column = view.Columns[c];
            var cell = row.Cells[c];
            switch (cell)
            {
                case FigureCell f when f.Suppressed:
                    s.Text(r, c + 1, f.Text, number with { Bold = column.Emphasis });
                    break;
                case FigureCell f when f.Rounded is null && column.Kind == ColumnKind.Benchmark:
                    s.Text(r, c + 1, f.Text, text);
                    break;
                case FigureCell f:
                    s.Number(r, c + 1, f.Rounded, number with { Bold = column.Emphasis });
                    break;
                case DirectionCell d:
                    Arrow(s, r, c + 1, d);
                    break;
                case RagCell g:
                    Rag(s, r, c + 1, g);
                    break;
                default:
                    s.Text(r, c + 1, cell.Text, column.Kind switch
                    {
                        ColumnKind.Indicator => new CellLook(Wrap: true),
                        ColumnKind.Area or ColumnKind.Extra => new CellLook(Wrap: true),
                        _ => text,
                    });
                    break;
            }
        }
    }

    /// <summary>The Excel format for an indicator: <c>0.0"%"</c> for a percentage at one decimal, <c>#,##0</c> for a count.</summary>
    public static string NumberFormat(Indicator indicator)
    {
        var digits = indicator.Decimals == 0 ? "#,##0" : "#,##0." + new string('0', indicator.Decimals);
        return indicator.Unit == Unit.Percent ? digits + "\"%\"" : digits;
    }

    private static void Arrow(XlsxSheetWriter s, int r, int c, DirectionCell d)
    {
        // The word says what the colour says, for a reader who cannot tell green from red or prints in grey (WCAG 1.4.1)
        var colour = d.Improving switch { true => GreenFill, false => RedFill, null => null };
        s.Text(r, c, d.Travel is null ? d.Text : Display.ArrowAndWord(d.Travel), new CellLook(Bold: true, FontColour: colour, Centre: true));
    }

    private static void Rag(XlsxSheetWriter s, int r, int c, RagCell cell)
    {
        var look = cell.Rag switch
        {
            Domain.Indicators.Rag.Green => new CellLook(Bold: true, FontColour: White, Fill: GreenFill, Centre: true),
            Domain.Indicators.Rag.Amber => new CellLook(Bold: true, Fill: AmberFill, Centre: true),
            Domain.Indicators.Rag.Red => new CellLook(Bold: true, FontColour: White, Fill: RedFill, Centre: true),
            _ => new CellLook(Centre: true),
        };
        s.Text(r, c, cell.Text, look);
    }
}
