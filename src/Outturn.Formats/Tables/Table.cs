namespace Outturn.Formats.Tables;

/// <summary>A row of a table: its 1-based row number in the file (the header is row 1) and its cells by column.</summary>
public sealed class TableRow
{
    private readonly IReadOnlyDictionary<string, string>? _cells;
    private readonly Columns? _columns;
    private readonly string[]? _values;

    /// <summary>A row of the cells given by column name.</summary>
    public TableRow(int number, IReadOnlyDictionary<string, string> cells)
    {
        Number = number;
        _cells = cells;
    }

    /// <summary>A row of a table read from a file: its values in the table's column order, named through <paramref name="columns"/>.</summary>
    internal TableRow(int number, Columns columns, string[] values)
    {
        Number = number;
        _columns = columns;
        _values = values;
    }

    /// <summary>The row number as the analyst sees it in a spreadsheet.</summary>
    public int Number { get; }

    /// <summary>The trimmed cell text for a column (matched ignoring case), or an empty string.</summary>
    public string this[string column] =>
        _cells is not null ? (_cells.TryGetValue(column, out var v) ? v : "")
        : _columns!.IndexOf(column) is var i and >= 0 ? _values![i] : "";

    /// <summary>Whether every cell is empty.</summary>
    public bool IsBlank => _cells is not null ? _cells.Values.All(string.IsNullOrWhiteSpace) : _values!.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Where each named column of a table is: its first column of each name (names matched ignoring case), shared by the
/// table's rows so a row holds only its values.
/// </summary>
internal sealed class Columns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns of <paramref name="headers"/>: a blank header names no column; a repeated name, its first.</summary>
    public Columns(IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length > 0)
            {
                _index.TryAdd(headers[i], i);
            }
        }
    }

    /// <summary>The column's place, or -1.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;
}

/// <summary>A rectangular table read from a CSV file or the first sheet of an XLSX workbook.</summary>
public sealed class Table(string file, IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows)
{
    /// <summary>The file as named by the user, used in every error message.</summary>
    public string File { get; } = file;

    /// <summary>The column headers, trimmed, in file order.</summary>
    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>The data rows, blank rows removed.</summary>
    public IReadOnlyList<TableRow> Rows { get; } = rows;

    /// <summary>Errors for required columns that are missing, naming each.</summary>
    public IEnumerable<InputError> MissingColumns(params string[] required) =>
        required.Where(c => !Headers.Contains(c, StringComparer.OrdinalIgnoreCase))
            .Select(c => new InputError(File, 1, c, $"the column '{c}' is missing; the header row has: {string.Join(", ", Headers)}."));
}
