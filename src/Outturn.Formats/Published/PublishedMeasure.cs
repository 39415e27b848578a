using System.Globalization;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Formats.Published;

/// <summary>What a mapped measure is for: a benchmarked indicator, or a denominator for computed rates.</summary>
public enum MeasureRole
{
    /// <summary>A catalogue indicator, benchmarked.</summary>
    Benchmark,

    /// <summary>Read only as the denominator of a computed rate (the ONS population).</summary>
    Denominator,
}

/// <summary>One row of the mapping file: where a catalogue indicator is published and how to read it.</summary>
/// <param name="Id">The catalogue indicator id.</param>
/// <param name="Name">The indicator's name for readers.</param>
/// <param name="Role">Benchmark or denominator.</param>
/// <param name="File">The EES file name, <c>*</c> matching any text.</param>
/// <param name="ValueColumn">The column holding the value.</param>
/// <param name="Filters">Column values that pick one row per year and area.</param>
/// <param name="Polarity">Whether high or low is good.</param>
/// <param name="Unit">The unit of the value.</param>
/// <param name="Decimals">The precision published.</param>
/// <param name="AsAtMonth">The month of the date a <c>time_period</c> year describes.</param>
/// <param name="AsAtDay">The day of that date.</param>
/// <param name="PerTenThousandOf">For a computed rate, the id of the denominator measure; else null.</param>
public sealed record PublishedMeasure(
    string Id,
    string Name,
    MeasureRole Role,
    string File,
    string ValueColumn,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    Polarity Polarity,
    Unit Unit,
    int Decimals,
    int AsAtMonth,
    int AsAtDay,
    string? PerTenThousandOf)
{
    /// <summary>
    /// The financial year of a <c>time_period</c>: a six-digit <c>202425</c> is that year; a four-digit year Y is the
    /// financial year containing the as-at date in Y (31 March 2025 is in 2024-25; 30 September 2025 in 2025-26).
    /// </summary>
    public bool TryYear(string timePeriod, out FinancialYear year)
    {
        var s = timePeriod.Trim();
        if (s.Length == 6)
        {
            return FinancialYear.TryParse(s, out year);
        }

        year = default;
        if (s.Length != 4 || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var calendarYear)
            || calendarYear <= FinancialYear.MinStartYear || calendarYear >= FinancialYear.MaxStartYear)
        {
            return false;
        }

        year = FinancialYear.Containing(new DateOnly(calendarYear, AsAtMonth, AsAtDay));
        return true;
    }

    /// <summary>
    /// The measure as a catalogue indicator (kind benchmarking, aggregation snapshot: a published figure is a whole
    /// year's), so that it is shown the way the scorecard shows indicators.
    /// </summary>
    public Indicator ToIndicator() =>
        new(Id, Name, "Published statistics", IndicatorKind.Benchmarking, Unit, Polarity, Aggregation.Snapshot, Decimals);

    /// <summary>For a LAIT measure, its entry in LAIT's data dictionary; null for a measure of the EES files.</summary>
    public LaitMeasure? Lait { get; init; }

    /// <summary>
    /// For a measure of the EES files, the short name of the LAIT measure that publishes the same figures (the
    /// mapping's <c>lait</c> column), checked to agree with it; null when LAIT has none.
    /// </summary>
    public string? LaitTwin { get; init; }

    /// <summary>Whether the measure is one of LAIT's (<see cref="Lait"/> is set).</summary>
    public bool IsLait => Lait is not null;

    /// <summary>The filters as written in the mapping file: <c>column=value;column=value</c>.</summary>
    public string FilterText => string.Join(";", Filters.Select(f => $"{f.Key}={f.Value}"));
}
