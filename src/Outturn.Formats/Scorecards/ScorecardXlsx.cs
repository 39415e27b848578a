using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Xlsx;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as an XLSX workbook laid out like the seed: figures as numbers with a format per unit (so a
/// percentage stays 92.5 and reads 92.5%), RAG cells filled and carrying the word, arrows coloured by whether they
/// are improvements, headers frozen, printed A4 landscape one page wide.
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
        Fill(sheet, scorecard, title);
        XlsxWorkbook.Save(stream, styles, [sheet]);
    }

    /// <summary>
    /// Writes the committee report's workbook: a summary sheet (RAG counts and each indicator's verdicts) and one
    /// scorecard sheet per service area. Small numbers are already withheld in the report.
    /// </summary>
    public static void WriteReport(Reports.CommitteeReport report, Stream stream)
    {
        var styles = new XlsxStyles();
        var summary = new XlsxSheetWriter("Summary", styles);
        FillSummary(summary, report);
        var sheets = new List<XlsxSheetWriter> { summary };
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary" };
        foreach (var area in report.Scorecard.Areas)
        {
            var sheet = new XlsxSheetWriter(SheetName(area.Key, used), styles);
            Fill(sheet, report.Scorecard with { Rows = [.. area] }, $"{report.Title}: {area.Key}");
            sheets.Add(sheet);
        }

        XlsxWorkbook.Save(stream, styles, sheets);
    }

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
        var r = 5;
        foreach (var (rag, label, fill) in new[] { (Domain.Indicators.Rag.Green, "Green", GreenFill), (Domain.Indicators.Rag.Amber, "Amber", AmberFill), (Domain.Indicators.Rag.Red, "Red", RedFill), (Domain.Indicators.Rag.None, "Not rated", (string?)null) })
        {
            s.Text(r, 1, label, fill is null ? new CellLook() : new CellLook(Bold: true, FontColour: rag == Domain.Indicators.Rag.Amber ? null : White, Fill: fill));
            s.Number(r++, 2, report.RagCounts[rag], new CellLook(NumberFormat: "0"));
        }

        r++;
        string[] heads = ["Area", "Indicator", "Year to date", "RAG", "DOT (yr on yr)", "Variation", "Assurance"];
        for (var c = 0; c < heads.Length; c++)
        {
            s.Text(r, c + 1, heads[c], header);
        }

        s.FrozenRows = r;
        foreach (var row in report.Scorecard.Rows)
        {
            r++;
            var chart = report.Spc.GetValueOrDefault(row.Indicator.Id)?.Chart;
            s.Text(r, 1, row.Indicator.Area);
            s.Text(r, 2, row.Indicator.Name, new CellLook(Wrap: true));
            Figure(s, r, 3, row.Year, row.Indicator, new CellLook(NumberFormat: NumberFormat(row.Indicator), Centre: true));
            Rag(s, r, 4, row.RagYear);
            Arrow(s, r, 5, row.DirectionYear);
            s.Text(r, 6, Reports.ReportHtml.VariationText(chart));
            s.Text(r, 7, Reports.ReportHtml.AssuranceText(chart));
        }

        s.Text(r + 2, 1, Display.SuppressionNote(report.Suppression.Threshold));
        s.Width(1, 24);
        s.Width(2, 48);
        foreach (var c in new[] { 3, 4, 5 })
        {
            s.Width(c, 12);
        }

        s.Width(6, 24);
        s.Width(7, 16);
    }

    private static void Fill(XlsxSheetWriter s, Scorecard scorecard, string title)
    {
        var first = scorecard.Rows.FirstOrDefault();
        var march = scorecard.Month.Number == 3;
        s.Text(1, 1, $"{title}: {Display.MonthTitle(scorecard.Month)}", new CellLook(Bold: true));

        var header = new CellLook(Bold: true, FontColour: White, Fill: HeaderFill, Centre: true, Wrap: true);
        var band = header with { Fill = BandFill };
        string[] heads =
        [
            "Indicator", .. first?.Months.Select(m => Display.PeriodHeading(m.Period)) ?? [],
            first is null ? "Quarter" : Display.PeriodHeading(first.Quarter.Period),
            first is null ? "Year" : Display.PeriodHeading(first.Year.Period) + (march ? " OUTTURN" : " YTD"),
            "Good perf is", "DOT (Month)", "RAG (Month)", "DOT (Yr on Yr)", march ? "RAG (Yr End)" : "RAG (YTD)",
            "Red", "Amber", "Green (target)", first is null ? "Previous year" : Display.PeriodHeading(first.PreviousYear.Period), "Yr on Yr trend",
            "Stat neigh av.", "Best stat neigh", "Nat av.", "Regional av.", "Top qtile threshold",
        ];
        var months = first?.Months.Count ?? 3;
        var targetsAt = 1 + months + 2 + 5 + 1;
        for (var c = 1; c <= heads.Length; c++)
        {
            s.Text(2, c, "", band);
            s.Text(3, c, heads[c - 1], header);
        }

        s.Text(2, targetsAt, "TARGET & TOLERANCES", band);
        s.Merge(2, targetsAt, 2, targetsAt + 2);
        s.Text(2, targetsAt + 3, "YR ON YR PERFORMANCE", band);
        s.Merge(2, targetsAt + 3, 2, targetsAt + 4);
        s.Text(2, targetsAt + 5, "LATEST BENCHMARKING" + (first?.Benchmarks is { } fb ? $" ({fb.Year})" : ""), band);
        s.Merge(2, targetsAt + 5, 2, targetsAt + 9);

        s.Width(1, 48);
        for (var c = 2; c <= heads.Length; c++)
        {
            s.Width(c, 11);
        }

        s.FrozenRows = 3;
        s.FrozenColumns = 1;
        s.PrintTitleRows = 3;

        var r = 4;
        foreach (var area in scorecard.Areas)
        {
            var areaLook = new CellLook(Bold: true, Fill: AreaFill);
            for (var c = 1; c <= heads.Length; c++)
            {
                s.Text(r, c, c == 1 ? area.Key : "", areaLook);
            }

            r++;
            foreach (var row in area)
            {
                WriteRow(s, r++, row);
            }
        }
    }

    private static void WriteRow(XlsxSheetWriter s, int r, ScorecardRow row)
    {
        var i = row.Indicator;
        var number = new CellLook(NumberFormat: NumberFormat(i), Centre: true);
        var text = new CellLook(Centre: true);
        var c = 1;
        s.Text(r, c++, i.Name, new CellLook(Wrap: true));
        foreach (var m in row.Months)
        {
            Figure(s, r, c++, m, i, number);
        }

        Figure(s, r, c++, row.Quarter, i, number);
        Figure(s, r, c++, row.Year, i, number with { Bold = true });
        s.Text(r, c++, Display.Polarity(i.Polarity), text);
        Arrow(s, r, c++, row.DirectionMonth);
        Rag(s, r, c++, row.RagMonth);
        Arrow(s, r, c++, row.DirectionYear);
        Rag(s, r, c++, row.RagYear);
        var (red, amber, green) = Display.Bands(row.Target, i);
        s.Text(r, c++, red, text);
        s.Text(r, c++, amber, text);
        s.Text(r, c++, green, text);
        Figure(s, r, c++, row.PreviousYear, i, number);
        s.Text(r, c++, Trend(row), text);
        var b = row.Benchmarks;
        foreach (var v in new[] { b?.StatNeighbourAverage, b?.BestStatNeighbour, b?.National, b?.Regional, b?.TopQuartile })
        {
            if (v is null)
            {
                s.Text(r, c++, Display.Missing, text);
            }
            else
            {
                s.Number(r, c++, Rounded(v, i), number);
            }
        }
    }

    /// <summary>The Excel format for an indicator: <c>0.0"%"</c> for a percentage at one decimal, <c>#,##0</c> for a count.</summary>
    public static string NumberFormat(Indicator indicator)
    {
        var digits = indicator.Decimals == 0 ? "#,##0" : "#,##0." + new string('0', indicator.Decimals);
        return indicator.Unit == Unit.Percent ? digits + "\"%\"" : digits;
    }

    /// <summary>The trend as text: the last four quarter values, oldest first, e.g. <c>91.2% 92.0% 91.5% 92.1%</c>.</summary>
    private static string Trend(ScorecardRow row) =>
        string.Join(" ", row.Trend.Select(t => Display.Value(t, row.Indicator)));

    private static void Figure(XlsxSheetWriter s, int r, int c, PeriodValue value, Indicator i, CellLook look)
    {
        if (value.Suppressed)
        {
            s.Text(r, c, Display.SuppressedMark, look);
        }
        else
        {
            s.Number(r, c, Rounded(value.Value, i), look);
        }
    }

    private static decimal? Rounded(decimal? value, Indicator indicator) => value is { } v ? indicator.Round(v) : null;

    private static void Arrow(XlsxSheetWriter s, int r, int c, Travel? travel)
    {
        var colour = travel?.Improving switch { true => GreenFill, false => RedFill, null => null };
        s.Text(r, c, travel is null ? Display.Missing : Display.Arrow(travel), new CellLook(Bold: true, FontColour: colour, Centre: true));
    }

    private static void Rag(XlsxSheetWriter s, int r, int c, Rag rag)
    {
        var look = rag switch
        {
            Domain.Indicators.Rag.Green => new CellLook(Bold: true, FontColour: White, Fill: GreenFill, Centre: true),
            Domain.Indicators.Rag.Amber => new CellLook(Bold: true, Fill: AmberFill, Centre: true),
            Domain.Indicators.Rag.Red => new CellLook(Bold: true, FontColour: White, Fill: RedFill, Centre: true),
            _ => new CellLook(Centre: true),
        };
        s.Text(r, c, rag == Domain.Indicators.Rag.None ? Display.Missing : Display.Rag(rag), look);
    }
}
