using System.Globalization;
using Outturn.Domain.Indicators;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Published;

/// <summary>
/// Reads the mapping of published measures to catalogue indicators (<c>published-measures.csv</c>; see README.md
/// beside it), checking every row.
/// </summary>
public static class PublishedMeasures
{
    /// <summary>The name of the mapping file shipped with Outturn.</summary>
    public const string ShippedFileName = "published-measures.csv";

    /// <summary>The mapping file's columns.</summary>
    public static readonly string[] Columns = ["id", "name", "role", "file", "value_column", "filters", "polarity", "unit", "decimals", "as_at", "per_10000_of", "lait"];

    /// <summary>The mapping shipped inside Outturn (embedded in this assembly).</summary>
    public static IReadOnlyList<PublishedMeasure> Shipped()
    {
        using var resource = typeof(PublishedMeasures).Assembly.GetManifestResourceStream(ShippedFileName)
            ?? throw new InvalidOperationException($"{ShippedFileName} is not embedded in {typeof(PublishedMeasures).Assembly.GetName().Name}.");
        using var reader = new StreamReader(resource);
        return FromTable(TableReader.ReadCsv(reader, ShippedFileName));
    }

    /// <summary>Reads and checks a mapping file (CSV or XLSX).</summary>
    /// <exception cref="InputException">The file holds errors; all are listed.</exception>
    public static IReadOnlyList<PublishedMeasure> Read(string path) => FromTable(TableReader.Read(path));

    private static List<PublishedMeasure> FromTable(Table table)
    {
        var file = table.File;
        var errors = table.MissingColumns(Columns.Where(c => c is not ("filters" or "per_10000_of" or "lait")).ToArray()).ToList();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var cells = new CellParser(errors);
        var result = new List<PublishedMeasure>();
        var rowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var n = row.Number;
            var id = cells.Required(file, n, "id", row["id"]);
            if (id is not null)
            {
                cells.Repeated(rowOf, id, file, n, "id", $"'{id}' is already mapped");
            }

            var name = cells.Required(file, n, "name", row["name"]);
            var role = cells.Choice<MeasureRole>(file, n, "role", row["role"]);
            var source = cells.Required(file, n, "file", row["file"]);
            var column = cells.Required(file, n, "value_column", row["value_column"]);
            var filters = Filters(cells, file, n, row["filters"]);
            var polarity = cells.Choice<Polarity>(file, n, "polarity", row["polarity"]);
            var unit = cells.Choice<Unit>(file, n, "unit", row["unit"]);
            var decimals = Decimals(cells, file, n, row["decimals"]);
            var asAt = AsAt(cells, file, n, row["as_at"]);
            var per = row["per_10000_of"].Length == 0 ? null : row["per_10000_of"];
            if (per is not null && unit is not Unit.Rate)
            {
                cells.Error(file, n, "per_10000_of", "only a rate can be computed per 10,000: set unit to rate.");
            }

            if (id is null || name is null || role is null || source is null || column is null || filters is null
                || polarity is null || unit is null || decimals is null || asAt is null)
            {
                continue;
            }

            result.Add(new PublishedMeasure(id, name, role.Value, source, column, filters, polarity.Value, unit.Value,
                decimals.Value, asAt.Value.Month, asAt.Value.Day, per)
            { LaitTwin = row["lait"].Length == 0 ? null : row["lait"] });
        }

        foreach (var m in result.Where(m => m.PerTenThousandOf is not null))
        {
            if (!result.Any(d => d.Role == MeasureRole.Denominator && d.Id.Equals(m.PerTenThousandOf, StringComparison.OrdinalIgnoreCase)))
            {
                cells.Error(file, rowOf[m.Id], "per_10000_of", $"'{m.PerTenThousandOf}' is not the id of a denominator row.");
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return result;
    }

    private static List<KeyValuePair<string, string>>? Filters(CellParser cells, string file, int row, string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                cells.Error(file, row, "filters", $"'{part}' is not column=value.");
                return null;
            }

            result.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }

        return result;
    }

    private static int? Decimals(CellParser cells, string file, int row, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= Indicator.MaxDecimals)
        {
            return d;
        }

        cells.Error(file, row, "decimals", $"'{text}' is not a whole number from 0 to {Indicator.MaxDecimals}.");
        return null;
    }

    private static (int Month, int Day)? AsAt(CellParser cells, string file, int row, string text)
    {
        if (DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.Month, date.Day);
        }

        cells.Error(file, row, "as_at", $"'{text}' is not a month and day like 03-31.");
        return null;
    }
}
