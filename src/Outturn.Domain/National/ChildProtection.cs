using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>Row 5: section 47 enquiries by start date: per 10,000 children over the 12 months to the month end, or a count in the period.</summary>
internal sealed class Section47s(string id, string name, string definition, Unit unit, Aggregation aggregation, CaseWindow window, Cohort cohort) : CaseIndicator<(CinChild Child, Section47Enquiry Enquiry)>(
    NationalIndicators.Entry(id, name, NationalIndicators.Csc, unit, Polarity.None, aggregation, definition),
    ReturnSources.CinCensus | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), window, cohort)
{
    protected override IEnumerable<Counted<(CinChild, Section47Enquiry)>> Count(NationalContext c, MonthRange months) =>
        from child in c.Data.Cin.Children
        from episode in child.Episodes
        from s47 in episode.Section47s
        where months.Contains(Month.Containing(s47.Start))
        select At(Month.Containing(s47.Start), true, (child, s47));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, Section47Enquiry Enquiry)> x) =>
        Case(x.Item.Child.ChildId, true, "section 47 started", ("section 47 start", x.Item.Enquiry.Start));
}

/// <summary>Row 6: initial conferences held in the month within 15 working days of the section 47 start.</summary>
internal sealed class ConferencesInTime() : CaseIndicator<(CinChild Child, CinEpisode Episode, Section47Enquiry Enquiry, int Days)>(
    NationalIndicators.Entry("icpc-15wd", "Initial child protection conferences within 15 working days of the section 47 start", NationalIndicators.Csc, Unit.Percent, Polarity.High, Aggregation.Ratio,
        "Initial child protection conferences held in the period within 15 working days of the section 47 start, over all initial conferences held."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, CinEpisode, Section47Enquiry, int)>> Count(NationalContext c, MonthRange months)
    {
        foreach (var child in c.Data.Cin.Children)
        {
            foreach (var episode in child.Episodes)
            {
                foreach (var s47 in episode.Section47s)
                {
                    if (!s47.ConferenceNotRequired && s47.ConferenceDate is { } held && months.Contains(Month.Containing(held))
                        && c.WorkingDays(s47.Start, held) is { } days)
                    {
                        yield return At(Month.Containing(held), days <= 15, (child, episode, s47, days));
                    }
                }
            }
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, CinEpisode Episode, Section47Enquiry Enquiry, int Days)> x)
    {
        var (child, episode, s47, days) = x.Item;
        return new CaseOutcome(child.ChildId, x.InNumerator, $"{days} working days from section 47 start to conference",
            [("section 47 start", s47.Start), ("conference", s47.ConferenceDate!.Value)], episode.Team, episode.Worker);
    }
}

/// <summary>Row 7: children on a child protection plan at the period's end: per 10,000 children, or a count.</summary>
internal sealed class OnAPlan(string id, string name, string definition, Unit unit, Cohort cohort) : CaseIndicator<CinChild>(
    NationalIndicators.Entry(id, name, NationalIndicators.Csc, unit, Polarity.None, Aggregation.Snapshot, definition),
    ReturnSources.CinCensus | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), CaseWindow.Month, cohort)
{
    protected override IEnumerable<Counted<CinChild>> Count(NationalContext c, MonthRange months)
    {
        // The plans come child by child: each child's run of them decides the months the child is on a plan.
        var plans = c.AllPlans;
        for (var i = 0; i < plans.Length;)
        {
            var child = plans[i].Child;
            var next = i;
            while (next < plans.Length && ReferenceEquals(plans[next].Child, child))
            {
                next++;
            }

            foreach (var month in Positions.OpenAtMonthEnds(months, new ArraySegment<(CinChild Child, ProtectionPlan Plan)>(plans, i, next - i).Select(x => (x.Plan.Start, x.Plan.End))))
            {
                yield return At(month, true, child);
            }

            i = next;
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<CinChild> x) =>
        Case(x.Item.ChildId, true, "on a plan", ("plan start", c.Plans(x.Item).Last(p => p.IsOpenOn(asAt)).Start));
}

/// <summary>Row 9 (rate): child protection plans starting in the 12 months to the month end, per 10,000 children.</summary>
internal sealed class PlanStartsRate() : CaseIndicator<(CinChild Child, ProtectionPlan Plan)>(
    NationalIndicators.Entry("cpp-starts-rate", "Child protection plans starting per 10,000 children (12 months)", NationalIndicators.Csc, Unit.Rate, Polarity.Low, Aggregation.Snapshot,
        "Child protection plans starting in the 12 months to the month end, per 10,000 children aged 0-17."),
    ReturnSources.CinCensus | ReturnSources.Population, CaseWindow.TwelveMonths, Cohort.Population)
{
    protected override IEnumerable<Counted<(CinChild, ProtectionPlan)>> Count(NationalContext c, MonthRange months) =>
        Plans.Starting(c, months).Select(x => At(Month.Containing(x.Plan.Start), true, x));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, ProtectionPlan Plan)> x) =>
        Case(x.Item.Child.ChildId, true, "plan started", ("plan start", x.Item.Plan.Start));
}

