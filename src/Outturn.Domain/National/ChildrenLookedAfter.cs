using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>Row 13: children looked after at the period's end, short breaks (V3, V4) excluded: per 10,000 children, or a count.</summary>
internal sealed class LookedAfterAt(string id, string name, string definition, Unit unit, Cohort cohort) : CaseIndicator<LookedAfterChild>(
    NationalIndicators.Entry(id, name, NationalIndicators.Cla, unit, Polarity.None, Aggregation.Snapshot, definition),
    ReturnSources.Ssda903 | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), CaseWindow.Month, cohort)
{
    protected override IEnumerable<Counted<LookedAfterChild>> Count(NationalContext c, MonthRange months) =>
        LookedAfter.AtMonthEnds(c, months).Select(x => At(x.Month, true, x.Child));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<LookedAfterChild> x) =>
        Case(x.Item.ChildId, true, "looked after", ("episode start", LookedAfter.EpisodeOn(x.Item, asAt)!.Start));
}

/// <summary>
/// Row 14: children who started to be looked after (a period of care beginning, RNE S, short breaks excluded), each
/// child once by their first start in the period: the DfE's "children who started to be looked after during the year"
/// counts children, not episodes ("a child who started to be looked after more than once during the year is counted
/// once", CLA statistics methodology, Children looked after in England including adoptions). As a rate per 10,000 over
/// the 12 months to the month end, or as a count in the period.
/// </summary>
internal sealed class Starts(string id, string name, string definition, Unit unit, Aggregation aggregation, CaseWindow window, Cohort cohort) : CaseIndicator<(LookedAfterChild Child, CareEpisode Episode)>(
    NationalIndicators.Entry(id, name, NationalIndicators.Cla, unit, Polarity.None, aggregation, definition),
    ReturnSources.Ssda903 | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), window, cohort, OncePerChild.First)
{
    protected override string ChildOf((LookedAfterChild Child, CareEpisode Episode) item) => item.Child.ChildId;

    protected override IEnumerable<Counted<(LookedAfterChild, CareEpisode)>> Count(NationalContext c, MonthRange months) =>
        from child in c.Data.LookedAfter.Children
        from episode in child.Episodes
        where episode.Reason == "S" && !episode.IsShortBreak && months.Contains(Month.Containing(episode.Start))
        select At(Month.Containing(episode.Start), true, (child, episode));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(LookedAfterChild Child, CareEpisode Episode)> x) =>
        Case(x.Item.Child.ChildId, true, "started to be looked after", ("start", x.Item.Episode.Start));
}

/// <summary>
/// Row 14: children who ceased to be looked after (a period of care ending, REC other than X1, short breaks excluded),
/// each child once by their last cessation in the period, as the DfE counts "children who ceased to be looked after
/// during the year" (a child who ceased more than once is counted once, by the latest). As a rate per 10,000 over the
/// 12 months to the month end, or as a count in the period.
/// </summary>
internal sealed class Ceased(string id, string name, string definition, Unit unit, Aggregation aggregation, CaseWindow window, Cohort cohort) : CaseIndicator<(LookedAfterChild Child, CareEpisode Episode)>(
    NationalIndicators.Entry(id, name, NationalIndicators.Cla, unit, Polarity.None, aggregation, definition),
    ReturnSources.Ssda903 | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), window, cohort, OncePerChild.Last)
{
    protected override string ChildOf((LookedAfterChild Child, CareEpisode Episode) item) => item.Child.ChildId;

    protected override IEnumerable<Counted<(LookedAfterChild, CareEpisode)>> Count(NationalContext c, MonthRange months) =>
        from child in c.Data.LookedAfter.Children
        from episode in child.Episodes
        where episode.EndsCare && !episode.IsShortBreak && months.Contains(Month.Containing(episode.End!.Value))
        select At(Month.Containing(episode.End!.Value), true, (child, episode));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(LookedAfterChild Child, CareEpisode Episode)> x) =>
        Case(x.Item.Child.ChildId, true, $"ceased ({x.Item.Episode.ReasonEnded})", ("end", x.Item.Episode.End!.Value));
}

