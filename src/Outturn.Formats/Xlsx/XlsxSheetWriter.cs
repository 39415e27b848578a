using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>Builds one worksheet cell by cell, then saves it with widths, merges, frozen panes and print setup.</summary>
public sealed class XlsxSheetWriter(string name, XlsxStyles styles)
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly List<string> _merges = [];
    private readonly Dictionary<int, double> _widths = [];

    /// <summary>The sheet's name as shown on its tab.</summary>
    public string Name { get; } = name;

    /// <summary>Frozen rows above the scrolling area.</summary>
    public int FrozenRows { get; set; }

    /// <summary>Frozen columns to the left of the scrolling area.</summary>
    public int FrozenColumns { get; set; }

    /// <summary>Rows repeated at the top of every printed page.</summary>
    public int PrintTitleRows { get; set; }

    /// <summary>Writes text at a 1-based row and column.</summary>
    public void Text(int row, int column, string text, CellLook? look = null) =>
        Put(row, column, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) }, look);

    /// <summary>Writes a number (or an empty styled cell when null).</summary>
    public void Number(int row, int column, decimal? value, CellLook? look = null) =>
        Put(row, column, value is { } v ? new Cell { CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number } : new Cell(), look);

    /// <summary>Merges a rectangular range, e.g. for a heading spanning columns.</summary>
    public void Merge(int row, int firstColumn, int lastRow, int lastColumn) =>
        _merges.Add($"{Reference(row, firstColumn)}:{Reference(lastRow, lastColumn)}");

    /// <summary>Sets a column's width in characters.</summary>
    public void Width(int column, double characters) => _widths[column] = characters;

    /// <summary>The A1 reference of a cell.</summary>
    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the sheet to the workbook.</summary>
    /// <param name="workbook">The workbook part.</param>
    /// <param name="sheets">The workbook's sheet list.</param>
    /// <param name="sheetId">The sheet's 1-based number.</param>
    /// <param name="partId">The relationship ID of the sheet's part; a random one when null. Give one for a
    /// workbook that must be the same byte for byte each time.</param>
    public void AddTo(WorkbookPart workbook, Sheets sheets, uint sheetId, string? partId = null)
    {
        var part = partId is null ? workbook.AddNewPart<WorksheetPart>() : workbook.AddNewPart<WorksheetPart>(partId);
        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = sheetId == 1 };
        if (FrozenRows > 0 || FrozenColumns > 0)
        {
            view.Append(new Pane
            {
                HorizontalSplit = FrozenColumns > 0 ? FrozenColumns : null,
                VerticalSplit = FrozenRows > 0 ? FrozenRows : null,
                TopLeftCell = Reference(FrozenRows + 1, FrozenColumns + 1),
                State = PaneStateValues.Frozen,
                ActivePane = FrozenRows > 0 && FrozenColumns > 0 ? PaneValues.BottomRight : FrozenRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
            });
        }

        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        worksheet.Append(new SheetViews(view));
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.OrderBy(w => w.Key).Select(w => new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true })));
        }

        var data = new SheetData();
        foreach (var (r, cells) in _rows)
        {
            var row = new Row { RowIndex = (uint)r };
            foreach (var cell in cells.Values)
            {
                row.Append(cell);
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
        }

        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId, Name = Name });
        if (PrintTitleRows > 0)
        {
            var names = workbook.Workbook.DefinedNames ??= new DefinedNames();
            names.Append(new DefinedName($"'{Name}'!$1:${PrintTitleRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
        }
    }

    private void Put(int row, int column, Cell cell, CellLook? look)
    {
        cell.CellReference = Reference(row, column);
        if (look is not null)
        {
            cell.StyleIndex = styles.IndexOf(look);
        }

        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells[column] = cell;
    }
}