/// <summary>
/// Row 9: plans starting in the month for a child who had an earlier plan: any, however long ago (the DfE), or one
/// that ended within the two years before (<see cref="RepeatPlanRule.WithinTwoYears"/>, a local variant).
/// </summary>
internal sealed class RepeatPlans() : CaseIndicator<(CinChild Child, ProtectionPlan Plan)>(
    NationalIndicators.Entry("cpp-second-time", "Child protection plans that were a second or subsequent plan", NationalIndicators.Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
        "Plans starting in the period for a child who had any earlier plan, however long ago (DfE), over all plans starting in the period."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    /// <summary>
    /// An earlier plan may be "however long ago": a plan starting in the first year of the CIN census given has only
    /// the census's NumberOfPreviousCPP to show its earlier plans, so its figures are flagged as lacking history.
    /// </summary>
    protected override int HistoryMonths => 12;

    protected override IEnumerable<Counted<(CinChild, ProtectionPlan)>> Count(NationalContext c, MonthRange months) =>
        Plans.Starting(c, months).Select(x => At(Month.Containing(x.Plan.Start), Judge(c, x.Child, x.Plan).Repeat, x));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, ProtectionPlan Plan)> x) =>
        Judge(c, x.Item.Child, x.Item.Plan).Outcome;

    private static (bool Repeat, CaseOutcome Outcome) Judge(NationalContext c, CinChild child, ProtectionPlan plan)
    {
        var id = child.ChildId;
        var earlier = c.Plans(child).Where(p => p.Start < plan.Start).ToList();
        if (c.Options.RepeatPlans == RepeatPlanRule.WithinTwoYears)
        {
            var recent = earlier.Where(p => p.End is { } e && e >= plan.Start.AddYears(-2)).Select(p => (DateOnly?)p.End!.Value).Max();
            return recent is { } ended
                ? (true, Case(id, true, "an earlier plan ended within 2 years", ("plan start", plan.Start), ("earlier plan end", ended)))
                : (false, Case(id, false, "no plan ended in the 2 years before", ("plan start", plan.Start)));
        }

        if (earlier.Count > 0)
        {
            return (true, Case(id, true, $"{earlier.Count} earlier plan(s) in the data", ("plan start", plan.Start), ("earlier plan start", earlier[^1].Start)));
        }

        return plan.PreviousPlans is > 0
            ? (true, Case(id, true, $"{plan.PreviousPlans} previous plan(s) recorded in the census", ("plan start", plan.Start)))
            : (false, Case(id, false, "first plan", ("plan start", plan.Start)));
    }
}

/// <summary>Row 10: plans open at the month end that had lasted 2 years or more (more than 729 days counting the month end).</summary>
internal sealed class PlansOfTwoYears() : CaseIndicator<(CinChild Child, ProtectionPlan Plan)>(
    NationalIndicators.Entry("cpp-2yrs", "Child protection plans lasting 2 years or more", NationalIndicators.Csc, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
        "Plans open at the month end that had lasted more than 729 days counting the month end, over all plans open at the month end."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, ProtectionPlan)>> Count(NationalContext c, MonthRange months) =>
        Plans.OpenAtMonthEnds(c, months).Select(x => At(x.Month, Days(x.Plan, x.Month.LastDay) > 729, (x.Child, x.Plan)));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, ProtectionPlan Plan)> x) =>
        Case(x.Item.Child.ChildId, x.InNumerator, $"{Days(x.Item.Plan, asAt)} days on the plan", ("plan start", x.Item.Plan.Start));

    private static int Days(ProtectionPlan plan, DateOnly asAt) => asAt.DayNumber - plan.Start.DayNumber + 1;
}

