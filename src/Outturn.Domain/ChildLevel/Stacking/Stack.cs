using Outturn.Domain.Periods;

namespace Outturn.Domain.ChildLevel.Stacking;

/// <summary>
/// How yearly returns are stacked into one history of each child: the rules for SSDA903, the CIN census and SEN2,
/// applied to what the readers return file by file.
/// </summary>
public static class Stack
{
    /// <summary>
    /// Stacks CIN censuses, oldest first: a child's episodes are matched by referral date and combined (the newer
    /// census's details, the modules of both); episodes only in older censuses are kept; the child's details come from
    /// the latest census that holds the child.
    /// </summary>
    public static ChildInNeedData CinCensus(IEnumerable<(DateOnly ReferenceDate, ChildInNeedData Data)> censuses)
    {
        var byChild = new Dictionary<string, (CinChild Child, SortedDictionary<DateOnly, CinEpisode> Episodes)>(StringComparer.Ordinal);
        foreach (var (_, data) in censuses.OrderBy(c => c.ReferenceDate))
        {
            foreach (var child in data.Children)
            {
                if (!byChild.TryGetValue(child.ChildId, out var entry))
                {
                    entry = (child, []);
                }

                foreach (var e in child.Episodes)
                {
                    entry.Episodes[e.ReferralDate] = entry.Episodes.TryGetValue(e.ReferralDate, out var older) ? Combine(older, e) : e;
                }

                byChild[child.ChildId] = (child, entry.Episodes);
            }
        }

        return new ChildInNeedData([.. byChild.Values.OrderBy(v => v.Child.ChildId, StringComparer.Ordinal)
            .Select(v => v.Child with { Episodes = [.. v.Episodes.Values] })]);
    }

    /// <summary>
    /// Stacks SEN2 returns, oldest first: each January return repeats the requests still in progress, so a request
    /// (same person, same date received) is taken from the latest return that holds it.
    /// </summary>
    public static SpecialNeedsData Sen2(IEnumerable<(DateOnly ReferenceDate, SpecialNeedsData Data)> returns)
    {
        var byKey = new Dictionary<(string, DateOnly), EhcRequest>();
        foreach (var (_, data) in returns.OrderBy(r => r.ReferenceDate))
        {
            foreach (var request in data.Requests)
            {
                byKey[(request.PersonId, request.Received)] = request;
            }
        }

        return new SpecialNeedsData([.. byKey.Values.OrderBy(r => r.PersonId, StringComparer.Ordinal).ThenBy(r => r.Received)]);
    }

    /// <summary>
    /// Stacks SSDA903 returns, oldest first: each child's episodes repaired (<see cref="EpisodeRepair"/>; a child's
    /// episode left open in a return the next return does not repeat the child in is closed on that return's 31 March),
    /// the latest header kept, every year's outcome tables kept by collection year, missing and social worker episodes once each.
    /// </summary>
    /// <returns>The stacked data and every repair made, for the analyst to see.</returns>
    public static (LookedAfterData Data, IReadOnlyList<EpisodeFix> Fixes) Ssda903(IEnumerable<(FinancialYear Year, LookedAfterData Data)> returns)
    {
        var years = returns.OrderBy(y => y.Year).ToList();
        var ordered = years.Select(y => y.Data).ToList();
        var stacked = years.Select(y => y.Year).ToHashSet();
        var people = new Dictionary<string, LookedAfterChild>(StringComparer.Ordinal);
        var episodes = new Dictionary<string, List<(FinancialYear, CareEpisode)>>(StringComparer.Ordinal);
        foreach (var (year, child) in years.SelectMany(y => y.Data.Children.Select(c => (y.Year, c))))
        {
            people[child.ChildId] = child;
            if (!episodes.TryGetValue(child.ChildId, out var list))
            {
                episodes[child.ChildId] = list = [];
            }

            list.AddRange(child.Episodes.Select(e => (year, e)));
        }

        var fixes = new List<EpisodeFix>();
        var children = new List<LookedAfterChild>();
        foreach (var (id, child) in people.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var (repaired, made) = EpisodeRepair.Repair(id, episodes[id], stacked);
            fixes.AddRange(made);
            children.Add(child with { Episodes = repaired });
        }

        var data = new LookedAfterData(children,
            [.. ordered.SelectMany(y => y.HealthOutcomes)], [.. ordered.SelectMany(y => y.CareLeavers)],
            [.. ordered.SelectMany(y => y.Missing).Distinct()], [.. ordered.SelectMany(y => y.SocialWorkers).Distinct()]);
        return (data, fixes);
    }

    /// <summary>
    /// One episode from two censuses: the newer census's details (closure, need, NFA), and the modules of both, since
    /// each year's census holds only the assessments, enquiries and plans of its own year; where both hold the same
    /// module (same start date), the newer version wins.
    /// </summary>
    private static CinEpisode Combine(CinEpisode older, CinEpisode newer)
    {
        static List<T> Union<T>(IEnumerable<T> a, IEnumerable<T> b, Func<T, DateOnly> key) =>
            [.. a.Concat(b).GroupBy(key).Select(g => g.Last()).OrderBy(key)];

        return newer with
        {
            Assessments = Union(older.Assessments, newer.Assessments, x => x.Start),
            Plans = Union(older.Plans, newer.Plans, x => x.Start),
            Section47s = Union(older.Section47s, newer.Section47s, x => x.Start),
            ProtectionPlans = Union(older.ProtectionPlans, newer.ProtectionPlans, x => x.Start),
        };
    }
}
