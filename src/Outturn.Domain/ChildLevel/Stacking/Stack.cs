using Outturn.Domain.Periods;

namespace Outturn.Domain.ChildLevel.Stacking;

/// <summary>
/// How yearly returns are stacked into one history of each child: the rules for SSDA903, the CIN census and SEN2,
/// applied to what the readers return file by file.
/// </summary>
public static class Stack
{
    /// <summary>
    /// Stacks CIN censuses, oldest first: a year's figures come from that year's census, the older ones serving as
    /// history. A child's episodes are matched by referral date and combined (the newer census's details, the modules
    /// of both); episodes only in older censuses are kept; the child's details come from the latest census that holds
    /// the child.
    /// </summary>
    /// <remarks>
    /// Each census holds every case open at any time in its year: "The census includes any child referred to children's
    /// social care services within the year and also any cases open at 1 April ... where local authorities were
    /// providing a service" (DfE, Characteristics of children in need: methodology, "Data collection"; the census
    /// guide's section 1.2.3, "Cases that were open between 1 April and 31 March"). So an episode, CIN plan or child
    /// protection plan an older census leaves open on its reference date (31 March) and the next census does not hold
    /// was not open on 1 April: it is closed on the older census's reference date, and the repair is listed. The
    /// latest census's open cases stay open.
    /// </remarks>
    /// <returns>The stacked children and every repair made, for the analyst to see.</returns>
    public static (ChildInNeedData Data, IReadOnlyList<CinCensusFix> Fixes) CinCensus(IEnumerable<(DateOnly ReferenceDate, ChildInNeedData Data)> censuses)
    {
        // Each child's episodes by referral date, kept in date order (a child has a few).
        var byChild = new Dictionary<string, (CinChild Child, List<CinEpisode> Episodes)>(StringComparer.Ordinal);
        var fixes = new List<CinCensusFix>();
        DateOnly? previous = null;
        foreach (var (reference, data) in censuses.OrderBy(c => c.ReferenceDate))
        {
            if (previous is { } older)
            {
                // Only the episodes left open go looking in the newer census; the repairs are listed child by child.
                var held = new Dictionary<string, CinChild>(data.Children.Count, StringComparer.Ordinal);
                foreach (var child in data.Children)
                {
                    held.TryAdd(child.ChildId, child);
                }

                var closed = new List<(string Id, CinEpisode Episode, bool ChildHeld)>();
                foreach (var (id, entry) in byChild)
                {
                    foreach (var episode in entry.Episodes)
                    {
                        if (episode.ReferralDate <= older && episode.ClosureDate is null
                            && (!held.TryGetValue(id, out var newer) || !newer.Episodes.Any(e => e.ReferralDate == episode.ReferralDate)))
                        {
                            closed.Add((id, episode, newer is not null));
                        }
                    }
                }

                foreach (var (id, episode, childHeld) in closed.OrderBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.Episode.ReferralDate))
                {
                    var where = childHeld ? "the episode is not in" : "the child is not in";
                    fixes.Add(new CinCensusFix(id, episode.ReferralDate, reference, older,
                        $"the episode referred on {Iso(episode.ReferralDate)} is open in the census of {Iso(older)} but {where} the census of {Iso(reference)}: closed on {Iso(older)}{OpenPlans(episode, older)}."));
                    Put(byChild[id].Episodes, CloseOpenPlans(episode, older) with { ClosureDate = older });
                }
            }

            foreach (var child in data.Children)
            {
                if (!byChild.TryGetValue(child.ChildId, out var entry))
                {
                    entry = (child, []);
                }

                foreach (var e in child.Episodes)
                {
                    Put(entry.Episodes, entry.Episodes.Find(x => x.ReferralDate == e.ReferralDate) is { } stacked
                        ? Combine(stacked, e, previous, child.ChildId, reference, fixes)
                        : e);
                }

                byChild[child.ChildId] = (child, entry.Episodes);
            }

            previous = reference;
        }

