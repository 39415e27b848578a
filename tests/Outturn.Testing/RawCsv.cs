using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Outturn.Testing;

/// <summary>
/// A deliberately plain reading of a published CSV file, independent of the readers under test: every row as a
/// dictionary of column to text, so tests can look values up the way an analyst would in a spreadsheet.
/// </summary>
public static class RawCsv
{
    private static readonly Dictionary<string, List<Dictionary<string, string>>> Cache = [];

    public static List<Dictionary<string, string>> Rows(string path)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(path, out var cached))
            {
                return cached;
            }

            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
            csv.Read();
            csv.ReadHeader();
            var header = csv.HeaderRecord!;
            var rows = new List<Dictionary<string, string>>();
            while (csv.Read())
            {
                rows.Add(header.Select((h, i) => (h, v: csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.v));
            }

            return Cache[path] = rows;
        }
    }

    /// <summary>The cell of the single row matching every condition.</summary>
    public static string Cell(string path, string column, params (string Column, string Value)[] where) =>
        Rows(path).Single(r => where.All(w => r[w.Column] == w.Value))[column];
}
