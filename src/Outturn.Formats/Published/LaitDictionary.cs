using System.Globalization;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Published;

/// <summary>How a LAIT measure's year labels are read, as its dictionary row's <c>Year_Type</c> says.</summary>
public enum LaitYearType
{
    /// <summary><c>Financial Year</c>: <c>2024-25</c>, or <c>2025</c> for the year ending 31 March 2025.</summary>
    Financial,

    /// <summary><c>Academic Year</c>: <c>2024/25</c>, or <c>2025</c> for the academic year ending in summer 2025.</summary>
    Academic,

    /// <summary><c>Calendar Year</c>: <c>2024</c>, January to December.</summary>
    Calendar,

    /// <summary><c>Annual</c>: a figure at 31 March (<c>2025</c> is 31 March 2025).</summary>
    AtMarch,

    /// <summary><c>Annual - January</c>: a January census (<c>2025</c> is January 2025).</summary>
    AtJanuary,

    /// <summary><c>Annual (end of Sept)</c>: a census at 30 September (<c>2025</c> is 30 September 2025).</summary>
    AtSeptember,
}

/// <summary>One measure of LAIT's data dictionary (a row of <c>lait_data_dictionary.csv</c>, merged over the topics that list it).</summary>
/// <param name="ShortName">The short name (<c>Measure_short</c>), which the data table's <c>Short Desc</c> uses: the measure's key.</param>
/// <param name="Code">LAIT's measure code (not unique: related measures share one).</param>
/// <param name="Name">The measure's name.</param>
/// <param name="Topics">Every topic listing it, in dictionary order.</param>
/// <param name="Polarity">High or low is good; none where LAIT gives <c>-</c> or <c>NA</c>.</param>
/// <param name="Unit">The unit, from the y-axis name (<c>% ...</c> percent, <c>Rate per 10,000</c> rate, <c>Number ...</c> count).</param>
/// <param name="UnitText">The y-axis name as LAIT writes it.</param>
/// <param name="Decimals">Decimal places shown (<c>dps</c>; <c>NA</c> means 1).</param>
/// <param name="YearType">How its year labels are read.</param>
/// <param name="NoQuartile">Whether LAIT shows no quartile bands for it (<c>No_Quartile</c> = <c>N</c>).</param>
/// <param name="LastUpdate">When LAIT last updated it: a date, or LAIT's words (<c>New Data</c>).</param>
/// <param name="NextUpdate">When LAIT next updates it: a date, or LAIT's words (<c>TBC</c>).</param>
/// <param name="Description">LAIT's description.</param>
public sealed record LaitMeasure(
    string ShortName,
    string Code,
    string Name,
    IReadOnlyList<string> Topics,
    Polarity Polarity,
    Unit Unit,
    string UnitText,
    int Decimals,
    LaitYearType YearType,
    bool NoQuartile,
    string LastUpdate,
    string NextUpdate,
    string Description)
{
    /// <summary>The prefix of a LAIT measure's id among published measures: <c>lait:Section_47</c>.</summary>
    public const string IdPrefix = "lait:";

    /// <summary>The measure's id among published measures, e.g. <c>lait:Section_47</c>.</summary>
    public string Id => IdPrefix + ShortName;

    /// <summary>The measure as a published measure, benchmarked as the EES measures are.</summary>
    public PublishedMeasure ToPublished() =>
        new(Id, Name, MeasureRole.Benchmark, LaitTable.FilePattern, "Values", [new("Short Desc", ShortName)], Polarity, Unit, Decimals, 3, 31, null) { Lait = this };

    /// <summary>
    /// The financial year a year label describes, by <see cref="YearType"/>: a two-year label (<c>2024-25</c>,
    /// <c>2024/25</c>) is that year; a range (<c>2014-16</c>, <c>2020/21-22/23</c>) its last year; a single year Y is
    /// the year ending 31 March Y (financial, at 31 March), the academic year ending in Y, the January census of Y (all
    /// 2024-25 for Y = 2025), the September census of Y (2025-26) or the calendar year Y (2025-26, which holds its
    /// April to December). A status in brackets (<c>2025 (Rev)</c>, <c>2024-25 (OT)</c>) is ignored. False for any
    /// other text.
    /// </summary>
    public bool TryYear(string label, out FinancialYear year)
    {
        year = default;
        var s = label.Trim();
        var bracket = s.IndexOf(" (", StringComparison.Ordinal);
        if (bracket > 0 && s.EndsWith(')'))
        {
            s = s[..bracket];
        }

        // A range of years is read as its last: "2014-16" (calendar), "2020/21-22/23" (financial).
        if (s.Length == 13 && s[7] == '-' && s[4] == '/' && s[10] == '/')
        {
            return TwoYear(s[..2] + s[8..10] + "-" + s[11..], out year);
        }

        if (s.Length == 7 && (s[4] == '-' || s[4] == '/') && Number(s[..4]) is { } first && Number(s[5..]) is { } end)
        {
            var last = (first / 100 * 100) + end;
            if (last == first + 1)
            {
                return TwoYear(s, out year);
            }

            if (last <= first || last > first + 4)
            {
                return false;
            }

            return Single(last, out year);
        }

        return s.Length == 4 && Number(s) is { } y && Single(y, out year);
    }

    private bool Single(int y, out FinancialYear year)
    {
        var start = YearType switch
        {
            LaitYearType.AtSeptember or LaitYearType.Calendar => y,
            _ => y - 1,
        };
        year = default;
        if (start <= FinancialYear.MinStartYear || start >= FinancialYear.MaxStartYear)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    private static bool TwoYear(string s, out FinancialYear year) => FinancialYear.TryParse(s.Replace('/', '-'), out year);

    private static int? Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>
/// LAIT's data dictionary (<c>lait_data_dictionary.csv</c>): one row per measure and topic, with its polarity, unit,
/// decimal places, year type, quartile flag and update dates. A measure listed under two topics is one measure.
/// </summary>
public sealed class LaitDictionary
{
    /// <summary>The dictionary's file name as LAIT ships it.</summary>
    public const string FileName = "lait_data_dictionary.csv";

    /// <summary>The columns read.</summary>
    public static readonly string[] Columns = ["Measure_code", "Topic", "Measure", "Measure_short", "Polarity", "y_axis_name", "Description", "Last Update", "Next Update", "dps", "Year_Type", "No_Quartile"];

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private readonly Dictionary<string, LaitMeasure> _byShortName;

    private LaitDictionary(IReadOnlyList<LaitMeasure> measures)
    {
        Measures = measures;
        _byShortName = measures.ToDictionary(m => m.ShortName, StringComparer.Ordinal);
    }

    /// <summary>Every measure, in dictionary order.</summary>
    public IReadOnlyList<LaitMeasure> Measures { get; }

    /// <summary>The measure with a short name (as the data table's <c>Short Desc</c> gives it), or null.</summary>
    public LaitMeasure? Find(string shortName) => _byShortName.GetValueOrDefault(shortName);

    /// <summary>Reads and checks the dictionary.</summary>
    /// <exception cref="InputException">The file is missing or holds errors; all are listed by row and column.</exception>
    public static LaitDictionary Read(string path) => FromTable(TableReader.Read(path));

    /// <summary>Reads and checks a dictionary held in memory (a store's copy), named <paramref name="file"/> in errors.</summary>
    /// <exception cref="InputException">The content holds errors; all are listed by row and column.</exception>
    public static LaitDictionary Read(byte[] content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(new MemoryStream(content, writable: false), detectEncodingFromByteOrderMarks: true);
        return FromTable(TableReader.ReadCsv(reader, file));
    }

    /// <summary>Reads and checks a dictionary already read as a table.</summary>
    /// <exception cref="InputException">The table holds errors; all are listed by row and column.</exception>
    public static LaitDictionary FromTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var file = Path.GetFileName(table.File);
        var errors = table.MissingColumns(Columns).Select(e => e with { File = file }).ToList();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var measures = new List<LaitMeasure>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var n = row.Number;
            var shortName = row["Measure_short"];
            if (shortName.Length == 0)
            {
                errors.Add(new InputError(file, n, "Measure_short", "a measure needs its short name (the data table's Short Desc)."));
                continue;
            }

            if (index.TryGetValue(shortName, out var at))
            {
                // The same measure under another topic: one measure, listed under both.
                var first = measures[at];
                if (!first.Topics.Contains(row["Topic"]))
                {
                    measures[at] = first with { Topics = [.. first.Topics, row["Topic"]] };
                }

                continue;
            }

            Polarity? polarity = row["Polarity"] switch
            {
                "High" => Polarity.High,
                "Low" => Polarity.Low,
                "-" or "NA" or "" => Polarity.None,
                _ => null,
            };
            if (polarity is null)
            {
                errors.Add(new InputError(file, n, "Polarity", $"'{row["Polarity"]}' is not High, Low, - or NA."));
            }

            int? decimals = row["dps"] is "NA" or "" ? 1
                : int.TryParse(row["dps"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= Indicator.MaxDecimals ? d : null;
            if (decimals is null)
            {
                errors.Add(new InputError(file, n, "dps", $"'{row["dps"]}' is not a number of decimal places from 0 to {Indicator.MaxDecimals}, or NA (1)."));
            }

            LaitYearType? yearType = row["Year_Type"] switch
            {
                "Financial Year" => LaitYearType.Financial,
                "Academic Year" => LaitYearType.Academic,
                "Calendar Year" => LaitYearType.Calendar,
                "Annual" => LaitYearType.AtMarch,
                "Annual - January" => LaitYearType.AtJanuary,
                "Annual (end of Sept)" => LaitYearType.AtSeptember,
                _ => null,
            };
            if (yearType is null)
            {
                errors.Add(new InputError(file, n, "Year_Type", $"'{row["Year_Type"]}' is not a year type LAIT uses (Financial Year, Academic Year, Calendar Year, Annual, Annual - January, Annual (end of Sept))."));
            }

            var name = row["Measure"].Length > 0 ? row["Measure"] : shortName;
            if (polarity is null || decimals is null || yearType is null)
            {
                continue;
            }

            index[shortName] = measures.Count;
            measures.Add(new LaitMeasure(shortName, row["Measure_code"], name, [row["Topic"]], polarity.Value, UnitOf(row["y_axis_name"]), row["y_axis_name"],
                decimals.Value, yearType.Value, row["No_Quartile"] == "N", When(row["Last Update"]), When(row["Next Update"]), row["Description"]));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new LaitDictionary(measures);
    }

    /// <summary>The unit a y-axis name describes.</summary>
    public static Unit UnitOf(string axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var a = axis.Trim();
        if (a.StartsWith('%') || a.Contains("percent", StringComparison.OrdinalIgnoreCase))
        {
            return Unit.Percent;
        }

        if (a.Equals("Rate per 10,000", StringComparison.OrdinalIgnoreCase))
        {
            return Unit.Rate;
        }

        return a.StartsWith("Number", StringComparison.OrdinalIgnoreCase) || a.Equals("Entries", StringComparison.OrdinalIgnoreCase) ? Unit.Count : Unit.Number;
    }

    /// <summary>An update date: LAIT writes them as spreadsheet day numbers (45931 is 2025-10-01), or in words.</summary>
    private static string When(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 30000 and < 80000
            ? ExcelEpoch.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text.Trim();
}
