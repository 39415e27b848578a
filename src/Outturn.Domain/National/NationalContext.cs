using Outturn.Domain.Calendar;
using Outturn.Domain.ChildLevel;

namespace Outturn.Domain.National;

/// <summary>
/// The child-level data and definitional options the national indicators are computed over, with the look-ups by
/// child they share, built once and only when an indicator needs them. Build one per load and reuse it for every
/// indicator and month.
/// </summary>
/// <remarks>Safe for concurrent use (indicators are computed at once on the cores there are): the look-ups are built on
/// first use, by whichever caller comes first, and each is the same whoever builds it.</remarks>
public sealed class NationalContext
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CinChild, ProtectionPlan[]> _plans = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, CinChild>? _cinById;
    private ILookup<string, SocialWorkerEpisode>? _workersByChild;
    private ILookup<string, MissingEpisode>? _missingByChild;
    private (CinChild Child, ProtectionPlan Plan)[]? _allPlans;

    /// <summary>Creates the context; <paramref name="options"/> default to the DfE definitions.</summary>
    public NationalContext(ChildLevelData data, NationalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Options = options ?? NationalOptions.Default;
    }

    /// <summary>The data.</summary>
    public ChildLevelData Data { get; }

    /// <summary>The definitional choices.</summary>
    public NationalOptions Options { get; }

    internal Dictionary<string, CinChild> CinById => LazyInitializer.EnsureInitialized(ref _cinById, () => Data.Cin.Children.ToDictionary(ch => ch.ChildId, StringComparer.Ordinal));

    internal ILookup<string, SocialWorkerEpisode> WorkersByChild => LazyInitializer.EnsureInitialized(ref _workersByChild, () => Data.LookedAfter.SocialWorkers.ToLookup(sw => sw.ChildId, StringComparer.Ordinal));

    internal ILookup<string, MissingEpisode> MissingByChild => LazyInitializer.EnsureInitialized(ref _missingByChild, () => Data.LookedAfter.Missing.ToLookup(m => m.ChildId, StringComparer.Ordinal));

    /// <summary>
    /// Every child protection plan with its child, child by child in the census's order and each child's in start
    /// order: what the plan indicators walk, so they pass over the children with a plan only.
    /// </summary>
    internal (CinChild Child, ProtectionPlan Plan)[] AllPlans => LazyInitializer.EnsureInitialized(ref _allPlans, () =>
        [.. Data.Cin.Children.SelectMany(child => Plans(child).Select(plan => (child, plan)))]);

    /// <summary>A child's protection plans across all episodes, in start order.</summary>
    /// <remarks>Most children have one episode whose plans are in order already, or none: those are given as they are,
    /// and only the others are put together (once per context).</remarks>
    internal IReadOnlyList<ProtectionPlan> Plans(CinChild child)
    {
        switch (child.Episodes)
        {
            case []:
                return [];
            case [var only] when InStartOrder(only.ProtectionPlans):
                return only.ProtectionPlans;
            default:
                return _plans.GetOrAdd(child, c => [.. c.Episodes.SelectMany(e => e.ProtectionPlans).OrderBy(p => p.Start)]);
        }
    }

    private static bool InStartOrder(IReadOnlyList<ProtectionPlan> plans)
    {
        for (var i = 1; i < plans.Count; i++)
        {
            if (plans[i].Start < plans[i - 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Working days from <paramref name="start"/> to <paramref name="end"/> under the start-day option; null
    /// when the end is before the start (the readers reject such rows) or outside the 2010-2030 calendar.</summary>
    internal int? WorkingDays(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return null;
        }

        try
        {
            return WorkingDayCalendar.WorkingDaysBetween(start, end, Options.StartDay);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// A case with the team and worker that hold the child's case at <paramref name="asAt"/>, where it does not name
    /// them already: the open CIN episode's allocation (Annex A), else the SSDA903 social worker episode, as the
    /// caseload counts them. So a manager can take any figure by team and worker.
    /// </summary>
    internal CaseOutcome WithHolder(CaseOutcome outcome, DateOnly asAt)
    {
        if (outcome.Team is not null || outcome.Worker is not null)
        {
            return outcome;
        }

        if (CinById.TryGetValue(outcome.ChildId, out var child) && child.Episodes.LastOrDefault(e => e.IsOpenOn(asAt) && e.Worker is not null) is { } episode)
        {
            return outcome with { Team = episode.Team, Worker = episode.Worker };
        }

        return WorkersByChild[outcome.ChildId].LastOrDefault(sw => sw.IsOpenOn(asAt)) is { } held
            ? outcome with { Team = held.Team, Worker = held.WorkerId }
            : outcome;
    }
}
