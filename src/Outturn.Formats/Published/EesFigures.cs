using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Published;

/// <summary>
/// Reads one measure out of an explore-education-statistics (EES) CSV file: the rows its filters pick, by year, for
/// England, the regions and the local authorities.
/// </summary>
/// <remarks>
/// The EES base columns are <c>time_period, geographic_level, region_code, region_name, old_la_code, new_la_code,
/// la_name</c>, in any order. Rows at other geographic levels are ignored. Values are numbers in the invariant culture
/// or suppression markers (c, z, x, k, u, low), which stay markers. Every problem is reported with file, row and
/// column, all at once.
/// </remarks>
public static class EesFigures
{
    /// <summary>The base columns every EES file must have.</summary>
    public static readonly string[] BaseColumns = ["time_period", "geographic_level", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"];

    /// <summary>The <c>geographic_level</c> of England's row.</summary>
    public const string National = "National";

    /// <summary>The <c>geographic_level</c> of a region's row (including Inner and Outer London).</summary>
    public const string Regional = "Regional";

    /// <summary>The <c>geographic_level</c> of a local authority's row.</summary>
    public const string LocalAuthorityLevel = "Local authority";

    /// <summary>Reads a measure from a table already read from its file.</summary>
    /// <exception cref="InputException">The table holds errors for this measure; all are listed.</exception>
    public static IReadOnlyDictionary<FinancialYear, YearFigures> Read(Table table, PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(measure);
        var file = Path.GetFileName(table.File);
        var errors = table.MissingColumns([.. BaseColumns, measure.ValueColumn, .. measure.Filters.Select(f => f.Key)])
            .Select(e => e with { File = file }).ToList();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        foreach (var (column, wanted) in measure.Filters)
        {
            if (!table.Rows.Any(r => r[column] == wanted))
            {
                var found = table.Rows.Select(r => r[column]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(20);
                errors.Add(new InputError(file, null, column,
                    $"no row has {column} = '{wanted}' (mapped for {measure.Id}); the values are: {string.Join(" | ", found)}."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var years = new SortedDictionary<FinancialYear, Builder>();
        foreach (var row in table.Rows.Where(r => measure.Filters.All(f => r[f.Key] == f.Value)))
        {
            var level = row["geographic_level"];
            if (level is not (National or Regional or LocalAuthorityLevel))
            {
                continue;
            }

            var n = row.Number;
            if (!measure.TryYear(row["time_period"], out var year))
            {
                errors.Add(new InputError(file, n, "time_period", $"'{row["time_period"]}' is not a year like 2025 or 202425."));
                continue;
            }

            if (!PublishedValue.TryParse(row[measure.ValueColumn], out var value) || value.Marker == SuppressionMarker.NotPublished)
            {
                errors.Add(new InputError(file, n, measure.ValueColumn,
                    $"'{row[measure.ValueColumn]}' is neither a number nor a suppression marker ({string.Join(", ", SuppressionMarkers.Ees.Select(m => m.Symbol()))})."));
                continue;
            }

            if (!years.TryGetValue(year, out var builder))
            {
                years[year] = builder = new Builder();
            }

            builder.Add(file, n, row, level, value, errors);
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return years.ToDictionary(y => y.Key, y => y.Value.Build(y.Key));
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, (int Row, RegionFigure Figure)> _regions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Row, AuthorityFigure Figure)> _authorities = new(StringComparer.Ordinal);
        private (int Row, PublishedValue Value)? _national;

        public void Add(string file, int n, TableRow row, string level, PublishedValue value, List<InputError> errors)
        {
            switch (level)
            {
                case National when _national is { } first:
                    errors.Add(new InputError(file, n, "geographic_level", Twice(first.Row)));
                    break;
                case National:
                    _national = (n, value);
                    break;
                case Regional:
                    var code = row["region_code"];
                    if (code.Length == 0)
                    {
                        errors.Add(new InputError(file, n, "region_code", "a regional row needs its region code."));
                    }
                    else if (!_regions.TryAdd(code, (n, new RegionFigure(code, row["region_name"], value))))
                    {
                        errors.Add(new InputError(file, n, "region_code", Twice(_regions[code].Row)));
                    }

                    break;
                default:
                    AddAuthorities(file, n, row, value, errors);
                    break;
            }
        }

        private void AddAuthorities(string file, int n, TableRow row, PublishedValue value, List<InputError> errors)
        {
            // A joint return lists its authorities as "940 / 941", "E06000061 / E06000062", "North ... / West ...".
            string[] Split(string column) => row[column].Split('/', StringSplitOptions.TrimEntries);
            var codes = Split("old_la_code");
            var names = Split("la_name");
            var onsCodes = Split("new_la_code");
            var joint = codes.Length > 1 ? row["la_name"] : null;
            if (names.Length != codes.Length || (onsCodes.Length != codes.Length && row["new_la_code"].Length > 0))
            {
                errors.Add(new InputError(file, n, "la_name", $"'{row["la_name"]}' does not name one authority for each code in '{row["old_la_code"]}'."));
                return;
            }

            for (var i = 0; i < codes.Length; i++)
            {
                var la = codes[i];
                if (!LocalAuthority.IsCode(la))
                {
                    errors.Add(new InputError(file, n, "old_la_code", $"'{row["old_la_code"]}' is not a three-digit local authority code."));
                }
                else if (names[i].Length == 0)
                {
                    errors.Add(new InputError(file, n, "la_name", "a local authority row needs its name."));
                }
                else if (!_authorities.TryAdd(la, (n, new AuthorityFigure(
                    new LocalAuthority(la, names[i], i < onsCodes.Length ? onsCodes[i] : null, row["region_code"], row["region_name"]), value, joint))))
                {
                    errors.Add(new InputError(file, n, "old_la_code", Twice(_authorities[la].Row)));
                }
            }
        }

        private static string Twice(int firstRow) =>
            $"a second row for the same year and area (the first is row {firstRow}); the mapping's filters must pick one row.";

        public YearFigures Build(FinancialYear year) =>
            new(year, _national?.Value, _regions.Values.Select(r => r.Figure), _authorities.Values.Select(a => a.Figure));
    }
}