/// <summary>
/// Row 15: children looked after at the month end with 3 or more placements in the 12 months to it: the placement
/// open at the window start plus each new placement with a new carer, as <see cref="LookedAfterChild.PlacementsBetween"/>
/// counts them.
/// </summary>
internal sealed class ThreeOrMorePlacements() : CaseIndicator<LookedAfterChild>(
    NationalIndicators.Entry("placements-3plus", "Children looked after with 3 or more placements in 12 months", NationalIndicators.Cla, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
        "Children looked after at the month end with 3 or more placements in the 12 months to it: the placement open at the start plus each new placement with a new carer (RNE S, P, B); same-carer changes (T, U) and placing for adoption with the current foster carers (A3, A5) do not count.") with
    { RollingMonths = 12 },
    ReturnSources.Ssda903, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<LookedAfterChild>> Count(NationalContext c, MonthRange months) =>
        LookedAfter.AtMonthEnds(c, months).Select(x => At(x.Month, Placements(x.Child, x.Month).Count >= 3, x.Child));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<LookedAfterChild> x)
    {
        var (count, moves) = Placements(x.Item, Month.Containing(asAt));
        return new CaseOutcome(x.Item.ChildId, x.InNumerator, $"{count} placement(s) in the 12 months", [.. moves.Select(m => ("new placement", m.Start))]);
    }

    private static (int Count, IReadOnlyList<CareEpisode> Moves) Placements(LookedAfterChild child, Month month)
    {
        var from = month.AddMonths(-11).FirstDay;
        return (child.PlacementsBetween(from, month.LastDay), child.NewPlacementsBetween(from, month.LastDay));
    }
}

/// <summary>
/// Row 16: children under 16 looked after continuously for 2.5 years or more at the month end who have lived with
/// the same carer for 2 years (or, placed for adoption, with the carer before made 2 years).
/// </summary>
internal sealed class LongTermStability() : CaseIndicator<(LookedAfterChild Child, DateOnly CareStart, DateOnly Since)>(
    NationalIndicators.Entry("placement-long-term", "Children looked after long term in the same placement for 2 years", NationalIndicators.Cla, Unit.Percent, Polarity.High, Aggregation.Snapshot,
        "Children under 16 looked after continuously for 2.5 years or more at the month end who have lived with the same carer for 2 years, or are placed for adoption and with the previous carer made 2 years."),
    ReturnSources.Ssda903, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(LookedAfterChild, DateOnly, DateOnly)>> Count(NationalContext c, MonthRange months)
    {
        foreach (var (month, child) in LookedAfter.AtMonthEnds(c, months))
        {
            var asAt = month.LastDay;
            if (child.AgeOn(asAt) < 16 && Carer(child, asAt) is { } x)
            {
                yield return At(month, x.Since <= asAt.AddYears(-2), (child, x.CareStart, x.Since));
            }
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(LookedAfterChild Child, DateOnly CareStart, DateOnly Since)> x) =>
        Case(x.Item.Child.ChildId, x.InNumerator, x.InNumerator ? "same carer for 2 years or more" : "carer changed in the last 2 years",
            ("period of care start", x.Item.CareStart), ("with current carer since", x.Item.Since));

    /// <summary>When the period of care began and since when the child has been with the current carer; null outside the cohort.</summary>
    private static (DateOnly CareStart, DateOnly Since)? Carer(LookedAfterChild child, DateOnly asAt)
    {
        var episodes = child.Episodes.Where(e => e.Start <= asAt && !e.IsShortBreak).ToList();
        var careStart = episodes.LastOrDefault(e => e.Reason == "S")?.Start ?? episodes.FirstOrDefault()?.Start;
        if (careStart is not { } began || began > asAt.AddMonths(-30))
        {
            return null;
        }

        var carers = episodes.Where(e => e.IsNewPlacement).ToList();
        if (carers.LastOrDefault() is not { } current)
        {
            return null;
        }

        var since = current.Placement is "A3" or "A4" or "A5" or "A6" && carers.Count > 1 ? carers[^2].Start : current.Start;
        return (began, since);
    }
}

/// <summary>Row 17: the OC2 cohort of the collection year ending this March with a health assessment or teeth check.</summary>
internal sealed class HealthOutcomes(string id, string name, string definition, Func<HealthOutcome, bool?> flag, string what)
    : CaseIndicator<HealthOutcome>(
        NationalIndicators.Entry(id, name, NationalIndicators.Cla, Unit.Percent, Polarity.High, Aggregation.Snapshot, definition),
        ReturnSources.Ssda903, CaseWindow.YearEnd, Cohort.Cases)
{
    protected override IEnumerable<Counted<HealthOutcome>> Count(NationalContext c, MonthRange months) =>
        from outcome in c.Data.LookedAfter.HealthOutcomes
        let march = outcome.Year.LastMonth
        where months.Contains(march)
        select At(march, flag(outcome) == true, outcome);

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<HealthOutcome> x) =>
        Case(x.Item.ChildId, x.InNumerator, x.InNumerator ? what : $"no {what}");
}

