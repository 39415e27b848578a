namespace Outturn.Domain.ChildLevel.Stacking;

/// <summary>What stacking did to an episode.</summary>
public enum RepairKind
{
    /// <summary>The episode came again, the same, in a later year's return: kept once.</summary>
    Repeated,

    /// <summary>A later year's return gave the episode differently (ended, or corrected): the later one is kept.</summary>
    Updated,

    /// <summary>An older return left the episode open, and a later episode began: closed the day the next began.</summary>
    ClosedOpen,

    /// <summary>The episode overlapped the next: closed the day the next began.</summary>
    ClosedOverlap,

    /// <summary>
    /// An older return left the child's last episode open and no later return holds the child: the child left care,
    /// so the episode is closed on that return's 31 March with E99 (LIIA RULE_2, "child no longer LAC").
    /// </summary>
    ClosedAtYearEnd,
}

/// <summary>One change made to stacked SSDA903 episodes, for the analyst to see.</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Start">The episode's start date.</param>
/// <param name="Action">What was done and why.</param>
/// <param name="Kind">Which of the stacking rules made the change.</param>
public sealed record EpisodeFix(string ChildId, DateOnly Start, string Action, RepairKind Kind);

/// <summary>
/// Repairs episodes where yearly SSDA903 submissions are stacked, after the rules the LIIA tools codify
/// (domain-anchors.md §6.3): the same episode returned in two years is kept once, the later return winning; an
/// episode left open in an earlier return but followed by a later episode is closed the day the next one starts; the
/// last episode left open in a return older than the latest, for a child no later return holds, is closed on that
/// return's 31 March (LIIA <c>fix_episodes.md</c> RULE_2: "Set DEC = 31/03/YEAR, Set REC = 'E99'", "Child no longer
/// LAC"): a child still looked after is returned again the next year, as the 903 guidance requires an episode for
/// every child looked after at any time in the year.
/// </summary>
public static class EpisodeRepair
{
    /// <summary>The repaired episodes in start order, and what was changed, for episodes all from one return (the latest).</summary>
    public static (IReadOnlyList<CareEpisode> Episodes, IReadOnlyList<EpisodeFix> Fixes) Repair(string childId, IEnumerable<CareEpisode> stacked) =>
        Repair(childId, stacked.Select(e => (Periods.FinancialYear.Containing(e.Start), e)), null);

    /// <summary>The repaired episodes in start order, and what was changed.</summary>
    /// <param name="childId">The child.</param>
    /// <param name="stacked">Each episode with the collection year of the return that gave it, oldest return first.</param>
    /// <param name="latest">The latest collection year stacked: an episode still open in an older return, with no
    /// later episode, is closed on its return's 31 March; null to close none that way.</param>
    public static (IReadOnlyList<CareEpisode> Episodes, IReadOnlyList<EpisodeFix> Fixes) Repair(
        string childId, IEnumerable<(Periods.FinancialYear Return, CareEpisode Episode)> stacked, Periods.FinancialYear? latest)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        var fixes = new List<EpisodeFix>();

        // Later returns come later in the input: the last episode with a given start wins.
        var byStart = new SortedDictionary<DateOnly, CareEpisode>();
        var returnOf = new Dictionary<DateOnly, Periods.FinancialYear>();
        foreach (var (year, episode) in stacked)
        {
            returnOf[episode.Start] = year;
            if (byStart.TryGetValue(episode.Start, out var earlier) && earlier != episode)
            {
                fixes.Add(new EpisodeFix(childId, episode.Start, "updated by a later year's return, which is kept", RepairKind.Updated));
            }
            else if (earlier is not null)
            {
                fixes.Add(new EpisodeFix(childId, episode.Start, "duplicate removed", RepairKind.Repeated));
            }

            byStart[episode.Start] = episode;
        }

        var episodes = byStart.Values.ToList();
        for (var i = 0; i + 1 < episodes.Count; i++)
        {
            var next = episodes[i + 1];
            if (episodes[i].End is null || episodes[i].End > next.Start)
            {
                // Open in an old return, or overlapping the next: it ended when the next began. Whether care
                // continued is told by the next episode: a new period of care (S) means this one left care.
                var reason = next.Reason == "S" ? episodes[i].ReasonEnded ?? "E99" : "X1";
                fixes.Add(new EpisodeFix(childId, episodes[i].Start, $"{(episodes[i].End is null ? "left open" : "overlapped the next episode")}: closed on {next.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} with {reason}", episodes[i].End is null ? RepairKind.ClosedOpen : RepairKind.ClosedOverlap));
                episodes[i] = episodes[i] with { End = next.Start, ReasonEnded = reason };
            }
        }

        if (latest is { } newest && episodes.Count > 0 && episodes[^1] is { End: null } last && returnOf[last.Start] is var from && from < newest)
        {
            var yearEnd = from.End < last.Start ? last.Start : from.End;
            fixes.Add(new EpisodeFix(childId, last.Start, $"left open in the {from} return, and no later return holds the child: closed on {yearEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} (that return's 31 March) with E99", RepairKind.ClosedAtYearEnd));
            episodes[^1] = last with { End = yearEnd, ReasonEnded = "E99" };
        }

        return (episodes, fixes);
    }
}
