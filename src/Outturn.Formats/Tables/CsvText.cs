using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Outturn.Formats.Tables;

/// <summary>
/// How Outturn writes CSV: invariant culture, LF line ends, fields quoted only where they must be, and no field a
/// spreadsheet would run as a formula.
/// </summary>
public static class CsvText
{
    internal static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>The text of <paramref name="rows"/>, one record each (the first is usually the header).</summary>
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Write(csv =>
        {
            foreach (var row in rows)
            {
                Row(csv, [.. row]);
            }
        });
    }

    /// <summary>The text <paramref name="body"/> writes.</summary>
    internal static string Write(Action<CsvWriter> body)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, Configuration, leaveOpen: true))
        {
            body(csv);
        }

        return writer.ToString();
    }

    /// <summary>Writes one record, each field through <see cref="Safe"/>.</summary>
    internal static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var f in fields)
        {
            csv.WriteField(Safe(f));
        }

        csv.NextRecord();
    }

    /// <summary>
    /// A field a spreadsheet will show as text: one beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return is prefixed with <c>'</c>, as OWASP's advice on CSV injection says, unless it is a number
    /// (so <c>-3.5</c> stays a negative number) or a lone <c>-</c>, the dash of a figure not given, which no
    /// spreadsheet runs.
    /// </summary>
    public static string Safe(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && field != "-"
            && !decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            ? "'" + field
            : field;
    }
}
