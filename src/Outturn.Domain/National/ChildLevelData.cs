using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>Everything the national indicators are computed from.</summary>
/// <param name="Cin">The CIN census data, all years stacked.</param>
/// <param name="LookedAfter">The SSDA903 data, all years stacked and repaired.</param>
/// <param name="Population">Children aged 0-17 by ONS mid-year (the year of 30 June).</param>
public sealed record ChildLevelData(ChildInNeedData Cin, LookedAfterData LookedAfter, IReadOnlyDictionary<int, decimal> Population)
{
    /// <summary>Which returns were given: an indicator needing one that was not has no figure (never a zero).</summary>
    /// <remarks>By default every return but the population is taken as given, and the population when it holds a year.</remarks>
    public ReturnSources Supplied { get; init; } =
        ReturnSources.CinCensus | ReturnSources.Ssda903 | ReturnSources.Sen2 | ReturnSources.AnnexA | (Population.Count > 0 ? ReturnSources.Population : ReturnSources.None);

    /// <summary>
    /// The first day the CIN census returns given cover (1 April of the earliest census year): a figure looking back
    /// before it lacks history. Null when no CIN census was given.
    /// </summary>
    public DateOnly? CinFrom { get; init; }

    /// <summary>The authority the returns are from: its three-digit DfE code as the returns' headers give it, empty when they do not.</summary>
    public string Authority { get; init; } = "";

    /// <summary>The SEN2 requests for EHC needs assessments, all years stacked; empty when no SEN2 return was given.</summary>
    public SpecialNeedsData SpecialNeeds { get; init; } = SpecialNeedsData.Empty;

    /// <summary>
    /// The first day the CIN episodes' teams and workers describe (Annex A shows who held each case in its period, so
    /// earlier months would count only the cases still open then): caseloads are not computed before it. Null when
    /// the allocations have no such limit.
    /// </summary>
    public DateOnly? AllocatedFrom { get; init; }

    /// <summary>The repairs made to episodes when SSDA903 years were stacked, for the analyst to see.</summary>
    public IReadOnlyList<EpisodeFix> Repairs { get; init; } = [];

    /// <summary>
    /// The population for a month: the mid-year estimate of the calendar year in which its financial year starts,
    /// as the DfE uses the mid-(Y-1) estimate for the year ending 31 March Y; the latest earlier estimate when that
    /// one is not yet published.
    /// </summary>
    public decimal? PopulationFor(Month month)
    {
        var year = month.FinancialYear.StartYear;
        var known = Population.Keys.Where(y => y <= year).ToList();
        return known.Count == 0 ? null : Population[known.Max()];
    }
}
