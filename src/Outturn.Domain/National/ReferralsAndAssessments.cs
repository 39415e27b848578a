using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>Row 1: referrals (CIN episodes) by referral date: per 10,000 children over the 12 months to the month end, or a count in the period.</summary>
internal sealed class ReferralsCounted(string id, string name, string definition, Unit unit, Aggregation aggregation, CaseWindow window, Cohort cohort) : CaseIndicator<(CinChild Child, CinEpisode Episode)>(
    NationalIndicators.Entry(id, name, NationalIndicators.Csc, unit, Polarity.None, aggregation, definition),
    ReturnSources.CinCensus | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), window, cohort)
{
    protected override IEnumerable<Counted<(CinChild, CinEpisode)>> Count(NationalContext c, MonthRange months) =>
        Referrals.In(c, months).Select(x => At(Month.Containing(x.Episode.ReferralDate), true, x));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, CinEpisode Episode)> x) =>
        Case(x.Item.Child.ChildId, true, "referred", ("referral", x.Item.Episode.ReferralDate));
}

/// <summary>Row 2: referrals in the month where the same child had an earlier referral in the 12 months before.</summary>
internal sealed class ReReferrals() : CaseIndicator<(CinChild Child, CinEpisode Episode, DateOnly? Previous)>(
    NationalIndicators.Entry("rereferrals-12m", "Re-referrals within 12 months of a previous referral", NationalIndicators.Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
        "Referrals in the period where the same child had an earlier referral in the 12 months before, over all referrals in the period."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    /// <summary>A referral looks back 12 months for an earlier one.</summary>
    protected override int HistoryMonths => 12;

    protected override IEnumerable<Counted<(CinChild, CinEpisode, DateOnly?)>> Count(NationalContext c, MonthRange months)
    {
        foreach (var (child, episode) in Referrals.In(c, months))
        {
            var date = episode.ReferralDate;
            var previous = child.Episodes.Where(e => e.ReferralDate < date && e.ReferralDate >= date.AddMonths(-12)).Select(e => (DateOnly?)e.ReferralDate).Max();
            yield return At(Month.Containing(date), previous is not null, (child, episode, previous));
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, CinEpisode Episode, DateOnly? Previous)> x)
    {
        var date = x.Item.Episode.ReferralDate;
        return x.Item.Previous is { } previous
            ? Case(x.Item.Child.ChildId, true, $"previous referral {date.DayNumber - previous.DayNumber} days before", ("referral", date), ("previous referral", previous))
            : Case(x.Item.Child.ChildId, false, "no referral in the 12 months before", ("referral", date));
    }
}

/// <summary>Referrals in the month closed with no further action (an activity measure).</summary>
internal sealed class ReferralsNoFurtherAction() : CaseIndicator<(CinChild Child, CinEpisode Episode)>(
    NationalIndicators.Entry("referrals-nfa", "Referrals closed with no further action", NationalIndicators.Csc, Unit.Percent, Polarity.None, Aggregation.Ratio,
        "Referrals in the period recorded as no further action, over all referrals in the period."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, CinEpisode)>> Count(NationalContext c, MonthRange months) =>
        Referrals.In(c, months).Select(x => At(Month.Containing(x.Episode.ReferralDate), x.Episode.ReferralNfa, x));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, CinEpisode Episode)> x) =>
        Case(x.Item.Child.ChildId, x.InNumerator, x.InNumerator ? "no further action" : "went on to assessment or other action", ("referral", x.Item.Episode.ReferralDate));
}

