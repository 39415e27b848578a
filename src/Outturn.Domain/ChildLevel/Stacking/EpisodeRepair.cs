using System.Globalization;
using Outturn.Domain.Periods;

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
    /// An older return left the child's episode open and the next return does not hold the child: the child left care,
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
/// episode left open in a return, for a child the next return stacked does not hold, is closed on that
/// return's 31 March (LIIA <c>fix_episodes.md</c> RULE_2: "Set DEC = 31/03/YEAR, Set REC = 'E99'", "Child no longer
/// LAC"): a child still looked after is returned again the next year, as the 903 guidance requires an episode for
/// every child looked after at any time in the year. The same holds for a child the next return does not hold but a
/// later one does (LIIA RULE_1A, "Child ceases LAC but re-enters care later").
/// </summary>
public static class EpisodeRepair
{
    /// <summary>The repaired episodes in start order, and what was changed, for episodes all from one return (the latest).</summary>
    public static (IReadOnlyList<CareEpisode> Episodes, IReadOnlyList<EpisodeFix> Fixes) Repair(string childId, IEnumerable<CareEpisode> stacked) =>
        Repair(childId, stacked.Select(e => (FinancialYear.Containing(e.Start), e)), []);

    /// <summary>The repaired episodes in start order, and what was changed.</summary>
    /// <param name="childId">The child.</param>
    /// <param name="stacked">Each episode with the collection year of the return that gave it, oldest return first.</param>
    /// <param name="returns">The collection years of every return stacked (the child's and the others'): an episode
    /// left open in one of them, for a child the next of them does not hold, is closed on its return's 31 March.</param>
    public static (IReadOnlyList<CareEpisode> Episodes, IReadOnlyList<EpisodeFix> Fixes) Repair(
        string childId, IEnumerable<(FinancialYear Return, CareEpisode Episode)> stacked, IReadOnlyCollection<FinancialYear> returns)
    {
        ArgumentNullException.ThrowIfNull(stacked);
        ArgumentNullException.ThrowIfNull(returns);
        var fixes = new List<EpisodeFix>();

        // Later returns come later in the input: the last episode with a given start wins.
        var byStart = new SortedDictionary<DateOnly, CareEpisode>();
        var returnOf = new Dictionary<DateOnly, FinancialYear>();
        var holding = new HashSet<FinancialYear>();
        foreach (var (year, episode) in stacked)
        {
            returnOf[episode.Start] = year;
            holding.Add(year);
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
        for (var i = 0; i < episodes.Count; i++)
        {
            var next = i + 1 < episodes.Count ? episodes[i + 1] : null;
            if (episodes[i] is { End: null } open && returnOf[open.Start] is var from
                && returns.Where(r => r > from).Order().FirstOrDefault() is var following && following > from && !holding.Contains(following)
                && (next is null || next.Start > from.End))
            {
                // Left open in a return the next return does not repeat: the child left care by that return's 31
                // March (LIIA RULE_2; RULE_1A where the child comes back later: "DEC = min(31/03/YEAR, DECOM_next - 1 day)").
                var yearEnd = from.End < open.Start ? open.Start : from.End;
                fixes.Add(new EpisodeFix(childId, open.Start, $"left open in the {from} return, and the {following} return does not hold the child: closed on {yearEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (that return's 31 March) with E99", RepairKind.ClosedAtYearEnd));
                episodes[i] = open with { End = yearEnd, ReasonEnded = "E99" };
                continue;
            }

            if (next is not null && (episodes[i].End is null || episodes[i].End > next.Start))
            {
                // Open in an old return, or overlapping the next: it ended when the next began. Whether care
                // continued is told by the next episode: a new period of care (S) means this one left care.
                var reason = next.Reason == "S" ? episodes[i].ReasonEnded ?? "E99" : "X1";
                fixes.Add(new EpisodeFix(childId, episodes[i].Start, $"{(episodes[i].End is null ? "left open" : "overlapped the next episode")}: closed on {next.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} with {reason}", episodes[i].End is null ? RepairKind.ClosedOpen : RepairKind.ClosedOverlap));
                episodes[i] = episodes[i] with { End = next.Start, ReasonEnded = reason };
            }
        }

        return (episodes, fixes);
    }
}
