namespace Outturn.Domain.ChildLevel.Stacking;

/// <summary>The record of a child's case an allocation is written against, as the Annex A lists hold them.</summary>
public enum AllocatedRecord
{
    /// <summary>A referral (Annex A list 3).</summary>
    Referral,

    /// <summary>An assessment (list 4).</summary>
    Assessment,

    /// <summary>A section 47 enquiry (list 5).</summary>
    Section47,

    /// <summary>A child in need episode (list 6).</summary>
    ChildInNeed,

    /// <summary>A child protection plan (list 7).</summary>
    ProtectionPlan,

    /// <summary>A period of care (list 8).</summary>
    LookedAfter,
}

/// <summary>Who holds a child's case, as a case list written when it was extracted shows it.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Record">What the row is about.</param>
/// <param name="Start">The date that places the row in the child's history: the referral, or the start of the
/// assessment, enquiry, child in need episode, plan or period of care.</param>
/// <param name="Team">The allocated team, if given.</param>
/// <param name="Worker">The allocated worker, if given.</param>
public sealed record CaseAllocation(string ChildId, AllocatedRecord Record, DateOnly Start, string? Team, string? Worker);

/// <summary>Gives CIN episodes the team and worker holding them.</summary>
public static class Allocation
{
    /// <summary>When records disagree on who holds an episode, the one that speaks most directly of the open case wins.</summary>
    private static readonly AllocatedRecord[] Priority =
        [AllocatedRecord.ChildInNeed, AllocatedRecord.LookedAfter, AllocatedRecord.ProtectionPlan, AllocatedRecord.Section47, AllocatedRecord.Assessment, AllocatedRecord.Referral];

    /// <summary>
    /// Gives each CIN episode the team and worker that hold it: from the child in need episode's row (by its start),
    /// else a period of care, plan, enquiry or assessment that started within the episode, else the referral's row.
    /// The lists show who holds a case when they were extracted, so every month is read with that allocation.
    /// </summary>
    public static ChildInNeedData Apply(ChildInNeedData cin, IEnumerable<CaseAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(cin);
        var byChild = allocations.ToLookup(a => a.ChildId, StringComparer.Ordinal);
        return new ChildInNeedData([.. cin.Children.Select(c => byChild[c.ChildId].Any() ? c with
        {
            Episodes = [.. c.Episodes.Select(e => Holder(e, byChild[c.ChildId]) is { } a ? e with { Team = a.Team, Worker = a.Worker } : e)],
        } : c)]);
    }

    private static CaseAllocation? Holder(CinEpisode episode, IEnumerable<CaseAllocation> rows)
    {
        bool Matches(CaseAllocation a) => a.Record is AllocatedRecord.Referral or AllocatedRecord.ChildInNeed
            ? a.Start == episode.ReferralDate
            : a.Start >= episode.ReferralDate && (episode.ClosureDate is null || a.Start <= episode.ClosureDate);

        return rows.Where(Matches).OrderBy(a => Array.IndexOf(Priority, a.Record)).ThenByDescending(a => a.Start).FirstOrDefault();
    }
}