/// <summary>
/// Row 4: assessments authorised in the month within 45 working days of the clock start (the assessment start, or the
/// referral under <see cref="AssessmentClock.Referral"/>).
/// </summary>
internal sealed class AssessmentsInTime() : CaseIndicator<(CinChild Child, CinEpisode Episode, DateOnly Start, DateOnly End, int Days)>(
    NationalIndicators.Entry("assess-45wd", "Assessments completed within 45 working days", NationalIndicators.Csc, Unit.Percent, Polarity.High, Aggregation.Ratio,
        "Assessments authorised in the period within 45 working days of the assessment start (counted from the day after it, as the DfE's duration bands begin at 'same day'), over all assessments authorised in the period."),
    ReturnSources.CinCensus, CaseWindow.Month, Cohort.Cases)
{
    protected override IEnumerable<Counted<(CinChild, CinEpisode, DateOnly, DateOnly, int)>> Count(NationalContext c, MonthRange months)
    {
        var fromReferral = c.Options.AssessmentClock == AssessmentClock.Referral;
        foreach (var child in c.Data.Cin.Children)
        {
            foreach (var episode in child.Episodes)
            {
                foreach (var assessment in episode.Assessments)
                {
                    if (assessment.Authorised is not { } end || !months.Contains(Month.Containing(end)))
                    {
                        continue;
                    }

                    var start = fromReferral ? episode.ReferralDate : assessment.Start;
                    if (c.WorkingDays(start, end) is { } days)
                    {
                        yield return At(Month.Containing(end), days <= 45, (child, episode, start, end, days));
                    }
                }
            }
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(CinChild Child, CinEpisode Episode, DateOnly Start, DateOnly End, int Days)> x)
    {
        var label = c.Options.AssessmentClock == AssessmentClock.Referral ? "referral" : "assessment start";
        var (child, episode, start, end, days) = x.Item;
        return new CaseOutcome(child.ChildId, x.InNumerator, $"{days} working days from {label} to authorisation", [(label, start), ("authorised", end)], episode.Team, episode.Worker);
    }
}

/// <summary>Row 12: children with an open CIN episode at the period's end: per 10,000 children, or a count.</summary>
internal sealed class ChildrenInNeed(string id, string name, string definition, Unit unit, Cohort cohort) : CaseIndicator<CinChild>(
    NationalIndicators.Entry(id, name, NationalIndicators.Csc, unit, Polarity.None, Aggregation.Snapshot, definition),
    ReturnSources.CinCensus | (cohort == Cohort.Population ? ReturnSources.Population : ReturnSources.None), CaseWindow.Month, cohort)
{
    protected override IEnumerable<Counted<CinChild>> Count(NationalContext c, MonthRange months) =>
        c.Data.Cin.Children.SelectMany(child => Positions.OpenAtMonthEnds(months, child.Episodes.Select(e => (e.ReferralDate, e.ClosureDate))).Select(m => At(m, true, child)));

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<CinChild> x) =>
        Case(x.Item.ChildId, true, "open CIN episode", ("referral", x.Item.Episodes.Last(e => e.IsOpenOn(asAt)).ReferralDate));
}

/// <summary>The referrals (CIN episodes) of the children in need, by referral date.</summary>
internal static class Referrals
{
    /// <summary>Every referral dated in one of the months, child by child in the order the census holds them.</summary>
    public static IEnumerable<(CinChild Child, CinEpisode Episode)> In(NationalContext c, MonthRange months) =>
        c.Data.Cin.Children.SelectMany(child => child.Episodes.Where(e => months.Contains(Month.Containing(e.ReferralDate))).Select(e => (child, e)));
}

/// <summary>Positions at month ends: which months a child is counted in when any of several spans is open.</summary>
internal static class Positions
{
    /// <summary>The months of the range at whose end at least one span is open, each once, in order.</summary>
    public static IEnumerable<Month> OpenAtMonthEnds(MonthRange months, IEnumerable<(DateOnly Start, DateOnly? End)> spans)
    {
        bool[]? open = null;
        foreach (var (start, end) in spans)
        {
            if (months.OpenAtMonthEnds(start, end) is { } range)
            {
                open ??= new bool[months.Count];
                for (var i = months.IndexOf(range.From); i <= months.IndexOf(range.To); i++)
                {
                    open[i] = true;
                }
            }
        }

        if (open is null)
        {
            yield break;
        }

        for (var i = 0; i < open.Length; i++)
        {
            if (open[i])
            {
                yield return months[i];
            }
        }
    }
}
