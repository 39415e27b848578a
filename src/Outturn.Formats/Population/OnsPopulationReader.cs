using System.Globalization;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Population;

/// <summary>
/// Reads children aged 0-17 for one authority from an ONS mid-year estimates file in the DfE layout
/// (<c>time_period, …, old_la_code, new_la_code, la_name, age_group, population_estimate</c>).
/// </summary>
public static class OnsPopulationReader
{
    private const string ChildrenAgeGroup = "Children aged 0 to 17 years";

    /// <summary>
    /// The population by mid-year for the authority named by <paramref name="authority"/> (name, DfE code or ONS
    /// code); when null, the file's only authority, or, in a file of several, <paramref name="configured"/> (our
    /// authority as the user has set it up, which a file of one other authority does not contradict).
    /// </summary>
    /// <exception cref="InputException">Columns are missing, numbers are bad, or the authority is not in the file.</exception>
    public static IReadOnlyDictionary<int, decimal> Read(string path, string? authority = null, string? configured = null)
    {
        var table = TableReader.Read(path);
        var missing = table.MissingColumns("time_period", "geographic_level", "old_la_code", "new_la_code", "la_name", "age_group", "population_estimate").ToList();
        if (missing.Count > 0)
        {
            throw new InputException(missing);
        }

        var rows = table.Rows.Where(r => r["geographic_level"] == "Local authority" && r["age_group"] == ChildrenAgeGroup).ToList();
        var names = rows.Select(r => r["la_name"]).Distinct().ToList();
        authority ??= names.Count > 1 ? configured : null;
        var chosen = authority is null
            ? names.Count == 1 ? names[0] : null
            : rows.FirstOrDefault(r => new[] { r["la_name"], r["old_la_code"], r["new_la_code"] }.Contains(authority.Trim(), StringComparer.OrdinalIgnoreCase))?["la_name"];
        if (chosen is null)
        {
            throw new InputException(new InputError(path, null, "la_name", authority is null
                ? $"the file holds {names.Count} authorities: say which with --la."
                : $"'{authority}' is not in the file."));
        }

        var errors = new List<InputError>();
        var result = new SortedDictionary<int, decimal>();
        foreach (var row in rows.Where(r => r["la_name"] == chosen))
        {
            if (!int.TryParse(row["time_period"], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                errors.Add(new InputError(path, row.Number, "time_period", $"'{row["time_period"]}' is not a year."));
            }
            else if (!decimal.TryParse(row["population_estimate"], NumberStyles.Number, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                errors.Add(new InputError(path, row.Number, "population_estimate", $"'{row["population_estimate"]}' is not a population: refused, as its year's rates would otherwise take another year's estimate."));
            }
            else
            {
                result[year] = count;
            }
        }

        errors.AddRange(MissingYears(path, rows, chosen));
        return errors.Count > 0 ? throw new InputException(errors) : result;
    }

    /// <summary>
    /// The years the file gives other authorities but not this one, between its first year and the file's last: a rate
    /// would quietly take the estimate of the year before (<c>ChildLevelData.PopulationFor</c>), so each is refused,
    /// naming the row that looks like this authority's (its code, under another name) where there is one. Years after
    /// this authority's last with no such row are an authority that ceased, and are not asked for.
    /// </summary>
    private static IEnumerable<InputError> MissingYears(string path, List<TableRow> rows, string chosen)
    {
        static int? Year(TableRow r) => int.TryParse(r["time_period"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

        var ours = rows.Where(r => r["la_name"] == chosen).ToList();
        var have = ours.Select(Year).OfType<int>().ToHashSet(); // a year whose estimate is not a number is refused already
        if (have.Count == 0)
        {
            yield break;
        }

        var codes = ours.SelectMany(r => new[] { r["old_la_code"], r["new_la_code"] }).Where(c => c.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fileYears = rows.Select(Year).OfType<int>().Distinct().Order();
        foreach (var year in fileYears.Where(y => y > have.Min() && !have.Contains(y)))
        {
            var like = rows.FirstOrDefault(r => r["time_period"] == year.ToString(CultureInfo.InvariantCulture) && (codes.Contains(r["old_la_code"]) || codes.Contains(r["new_la_code"])));
            if (like is not null)
            {
                yield return new InputError(path, like.Number, "la_name",
                    $"mid-{year} gives '{like["la_name"]}' for {chosen}'s code: is the name misspelt? Refused, as {chosen}'s rates for the year would otherwise take another year's estimate.");
            }
            else if (year < have.Max())
            {
                yield return new InputError(path, null, "time_period",
                    $"the file has mid-{year} estimates for other authorities but none for {chosen}: refused, as its rates for the year would otherwise take another year's estimate.");
            }
        }
    }
}