/// <summary>Row 10 (flow): plans ending in the month that had lasted 2 years or more, counting both ends.</summary>
internal sealed class PlansEndingAfterTwoYears() : CaseIndicator<(CinChild Child, ProtectionPlan Plan)>(
    NationalIndicators.Entry("cpp-ceased-2yrs", "Child protection plans ending after 2 years or more", NationalIndicators.Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
        "Plans ending in the period that had lasted 2 years or more, over all plans ending in the period."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, ProtectionPlan)>> Count(NationalContext c, MonthRange months) =>
        from x in c.AllPlans
        where x.Plan.End is { } end && months.Contains(Month.Containing(end))
        select At(Month.Containing(x.Plan.End!.Value), Days(x.Plan) > 729, x);

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, ProtectionPlan Plan)> x) =>
        Case(x.Item.Child.ChildId, x.InNumerator, $"{Days(x.Item.Plan)} days on the plan", ("plan start", x.Item.Plan.Start), ("plan end", x.Item.Plan.End!.Value));

    private static int Days(ProtectionPlan plan) => plan.End!.Value.DayNumber - plan.Start.DayNumber + 1;
}

/// <summary>
/// Row 11: children on a plan for 3 months or more at the month end whose first review was within 3 months of the
/// start and each later one within 6 months of the one before, none overdue at the month end.
/// </summary>
internal sealed class PlansReviewedInTime() : CaseIndicator<(CinChild Child, ProtectionPlan Plan)>(
    NationalIndicators.Entry("cpp-reviewed", "Child protection plans reviewed within timescales", NationalIndicators.Csc, Unit.Percent, Polarity.High, Aggregation.Snapshot,
        "Children on a plan for 3 months or more at the month end whose first review was within 3 months and each later review within 6 months, none overdue at the month end."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, ProtectionPlan)>> Count(NationalContext c, MonthRange months) =>
        Plans.OpenAtMonthEnds(c, months)
            .Where(x => x.Plan.Start.AddMonths(3) <= x.Month.LastDay)
            .Select(x => At(x.Month, Judge(x.Child, x.Plan, x.Month.LastDay).InNumerator, (x.Child, x.Plan)));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, ProtectionPlan Plan)> x) =>
        Judge(x.Item.Child, x.Item.Plan, asAt);

    private static CaseOutcome Judge(CinChild child, ProtectionPlan plan, DateOnly asAt)
    {
        var due = plan.Start.AddMonths(3);
        foreach (var review in plan.Reviews.Where(r => r <= asAt).Order())
        {
            if (review > due)
            {
                return Case(child.ChildId, false, $"review late (due {Iso(due)})", ("plan start", plan.Start), ("review", review));
            }

            due = review.AddMonths(6);
        }

        return due < asAt
            ? Case(child.ChildId, false, $"review overdue since {Iso(due)}", ("plan start", plan.Start))
            : Case(child.ChildId, true, "reviews in time", ("plan start", plan.Start));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The child protection plans of the children in need.</summary>
internal static class Plans
{
    /// <summary>Plans starting in one of the months, child by child, each child's in start order.</summary>
    public static IEnumerable<(CinChild Child, ProtectionPlan Plan)> Starting(NationalContext c, MonthRange months) =>
        c.AllPlans.Where(x => months.Contains(Month.Containing(x.Plan.Start)));

    /// <summary>Each plan at each month end of the range at which it is open.</summary>
    public static IEnumerable<(Month Month, CinChild Child, ProtectionPlan Plan)> OpenAtMonthEnds(NationalContext c, MonthRange months)
    {
        foreach (var (child, plan) in c.AllPlans)
        {
            if (months.OpenAtMonthEnds(plan.Start, plan.End) is { } open)
            {
                foreach (var month in open)
                {
                    yield return (month, child, plan);
                }
            }
        }
    }
}
