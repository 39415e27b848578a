using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>One line of a line chart: its name, the cells holding its values, and its colour.</summary>
/// <param name="Name">The series name, as the legend shows it.</param>
/// <param name="Values">The cells of its values, e.g. <c>B3:B26</c> (on the chart's own sheet).</param>
/// <param name="Colour">RGB hex of the line.</param>
/// <param name="Dashed">A dashed line (targets and tolerances), with no markers.</param>
public sealed record ChartLine(string Name, string Values, string Colour, bool Dashed = false);

/// <summary>A native line chart on a sheet, over cells of that sheet, placed over a block of cells.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Categories">The cells of the category labels (months), e.g. <c>A3:A26</c>.</param>
/// <param name="Lines">The lines.</param>
/// <param name="NumberFormat">The value axis's number format.</param>
/// <param name="From">The top-left cell it covers, 1-based (row, column).</param>
/// <param name="To">The cell just beyond its bottom-right corner, 1-based (row, column).</param>
public sealed record LineChartSpec(string Title, string Categories, IReadOnlyList<ChartLine> Lines, string NumberFormat, (int Row, int Column) From, (int Row, int Column) To);

/// <summary>Builds one worksheet cell by cell, then saves it with widths, merges, frozen panes and print setup.</summary>
public sealed class XlsxSheetWriter(string name, XlsxStyles styles)
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly List<string> _merges = [];
    private readonly Dictionary<int, double> _widths = [];
    private readonly Dictionary<int, double> _heights = [];
    private readonly List<LineChartSpec> _charts = [];

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

    /// <summary>
    /// Sets a row's height in points. LibreOffice does not grow a row to fit wrapped text on opening a file that
    /// says nothing, and draws the lines over the next row, so every row with wrapped text is given its height.
    /// </summary>
    public void Height(int row, double points) => _heights[row] = points;

    /// <summary>Places a native line chart over cells of this sheet.</summary>
    public void Chart(LineChartSpec chart) => _charts.Add(chart);

    /// <summary>The points a row needs for <paramref name="text"/> wrapped in a column <paramref name="width"/> characters wide (Arial 10).</summary>
    public static double WrappedHeight(string text, double width)
    {
        // Characters per line: a column's width counts '0's; ordinary text runs a little narrower, so this is safe
        var perLine = Math.Max(1, (int)Math.Floor(width) - 1);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var length = 0;
            lines++;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (length > 0 && length + 1 + word.Length > perLine)
                {
                    lines++;
                    length = 0;
                }

                length += (length > 0 ? 1 : 0) + word.Length;
                while (length > perLine)
                {
                    lines++;
                    length -= perLine;
                }
            }
        }

        return (Math.Max(1, lines) * LineHeight) + 3;
    }

    /// <summary>The height of one line of Arial 10, in points.</summary>
    public const double LineHeight = 12.75;

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
            if (_heights.TryGetValue(r, out var height))
            {
                (row.Height, row.CustomHeight) = (height, true);
            }

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
        if (_charts.Count > 0)
        {
            var drawings = part.AddNewPart<DrawingsPart>("rIdDrawing");
            drawings.WorksheetDrawing = XlsxCharts.Drawing(drawings, _charts, Name);
            worksheet.Append(new Drawing { Id = "rIdDrawing" });
        }

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