        var stackedData = new ChildInNeedData([.. byChild.Values.OrderBy(v => v.Child.ChildId, StringComparer.Ordinal)
            .Select(v => v.Child with { Episodes = [.. v.Episodes] })]);
        return (stackedData, fixes);
    }

    /// <summary>Puts an episode in its place by referral date, over the one of that date if there is one.</summary>
    private static void Put(List<CinEpisode> episodes, CinEpisode episode)
    {
        var i = episodes.FindIndex(e => e.ReferralDate >= episode.ReferralDate);
        if (i < 0)
        {
            episodes.Add(episode);
        }
        else if (episodes[i].ReferralDate == episode.ReferralDate)
        {
            episodes[i] = episode;
        }
        else
        {
            episodes.Insert(i, episode);
        }
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
    /// module (same start date), the newer version wins. A CIN or child protection plan the older census left open on
    /// its reference date that the newer one does not hold is closed on that date (see <see cref="CinCensus"/>).
    /// </summary>
    private static CinEpisode Combine(CinEpisode older, CinEpisode newer, DateOnly? olderReference, string childId, DateOnly reference, List<CinCensusFix> fixes)
    {
        // Each record once by its start, the newer census's where both hold it, in start order. The lists are a few
        // records long, so a walk beats hashing.
        static List<T> Union<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, Func<T, DateOnly> key)
        {
            var union = new List<T>(a.Count + b.Count);
            foreach (var x in a.Concat(b))
            {
                var at = union.FindIndex(u => key(u) == key(x));
                if (at >= 0)
                {
                    union[at] = x;
                }
                else
                {
                    union.Add(x);
                }
            }

            union.Sort((x, y) => key(x).CompareTo(key(y)));
            return union;
        }

        if (olderReference is { } closed)
        {
            bool Dropped(DateOnly start, DateOnly? end, IEnumerable<DateOnly> newerStarts) => end is null && start <= closed && !newerStarts.Contains(start);
            var dropped = older.Plans.Where(p => Dropped(p.Start, p.End, newer.Plans.Select(n => n.Start))).Select(p => $"the CIN plan started {Iso(p.Start)}")
                .Concat(older.ProtectionPlans.Where(p => Dropped(p.Start, p.End, newer.ProtectionPlans.Select(n => n.Start))).Select(p => $"the child protection plan started {Iso(p.Start)}"))
                .ToList();
            if (dropped.Count > 0)
            {
                fixes.Add(new CinCensusFix(childId, older.ReferralDate, reference, closed,
                    $"{string.Join(" and ", dropped)} (episode referred on {Iso(older.ReferralDate)}) open in the census of {Iso(closed)} but not in the census of {Iso(reference)}: closed on {Iso(closed)}."));
                older = older with
                {
                    Plans = [.. older.Plans.Select(p => Dropped(p.Start, p.End, newer.Plans.Select(n => n.Start)) ? p with { End = closed } : p)],
                    ProtectionPlans = [.. older.ProtectionPlans.Select(p => Dropped(p.Start, p.End, newer.ProtectionPlans.Select(n => n.Start)) ? p with { End = closed } : p)],
                };
            }
        }

        return newer with
        {
            Assessments = Union(older.Assessments, newer.Assessments, x => x.Start),
            Plans = Union(older.Plans, newer.Plans, x => x.Start),
            Section47s = Union(older.Section47s, newer.Section47s, x => x.Start),
            ProtectionPlans = Union(older.ProtectionPlans, newer.ProtectionPlans, x => x.Start),
        };
    }

    /// <summary>The episode with its CIN and child protection plans open on <paramref name="date"/> closed on it.</summary>
    private static CinEpisode CloseOpenPlans(CinEpisode episode, DateOnly date) => episode with
    {
        Plans = [.. episode.Plans.Select(p => p.End is null && p.Start <= date ? p with { End = date } : p)],
        ProtectionPlans = [.. episode.ProtectionPlans.Select(p => p.End is null && p.Start <= date ? p with { End = date } : p)],
    };

    /// <summary>", with its CIN plan and child protection plan" for the plans an episode closed on a date leaves open.</summary>
    private static string OpenPlans(CinEpisode episode, DateOnly date)
    {
        var open = new[] { (Open: episode.Plans.Any(p => p.End is null && p.Start <= date), Name: "CIN plan"), (Open: episode.ProtectionPlans.Any(p => p.End is null && p.Start <= date), Name: "child protection plan") }
            .Where(x => x.Open).Select(x => x.Name).ToList();
        return open.Count == 0 ? "" : $", with its open {string.Join(" and ", open)}";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
