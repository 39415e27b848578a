using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Benchmarking;

/// <summary>A statistical neighbour's figure for the year.</summary>
/// <param name="Code">The neighbour's three-digit code.</param>
/// <param name="Name">Its name as published that year, or as in the grouping when it has no row that year.</param>
/// <param name="Closeness">The grouping's closeness label, if any.</param>
/// <param name="Value">The published value, or null when the year's file has no row for it (e.g. it did not exist).</param>
/// <param name="JointReturn">The joint row's name when the value is shared with another authority, else null.</param>
public sealed record NeighbourFigure(string Code, string Name, string? Closeness, PublishedValue? Value, string? JointReturn = null)
{
    /// <summary>Whether the figure counts towards the average: a published number.</summary>
    public bool IsUsed => Value is { IsNumber: true };
}

/// <summary>The statistical neighbour comparison for one authority, indicator and year.</summary>
/// <param name="Model">The model's name, e.g. <c>2025</c>.</param>
/// <param name="GroupOf">The authority whose group was used (normally the authority itself).</param>
/// <param name="Note">Why another authority's group was used, or null.</param>
/// <param name="Figures">Every neighbour in the group, closest first, used or not.</param>
/// <param name="Method">Mean or median.</param>
/// <param name="Average">The mean or median of the neighbours with a published number; null when none has one.</param>
/// <param name="Best">The best neighbour by polarity (the closer one on a tie); null for no polarity or no numbers.</param>
public sealed record NeighbourComparison(
    string Model,
    string GroupOf,
    string? Note,
    IReadOnlyList<NeighbourFigure> Figures,
    NeighbourAverage Method,
    decimal? Average,
    NeighbourFigure? Best)
{
    /// <summary>How many neighbours had a published number and so entered the average.</summary>
    public int Used => Figures.Count(f => f.IsUsed);

    /// <summary>How many neighbours the group has (normally ten).</summary>
    public int Total => Figures.Count;
}

/// <summary>Where the authority stands among all authorities with a published number for the year.</summary>
/// <param name="Quartiles">The quartiles over authorities only (not regions or England).</param>
/// <param name="TopQuartileThreshold">Q3 when high is good, Q1 when low is good; null for no polarity.</param>
/// <param name="Band">The authority's band A to D by polarity; null for no polarity or no number.</param>
/// <param name="Rank">The authority's rank, 1 best, ties sharing the lowest; null for no polarity or no number.</param>
public sealed record Standing(Quartiles Quartiles, decimal? TopQuartileThreshold, QuartileBand? Band, int? Rank)
{
    /// <summary>How many authorities were ranked (those with a published number).</summary>
    public int Ranked => Quartiles.Count;
}

/// <summary>The change in the authority's value from the previous year.</summary>
/// <param name="PreviousYear">The year before.</param>
/// <param name="PreviousValue">Its published value, or null when there is no row.</param>
/// <param name="Change">This year's number minus last year's; null unless both are numbers.</param>
/// <param name="Travel">The direction and whether it is an improvement by polarity; null when there is no change.</param>
public sealed record YearOnYear(FinancialYear PreviousYear, PublishedValue? PreviousValue, decimal? Change, Travel? Travel);

/// <summary>
/// The benchmark block for one authority, indicator and year: its own value, England and its region as
/// published, its statistical neighbours, its standing among all authorities and its change from the year before.
/// </summary>
public sealed record AuthorityBenchmark
{
    /// <summary>The catalogue indicator.</summary>
    public required string IndicatorId { get; init; }

    /// <summary>Whether high or low is good.</summary>
    public required Polarity Polarity { get; init; }

    /// <summary>The year.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>The authority benchmarked.</summary>
    public required LocalAuthority Authority { get; init; }

    /// <summary>Its published value, or null when the year's file has no row for it.</summary>
    public required PublishedValue? Value { get; init; }

    /// <summary>England as published; null when there is no national row.</summary>
    public required PublishedValue? National { get; init; }

    /// <summary>The authority's region as published; null when there is no row for it.</summary>
    public required RegionFigure? Regional { get; init; }

    /// <summary>The statistical neighbours; null when no model has a group for the authority.</summary>
    public required NeighbourComparison? Neighbours { get; init; }

    /// <summary>The standing among authorities; null when no authority has a number.</summary>
    public required Standing? Standing { get; init; }

    /// <summary>The change from the previous year.</summary>
    public required YearOnYear YearOnYear { get; init; }

    /// <summary>The figures for the scorecard's benchmark columns; suppressed values become empty.</summary>
    public Benchmark ToBenchmark() => new(
        IndicatorId,
        Year,
        Neighbours?.Average,
        Neighbours?.Best?.Value?.Number,
        National?.Number,
        Regional?.Value.Number,
        Standing?.TopQuartileThreshold);
}
