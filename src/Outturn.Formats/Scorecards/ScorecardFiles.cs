using System.Globalization;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// Reads the analyst's catalogue, targets, measures and benchmarks (CSV or XLSX, same columns) into a
/// <see cref="ScorecardInput"/>, checking every row and reporting every problem at once.
/// </summary>
public static class ScorecardFiles
{
    /// <summary>The catalogue columns, in the documented order.</summary>
    public static readonly string[] CatalogueColumns = ["id", "name", "area", "kind", "unit", "polarity", "aggregation", "decimals", "definition", "rolling_months", "benchmark_measure"];

    /// <summary>The targets columns.</summary>
    public static readonly string[] TargetColumns = ["indicator", "year", "green", "amber"];

    /// <summary>The measures columns.</summary>
    public static readonly string[] MeasureColumns = ["indicator", "period", "value", "numerator", "denominator"];

    /// <summary>The benchmarks columns.</summary>
    public static readonly string[] BenchmarkColumns = ["indicator", "year", "stat_neighbour_average", "best_stat_neighbour", "national", "regional", "top_quartile"];

    /// <summary>Reads and checks the files.</summary>
    /// <exception cref="InputException">Any file holds any error; the exception lists them all.</exception>
    public static ScorecardInput Read(string cataloguePath, string targetsPath, string measuresPath, string? benchmarksPath = null)
    {
        var errors = new List<InputError>();
        var tables = new List<(Table? Table, string[] Columns)>();
        foreach (var (path, columns) in new[] { (cataloguePath, CatalogueColumns), (targetsPath, TargetColumns), (measuresPath, MeasureColumns), (benchmarksPath, BenchmarkColumns) })
        {
            if (path is null)
            {
                tables.Add((null, columns));
                continue;
            }

            try
            {
                var table = TableReader.Read(path);
                var missing = table.MissingColumns(columns.Where(c => c is not ("definition" or "decimals" or "amber" or "rolling_months" or "benchmark_measure")).ToArray()).ToList();
                errors.AddRange(missing);
                errors.AddRange(UnknownColumns(table, columns));
                tables.Add((missing.Count == 0 ? table : null, columns));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
                tables.Add((null, columns));
            }
        }

        var cells = new CellParser(errors);
        var catalogue = tables[0].Table is { } c ? ReadCatalogue(c, cells) : [];
        var byId = catalogue.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        var catalogueRead = tables[0].Table is not null;
        var targets = tables[1].Table is { } t && catalogueRead ? ReadTargets(t, byId, cells) : [];
        var measures = tables[2].Table is { } m && catalogueRead ? ReadMeasures(m, byId, cells) : [];
        var benchmarks = tables[3].Table is { } b && catalogueRead ? ReadBenchmarks(b, byId, cells) : [];

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new ScorecardInput(catalogue, targets, measures, benchmarks);
    }

