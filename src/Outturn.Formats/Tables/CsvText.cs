using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Outturn.Formats.Tables;

/// <summary>How Outturn writes CSV: invariant culture, LF line ends, fields quoted only where they must be.</summary>
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

    /// <summary>Writes one record.</summary>
    internal static void Row(CsvWriter csv, params string[] fields)
    {
        foreach (var f in fields)
        {
            csv.WriteField(f);
        }

        csv.NextRecord();
    }
}
