using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>Saves filled sheets as one workbook, the first sheet selected, with the styles they used.</summary>
public static class XlsxWorkbook
{
    /// <summary>Writes the workbook to <paramref name="stream"/>, which must be readable, writable and seekable.</summary>
    public static void Save(Stream stream, XlsxStyles styles, IEnumerable<XlsxSheetWriter> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            sheet.AddTo(workbook, list, id++);
        }

        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
        workbook.Workbook.Save();
    }

    /// <summary>
    /// Writes the workbook so that the same sheets always give the same bytes: parts have fixed relationship IDs
    /// (the workbook <c>rId1</c>, sheet n <c>rIdn</c>, the styles <c>rIdStyles</c>) and every zip entry is dated
    /// <paramref name="stamp"/> at midnight, so nothing depends on when the workbook was written.
    /// </summary>
    /// <param name="stream">Where the workbook is written; it need not be seekable.</param>
    /// <param name="styles">The styles the sheets used.</param>
    /// <param name="sheets">The sheets, in tab order.</param>
    /// <param name="stamp">The date every zip entry is given.</param>
    public static void SaveReproducibly(Stream stream, XlsxStyles styles, IEnumerable<XlsxSheetWriter> sheets, DateOnly stamp)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(styles);
        ArgumentNullException.ThrowIfNull(sheets);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                sheet.AddTo(workbook, list, id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rId{id}"));
                id++;
            }

            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = styles.Build();
            workbook.Workbook.Save();
        }

        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var time = new DateTimeOffset(stamp.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = time;
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }
}
