namespace Outturn.Formats.Tables;

/// <summary>A row of a table: its 1-based row number in the file (the header is row 1) and its cells by column.</summary>
public sealed class TableRow(int number, IReadOnlyDictionary<string, string> cells)
{
    /// <summary>The row number as the analyst sees it in a spreadsheet.</summary>
    public int Number { get; } = number;

    /// <summary>The trimmed cell text for a column (matched ignoring case), or an empty string.</summary>
    public string this[string column] => cells.TryGetValue(column, out var v) ? v : "";

    /// <summary>Whether every cell is empty.</summary>
    public bool IsBlank => cells.Values.All(string.IsNullOrWhiteSpace);
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
