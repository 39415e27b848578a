using System.Globalization;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;

namespace Outturn.Formats.Tables;

/// <summary>Reads a CSV file or the first worksheet of an XLSX workbook into a <see cref="Table"/>.</summary>
/// <remarks>
/// The same columns are accepted in either form, so an analyst can keep the files in whichever they prefer.
/// XLSX cells are read as the analyst typed them: a cell formatted as a date becomes an ISO date
/// (<c>2025-01-01</c>) and a cell formatted as a percentage becomes the percentage number (0.925 shown as 92.5%
/// reads as <c>92.5</c>), so that what is read is what is seen.
/// </remarks>
public static class TableReader
{
    /// <summary>Reads a table; the file kind is chosen by extension (<c>.xlsx</c>, otherwise CSV).</summary>
    /// <exception cref="InputException">The file is missing, empty or cannot be read as a table.</exception>
    public static Table Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        InputLimits.CheckFileSize(path);
        try
        {
            return Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path) : ReadCsv(path);
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or XmlException)
        {
            throw new InputException(new InputError(path, null, null, $"the file cannot be read as a table: {e.Message}"));
        }
    }

    private static Table ReadCsv(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return ReadCsv(reader, path);
    }

    /// <summary>
    /// Reads CSV text, such as a file embedded in the app; <paramref name="file"/> names it in errors. The delimiter is
    /// the comma, semicolon or tab that separates the header row's columns, as Excel saves "CSV" with semicolons in
    /// locales whose decimal separator is a comma, and "Text (Tab delimited)" with tabs.
    /// </summary>
    /// <exception cref="InputException">The text is empty, or its header row holds two delimiters equally often.</exception>
    public static Table ReadCsv(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        using var content = new StringReader(text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter(text, file),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(content, config);
        if (!csv.Read())
        {
            throw new InputException(new InputError(file, null, null, "the file is empty; expected a header row."));
        }

        csv.ReadHeader();
        var headers = (csv.HeaderRecord ?? []).Select(Clean).ToList();
        if (headers.Count > InputLimits.MaxColumns)
        {
            throw new InputException(new InputError(file, 1, null, $"the header row has {headers.Count} columns, over the {InputLimits.MaxColumns} a sheet can hold; the file is refused."));
        }

        if (headers.FirstOrDefault(h => h.Length > InputLimits.MaxCellCharacters) is { } longHeader)
        {
            throw new InputException(new InputError(file, 1, null, $"a column name holds {longHeader.Length} characters, over the {InputLimits.MaxCellCharacters} a spreadsheet cell can; the file is refused."));
        }

        var rows = new List<TableRow>();
        var columns = new Columns(headers);
        while (csv.Read())
        {
            var values = new string[headers.Count];
            var count = csv.Parser.Count;
            for (var i = 0; i < headers.Count; i++)
            {
                // A short row's missing fields are empty (asked for one by one, each would throw and be caught).
                var value = i < count ? csv.Parser[i] : "";
                if (value.Length > InputLimits.MaxCellCharacters)
                {
                    throw new InputException(new InputError(file, csv.Parser.RawRow, headers[i],
                        $"the field holds {value.Length} characters, over the {InputLimits.MaxCellCharacters} a spreadsheet cell can; the file is refused."));
                }

                values[i] = headers[i].Length > 0 ? Clean(value) : "";
            }

            var row = new TableRow(csv.Parser.RawRow, columns, values);
            if (!row.IsBlank)
            {
                rows.Add(row);
            }
        }

        return new Table(file, headers, rows);
    }

    /// <summary>
    /// Reads every worksheet of a workbook as a table named after its sheet (<c>file [Sheet]</c> in errors). The header is
    /// the first of the top ten rows that <paramref name="isHeader"/> accepts (so title rows above it are skipped), or
    /// the first row; a sheet with no rows is left out.
    /// </summary>
    /// <exception cref="InputException">The file is missing or is not a workbook.</exception>
    public static IReadOnlyList<(string Sheet, Table Table)> ReadSheets(string path, Func<IReadOnlyList<string>, bool>? isHeader = null)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        InputLimits.CheckFileSize(path);
        try
        {
            return [.. XlsxSheetReader.Read(path, (name, rows) => rows.Count > 0 ? (name, ToTable($"{path} [{name}]", rows, isHeader)) : default)
                .Where(s => s.Item2 is not null)];
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            throw new InputException(new InputError(path, null, null, $"the file cannot be read as a workbook: {e.Message}"));
        }
    }

    private static Table ToTable(string name, SortedDictionary<int, Dictionary<int, string>> grid, Func<IReadOnlyList<string>, bool>? isHeader)
    {
        static List<string> Cells(Dictionary<int, string> row) =>
            row.Count == 0 ? [] : [.. Enumerable.Range(0, row.Keys.Max() + 1).Select(i => row.GetValueOrDefault(i, ""))];

        var (headerRow, headerCells) = grid.Take(10).FirstOrDefault(r => isHeader?.Invoke(Cells(r.Value)) == true, grid.First());
        var headers = Cells(headerCells);
        var columns = new Columns(headers);
        var rows = grid.Where(r => r.Key > headerRow)
            .Select(r => new TableRow(r.Key, columns, Values(headers, r.Value)))
            .Where(r => !r.IsBlank)
            .ToList();
        return new Table(name, headers, rows);
    }

    private static Table ReadXlsx(string path)
    {
        var sheets = XlsxSheetReader.Read(path, firstOnly: true);
        var grid = sheets.Count == 0 ? throw new InvalidDataException("the workbook has no worksheet.") : sheets[0].Rows;
        return grid.Count == 0
            ? throw new InputException(new InputError(path, null, null, "the first worksheet is empty; expected a header row."))
            : ToTable(path, grid, null);
    }

    /// <summary>
    /// The delimiter of the first non-blank line (the header row), counted outside quotes: the one of comma, semicolon
    /// and tab that occurs there most often, or a comma for a single column.
    /// </summary>
    /// <exception cref="InputException">Two of them occur there equally often, so the columns cannot be told apart.</exception>
    private static string Delimiter(string text, string file)
    {
        using var lines = new StringReader(text);
        var header = "";
        while (lines.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                header = line;
                break;
            }
        }

        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.TryGetValue(c, out var n))
            {
                counts[c] = n + 1;
            }
        }

        // The most frequent wins (a column name may hold a comma); a tie leaves the columns unknowable.
        var found = counts.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ToList();
        static string Name(char c) => c switch { ',' => "commas", ';' => "semicolons", _ => "tabs" };
        return found switch
        {
            [] => ",",
            [var only] => only.Key.ToString(),
            [var first, var second, ..] when first.Value > second.Value => first.Key.ToString(),
            _ => throw new InputException(new InputError(file, 1, null,
                $"the header row has {string.Join(" and ", found.Select(kv => $"{kv.Value} {Name(kv.Key)}"))}, so its columns cannot be told apart; save the file as CSV with one delimiter (commas, semicolons or tabs). The file is refused.")),
        };
    }

    /// <summary>Cell text as meant: non-breaking spaces (pasted from web pages) read as spaces, ends trimmed.</summary>
    internal static string Clean(string text) => text.Replace('\u00A0', ' ').Trim();

    /// <summary>
    /// A sheet row's values in header order: a cell beyond the headers, or under a blank one, is no column's (so it
    /// leaves the row blank), a missing one is empty.
    /// </summary>
    private static string[] Values(List<string> headers, Dictionary<int, string> cells)
    {
        var values = new string[headers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = headers[i].Length > 0 ? cells.GetValueOrDefault(i, "") : "";
        }

        return values;
    }
}
