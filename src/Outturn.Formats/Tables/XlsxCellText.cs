using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Tables;

/// <summary>Turns XLSX cells into the text an analyst sees: shared strings, numbers, dates and percentages.</summary>
internal sealed class XlsxCellText
{
    private readonly SharedStringTable? _strings;
    private readonly CellFormats? _formats;
    private readonly Dictionary<uint, string> _customFormats;

    public XlsxCellText(WorkbookPart workbook)
    {
        _strings = workbook.SharedStringTablePart?.SharedStringTable;
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        _formats = stylesheet?.CellFormats;
        _customFormats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && f.FormatCode is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
    }

    /// <summary>The 0-based column index of a reference such as <c>C7</c>.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>The cell's text: a string as stored, a number in invariant form, a date as ISO, a percentage times 100.</summary>
    public string Text(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && _strings is not null
            && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return _strings.ElementAt(index).InnerText;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (cell.DataType is not null && cell.DataType.Value != CellValues.Number)
        {
            return raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var format = FormatOf(cell);
        if (IsDateFormat(format))
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (format.id is 9 or 10 || format.code.Contains('%', StringComparison.Ordinal))
        {
            return ((decimal)number * 100m).ToString(CultureInfo.InvariantCulture);
        }

        return ((decimal)number).ToString(CultureInfo.InvariantCulture);
    }

    private (uint id, string code) FormatOf(Cell cell)
    {
        if (cell.StyleIndex?.Value is not { } style || _formats is null)
        {
            return (0, "");
        }

        var format = _formats.Elements<CellFormat>().ElementAtOrDefault((int)style);
        var id = format?.NumberFormatId?.Value ?? 0;
        return (id, _customFormats.GetValueOrDefault(id, ""));
    }

    private static bool IsDateFormat((uint id, string code) format)
    {
        if (format.id is >= 14 and <= 22 or >= 45 and <= 47)
        {
            return true;
        }

        // A custom format is a date when it has day, month or year letters outside quoted text and no percent.
        var unquoted = string.Concat(format.code.Split('"').Where((_, i) => i % 2 == 0));
        return unquoted.Length > 0 && !unquoted.Contains('%', StringComparison.Ordinal)
            && unquoted.Any(c => c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M') && !unquoted.Contains("General", StringComparison.OrdinalIgnoreCase);
    }
}