/// <summary>Row 19: children looked after at some time in the 12 months to the month end with a missing episode starting in them.</summary>
internal sealed class WentMissing() : CaseIndicator<(LookedAfterChild Child, IReadOnlyList<DateOnly> Missing)>(
    NationalIndicators.Entry("cla-missing", "Children looked after who went missing (12 months)", NationalIndicators.Cla, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
        "Children looked after at some time in the 12 months to the month end (short breaks excluded) with a missing episode (M) starting in those months.") with
    { RollingMonths = 12 },
    ReturnSources.Ssda903, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(LookedAfterChild, IReadOnlyList<DateOnly>)>> Count(NationalContext c, MonthRange months)
    {
        foreach (var child in c.Data.LookedAfter.Children)
        {
            foreach (var month in months)
            {
                var from = month.AddMonths(-11).FirstDay;
                var to = month.LastDay;
                if (child.Episodes.Any(e => !e.IsShortBreak && Dated.IsOpenDuring(e.Start, e.End, from, to)))
                {
                    var missing = c.MissingByChild[child.ChildId].Where(m => m.Kind == "M" && m.Start >= from && m.Start <= to).Select(m => m.Start).Order().ToList();
                    yield return At(month, missing.Count > 0, (child, missing));
                }
            }
        }
    }

    /// <summary>The cohort is the children looked after at any time in the 12 months, so the figure covers them.</summary>
    protected override (DateOnly From, DateOnly To) Covers(MonthRange counted) => (counted.To.AddMonths(-11).FirstDay, counted.To.LastDay);

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(LookedAfterChild Child, IReadOnlyList<DateOnly> Missing)> x) =>
        new(x.Item.Child.ChildId, x.InNumerator, x.InNumerator ? $"{x.Item.Missing.Count} missing episode(s)" : "not missing", [.. x.Item.Missing.Select(d => ("missing from", d))]);
}

/// <summary>The children looked after, by position at month ends.</summary>
internal static class LookedAfter
{
    /// <summary>The episode a child is looked after in at the end of a day (short breaks excluded), or null.</summary>
    public static CareEpisode? EpisodeOn(LookedAfterChild child, DateOnly date) => child.Episodes.LastOrDefault(e => e.IsOpenOn(date) && !e.IsShortBreak);

    /// <summary>Each child at each month end of the range at which they are looked after, short breaks excluded.</summary>
    public static IEnumerable<(Month Month, LookedAfterChild Child)> AtMonthEnds(NationalContext c, MonthRange months) =>
        c.Data.LookedAfter.Children.SelectMany(child =>
            Positions.OpenAtMonthEnds(months, child.Episodes.Where(e => !e.IsShortBreak).Select(e => (e.Start, e.End))).Select(m => (m, child)));
}