    /// <summary>Reads and checks a targets file against a catalogue already held (for example the national indicators').</summary>
    /// <exception cref="InputException">The file holds any error; the exception lists them all.</exception>
    public static IReadOnlyList<Target> ReadTargets(string targetsPath, IReadOnlyList<Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<InputError>();
        var table = TableReader.Read(targetsPath);
        errors.AddRange(table.MissingColumns(["indicator", "year", "green"]));
        errors.AddRange(UnknownColumns(table, TargetColumns));
        var targets = errors.Count == 0
            ? ReadTargets(table, catalogue.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase), new CellParser(errors))
            : [];
        return errors.Count > 0 ? throw new InputException(errors) : targets;
    }

    /// <summary>
    /// Reads and checks a catalogue file on its own (as the store loads a local catalogue), adding every problem to
    /// <paramref name="errors"/> and giving the indicators whose rows hold none. <paramref name="check"/> may refuse a
    /// row's indicator (a national id, a changed polarity), naming the field at fault.
    /// </summary>
    public static IReadOnlyList<Indicator> ReadCatalogue(string cataloguePath, List<InputError> errors, Func<Indicator, Problem?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Checked(cataloguePath, CatalogueColumns, errors) is { } table ? ReadCatalogue(table, new CellParser(errors), check) : [];
    }

    /// <summary>
    /// Reads and checks a measures file on its own against a catalogue held (as the store loads ready-made figures),
    /// adding every problem to <paramref name="errors"/> and giving the figures whose rows hold none.
    /// <paramref name="refuse"/> says why an indicator id may not have figures here (a national one), or null.
    /// </summary>
    public static IReadOnlyList<Measure> ReadMeasures(string measuresPath, IReadOnlyList<Indicator> catalogue, List<InputError> errors, Func<string, string?>? refuse = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(errors);
        return Checked(measuresPath, MeasureColumns, errors) is { } table
            ? ReadMeasures(table, catalogue.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase), new CellParser(errors), refuse)
            : [];
    }

    /// <summary>The table, or null (with its problems added) when it cannot be read or its columns are wrong.</summary>
    private static Table? Checked(string path, string[] columns, List<InputError> errors)
    {
        try
        {
            var table = TableReader.Read(path);
            var missing = table.MissingColumns(columns.Where(c => c is not ("definition" or "decimals" or "amber" or "rolling_months" or "benchmark_measure")).ToArray()).ToList();
            var unknown = UnknownColumns(table, columns).ToList();
            errors.AddRange(missing);
            errors.AddRange(unknown);
            return missing.Count == 0 && unknown.Count == 0 ? table : null;
        }
        catch (InputException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    /// <summary>
    /// A column the file's layout does not have: it would not be read, and a misspelt optional column ("ambr" for
    /// "amber") would change a figure without a word (two bands for three), so the file is refused, naming it.
    /// </summary>
    private static IEnumerable<InputError> UnknownColumns(Table table, string[] columns) =>
        table.Headers.Where(h => h.Length > 0 && !columns.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Select(h => new InputError(table.File, 1, h,
                $"'{h}' is not a column of this file ({string.Join(", ", columns)}), so it would not be read: a misspelt column would change figures without a word, so the file is refused; rename or remove it."));

    private static List<Indicator> ReadCatalogue(Table table, CellParser cells, Func<Indicator, Problem?>? check = null)
    {
        var result = new List<Indicator>();
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var f = table.File;
            var n = row.Number;
            var id = cells.Required(f, n, "id", row["id"]);
            var name = cells.Required(f, n, "name", row["name"]);
            var kind = cells.Choice<IndicatorKind>(f, n, "kind", row["kind"]);
            var unit = cells.Choice<Unit>(f, n, "unit", row["unit"]);
            var polarity = cells.Choice<Polarity>(f, n, "polarity", row["polarity"]);
            var aggregation = cells.Choice<Aggregation>(f, n, "aggregation", row["aggregation"]);
            int? decimals = null;
            if (row["decimals"].Length > 0)
            {
                if (int.TryParse(row["decimals"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= Indicator.MaxDecimals)
                {
                    decimals = d;
                }
                else
                {
                    cells.Error(f, n, "decimals", $"'{row["decimals"]}' is not a whole number from 0 to {Indicator.MaxDecimals}.");
                }
            }

            var rolling = 1;
            if (row["rolling_months"].Length > 0 && !(int.TryParse(row["rolling_months"], NumberStyles.None, CultureInfo.InvariantCulture, out rolling) && rolling is >= 1 and <= 12))
            {
                cells.Error(f, n, "rolling_months", $"'{row["rolling_months"]}' is not a whole number of months from 1 to 12 (12 for a rolling 12-month figure).");
                rolling = 1;
            }

            if (id is not null && cells.Repeated(firstRow, id, f, n, "id", $"the indicator '{id}' is already defined"))
            {
                continue;
            }

            if (kind is { } k && polarity is { } p && Indicator.Check(k, p) is { } problem)
            {
                cells.Error(f, n, problem.Field, problem.Message);
                continue;
            }

            if (id is null || name is null || kind is null || unit is null || polarity is null || aggregation is null)
            {
                continue;
            }

            var indicator = new Indicator(id, name, row["area"], kind.Value, unit.Value, polarity.Value, aggregation.Value,
                decimals ?? DefaultDecimals(unit.Value), row["definition"])
            { RollingMonths = rolling, BenchmarkMeasure = row["benchmark_measure"] };
            if (check?.Invoke(indicator) is { } refused)
            {
                cells.Error(f, n, refused.Field, refused.Message);
                continue;
            }

            result.Add(indicator);
        }

        return result;
    }

    /// <summary>Decimal places when the catalogue leaves them empty: one for percentages, rates and weeks, none for counts and days.</summary>
    public static int DefaultDecimals(Unit unit) => unit is Unit.Count or Unit.Days ? 0 : 1;

    private static List<Target> ReadTargets(Table table, Dictionary<string, Indicator> byId, CellParser cells)
    {
        var result = new List<Target>();
        var firstRow = new Dictionary<(string, FinancialYear), int>();
        foreach (var row in table.Rows)
        {
            var f = table.File;
            var n = row.Number;
            var indicator = FindIndicator(table, row, "indicator", byId, cells);
            var year = Year(table, row, cells);
            var green = cells.Number(f, n, "green", row["green"]);
            var amber = cells.Number(f, n, "amber", row["amber"]);
            if (row["green"].Length == 0)
            {
                cells.Error(f, n, "green", "the target (green threshold) is required.");
            }

            if (indicator is null || year is null || green is null)
            {
                continue;
            }

            if (cells.Repeated(firstRow, (indicator.Id, year.Value), f, n, "indicator", $"there is already a target for '{indicator.Id}' in {year}"))
            {
                continue;
            }

            if (Thresholds.Check(indicator.Polarity, green.Value, amber, indicator.Id) is { } problem)
            {
                // The polarity is the catalogue's: the target row is at fault for naming the indicator.
                cells.Error(f, n, problem.Field == "polarity" ? "indicator" : problem.Field, problem.Message);
                continue;
            }

            result.Add(new Target(indicator.Id, year.Value, new Thresholds(indicator.Polarity, green.Value, amber)));
        }

        return result;
    }

    private static List<Measure> ReadMeasures(Table table, Dictionary<string, Indicator> byId, CellParser cells, Func<string, string?>? refuse = null)
    {
        var result = new List<Measure>();
        var firstRow = new Dictionary<(string, Period), int>();
        foreach (var row in table.Rows)
        {
            var f = table.File;
            var n = row.Number;
            if (refuse?.Invoke(row["indicator"]) is { } why)
            {
                cells.Error(f, n, "indicator", why);
                continue;
            }

            var indicator = FindIndicator(table, row, "indicator", byId, cells);
            Month? month = null;
            FinancialYear? year = null;
            var period = row["period"];
            if (Month.TryParse(period, out var mo))
            {
                month = mo;
            }
            else if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Day == 1
                && date.Year >= FinancialYear.MinStartYear && date.Year <= FinancialYear.MaxStartYear + 1)
            {
                month = Month.Containing(date);
            }
            else if (FinancialYear.TryParse(period, out var fy))
            {
                year = fy;
            }
            else
            {
                cells.Error(f, n, "period", period.Length == 0
                    ? "a period is required: a month like 2025-01 or a financial year like 2023-24."
                    : $"'{period}' is not a month like 2025-01 or a financial year like 2023-24.");
            }

            var value = cells.Number(f, n, "value", row["value"]);
            var numerator = cells.Number(f, n, "numerator", row["numerator"]);
            var denominator = cells.Number(f, n, "denominator", row["denominator"]);
            var textOk = (row["value"].Length == 0 || value is not null) && (row["numerator"].Length == 0 || numerator is not null) && (row["denominator"].Length == 0 || denominator is not null);
            if (indicator is null || (month is null && year is null) || !textOk)
            {
                continue;
            }

            var key = (indicator.Id.ToUpperInvariant(), month is { } km ? (Period)km : year!.Value);
            if (cells.Repeated(firstRow, key, f, n, "period", $"there is already a figure for '{indicator.Id}' in {key.Item2}"))
            {
                continue;
            }

            if (Measure.Check(indicator, month is not null, value, numerator, denominator) is { } problem)
            {
                cells.Error(f, n, problem.Field, problem.Message);
                continue;
            }

            var observation = new Observation(value, numerator, denominator);
            result.Add(month is { } m ? Measure.ForMonth(indicator.Id, m, observation) : Measure.ForYear(indicator.Id, year!.Value, observation));
        }

        return result;
    }

    private static List<Benchmark> ReadBenchmarks(Table table, Dictionary<string, Indicator> byId, CellParser cells)
    {
        var result = new List<Benchmark>();
        var firstRow = new Dictionary<(string, FinancialYear), int>();
        foreach (var row in table.Rows)
        {
            var f = table.File;
            var n = row.Number;
            var indicator = FindIndicator(table, row, "indicator", byId, cells);
            var year = Year(table, row, cells);
            var values = BenchmarkColumns.Skip(2).Select(c => cells.Number(f, n, c, row[c], allowMarkers: true)).ToArray();
            if (indicator is null || year is null)
            {
                continue;
            }

            if (cells.Repeated(firstRow, (indicator.Id, year.Value), f, n, "indicator", $"there are already benchmarks for '{indicator.Id}' in {year}"))
            {
                continue;
            }

            result.Add(new Benchmark(indicator.Id, year.Value, values[0], values[1], values[2], values[3], values[4]));
        }

        return result;
    }

    private static Indicator? FindIndicator(Table table, TableRow row, string column, Dictionary<string, Indicator> byId, CellParser cells)
    {
        var id = row[column];
        if (byId.TryGetValue(id, out var indicator))
        {
            return indicator;
        }

        cells.Error(table.File, row.Number, column, id.Length == 0
            ? "an indicator id is required."
            : $"'{id}' is not in the catalogue{Suggest(id, byId.Keys)}.");
        return null;
    }

    private static FinancialYear? Year(Table table, TableRow row, CellParser cells)
    {
        if (FinancialYear.TryParse(row["year"], out var year))
        {
            return year;
        }

        cells.Error(table.File, row.Number, "year", $"'{row["year"]}' is not a financial year like 2024-25.");
        return null;
    }

    /// <summary>A hint naming the closest catalogue ids, for a mistyped id.</summary>
    private static string Suggest(string id, IEnumerable<string> known)
    {
        var close = known.Select(k => (k, d: Distance(id.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(x => x.d <= Math.Max(2, id.Length / 3)).OrderBy(x => x.d).Take(3).Select(x => x.k).ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?)";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
