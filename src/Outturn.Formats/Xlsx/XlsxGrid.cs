using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>
/// Describes a workbook as plain text, one line per non-empty cell with its value, number format, fill and
/// font, plus each sheet's merges, frozen panes, page setup, row heights and charts (title, place, and each line's
/// name, cells and colour). Used to compare workbooks in tests and reviews.
/// </summary>
public static class XlsxGrid
{
    /// <summary>The description of the workbook in a stream.</summary>
    public static string Describe(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var codes = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var fills = stylesheet?.Fills?.Elements<Fill>().ToList() ?? [];
        var fonts = stylesheet?.Fonts?.Elements<Font>().ToList() ?? [];
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

        var text = new StringBuilder();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var ws = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            text.Append("== sheet ").Append(sheet.Name).Append(" ==\n");
            if (ws.Descendants<Pane>().FirstOrDefault() is { } pane)
            {
                text.Append("frozen at ").Append(pane.TopLeftCell).Append('\n');
            }

            if (ws.Descendants<PageSetup>().FirstOrDefault() is { } setup)
            {
                text.Append("page: paper ").Append(setup.PaperSize?.Value).Append(", ").Append(setup.Orientation?.InnerText).Append('\n');
            }

            foreach (var merge in ws.Descendants<MergeCell>())
            {
                text.Append("merged ").Append(merge.Reference).Append('\n');
            }

            foreach (var row in ws.Descendants<Row>().Where(r => r.CustomHeight?.Value == true))
            {
                text.Append("row ").Append(row.RowIndex!.Value).Append(" height ").Append(row.Height!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }

            var sheetPart = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            if (sheetPart.DrawingsPart is { } drawings)
            {
                foreach (var anchor in drawings.WorksheetDrawing.Elements<DocumentFormat.OpenXml.Drawing.Spreadsheet.TwoCellAnchor>())
                {
                    var id = anchor.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().Single().Id!.Value!;
                    var chart = ((ChartPart)drawings.GetPartById(id)).ChartSpace;
                    string At(DocumentFormat.OpenXml.OpenXmlCompositeElement marker) => XlsxSheetWriter.Reference(
                        int.Parse(marker.GetFirstChild<DocumentFormat.OpenXml.Drawing.Spreadsheet.RowId>()!.Text, System.Globalization.CultureInfo.InvariantCulture) + 1,
                        int.Parse(marker.GetFirstChild<DocumentFormat.OpenXml.Drawing.Spreadsheet.ColumnId>()!.Text, System.Globalization.CultureInfo.InvariantCulture) + 1);
                    text.Append("chart ").Append(chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Title>().First().InnerText)
                        .Append(" at ").Append(At(anchor.FromMarker!)).Append(':').Append(At(anchor.ToMarker!)).Append('\n');
                    foreach (var series in chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.LineChartSeries>())
                    {
                        text.Append("  line ").Append(series.SeriesText?.InnerText)
                            .Append(": ").Append(series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.CategoryAxisData>()?.InnerText)
                            .Append(" by ").Append(series.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Values>()?.InnerText)
                            .Append(", ").Append(series.Descendants<DocumentFormat.OpenXml.Drawing.RgbColorModelHex>().FirstOrDefault()?.Val?.Value)
                            .Append(series.Descendants<DocumentFormat.OpenXml.Drawing.PresetDash>().Any() ? " dashed" : "").Append('\n');
                    }
                }
            }

            foreach (var cell in ws.Descendants<Cell>())
            {
                var value = cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : cell.CellValue?.Text ?? "";
                var format = cell.StyleIndex?.Value is { } si && si < formats.Count ? formats[(int)si] : null;
                var extras = new List<string>();
                if (format?.NumberFormatId?.Value is { } id && id != 0)
                {
                    extras.Add("format " + codes.GetValueOrDefault(id, "#" + id));
                }

                if (format?.FillId?.Value is { } fi && fi > 1 && fills[(int)fi].PatternFill?.ForegroundColor?.Rgb?.Value is { } rgb)
                {
                    extras.Add("fill " + rgb);
                }

                if (format?.FontId?.Value is { } fo && fonts[(int)fo] is { } font)
                {
                    if (font.Bold is not null)
                    {
                        extras.Add("bold");
                    }

                    if (font.Color?.Rgb?.Value is { } colour)
                    {
                        extras.Add("font " + colour);
                    }
                }

                if (value.Length == 0 && extras.Count == 0)
                {
                    continue;
                }

                text.Append(sheet.Name).Append('!').Append(cell.CellReference).Append(" = ").Append(value);
                if (extras.Count > 0)
                {
                    text.Append("  [").Append(string.Join("; ", extras)).Append(']');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
