namespace Outturn.Domain.Indicators;

/// <summary>A catalogue entry: what is measured, how it is judged and how months roll up.</summary>
public sealed record Indicator
{
    /// <summary>The most decimal places an indicator may display.</summary>
    public const int MaxDecimals = 4;

    /// <summary>Creates an indicator, checking that its settings agree.</summary>
    /// <exception cref="ArgumentException">The id or name is blank, or an activity indicator has a polarity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Decimals are outside 0 to 4.</exception>
    public Indicator(string id, string name, string area, IndicatorKind kind, Unit unit, Polarity polarity,
        Aggregation aggregation, int decimals, string definition = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(decimals, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        if (Check(kind, polarity) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        Id = id.Trim();
        Name = name.Trim();
        Area = string.IsNullOrWhiteSpace(area) ? "General" : area.Trim();
        Kind = kind;
        Unit = unit;
        Polarity = polarity;
        Aggregation = aggregation;
        Decimals = decimals;
        Definition = definition.Trim();
    }

    /// <summary>The rule a kind and polarity break together, or null: an activity indicator has no good direction.</summary>
    public static Problem? Check(IndicatorKind kind, Polarity polarity) =>
        kind == IndicatorKind.Activity && polarity != Polarity.None
            ? new("polarity", "an activity indicator has no good direction: polarity must be none.")
            : null;

    /// <summary>The short identifier used in every file, e.g. <c>assess-45wd</c>.</summary>
    public string Id { get; }

    /// <summary>The name shown to readers.</summary>
    public string Name { get; }

    /// <summary>The service area the scorecard groups the row under.</summary>
    public string Area { get; }

    /// <summary>Benchmarking, activity or local.</summary>
    public IndicatorKind Kind { get; }

    /// <summary>The unit of the values.</summary>
    public Unit Unit { get; }

    /// <summary>Whether high or low is good; none for activity.</summary>
    public Polarity Polarity { get; }

    /// <summary>How months roll up.</summary>
    public Aggregation Aggregation { get; }

    /// <summary>Decimal places shown; also the precision at which RAG and direction are judged.</summary>
    public int Decimals { get; }

    /// <summary>The definition in words.</summary>
    public string Definition { get; }

    /// <summary>
    /// Months each figure covers: 1 for a month's own figure, 12 for a rolling figure over the twelve months to the
    /// month end (such as referrals per 10,000 children in the last 12 months). Consecutive rolling figures share all
    /// but one month, so statistical process control does not judge them.
    /// </summary>
    public int RollingMonths
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 12);
            field = value;
        }
    } = 1;

    /// <summary>
    /// The published measure the indicator is benchmarked against (the catalogue's <c>benchmark_measure</c>): a measure
    /// of the published-measures mapping such as <c>cin-rate</c>, or one of LAIT's such as <c>lait:Section_47</c>. Null
    /// when not given: then the mapped measure with the indicator's own id, if there is one.
    /// </summary>
    public string? BenchmarkMeasure
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Whether each figure is over more months than its own (<see cref="RollingMonths"/> above 1).</summary>
    public bool IsRolling => RollingMonths > 1;

    /// <summary>What a ratio of numerator to denominator is multiplied by: 100 for percentages, 10,000 for rates, else 1.</summary>
    public decimal Scale => Unit switch
    {
        Unit.Percent => 100m,
        Unit.Rate => 10_000m,
        _ => 1m,
    };

    /// <summary>A value rounded to the displayed precision (half away from zero, as a spreadsheet rounds).</summary>
    public decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
}
