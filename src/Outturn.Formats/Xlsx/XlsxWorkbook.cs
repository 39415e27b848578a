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
}
