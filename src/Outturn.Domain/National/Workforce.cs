using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>
/// Children allocated at the month end, each once, over the workers holding them: the worker of an open CIN episode
/// as Annex A names it, else the looked-after child's SSDA903 social worker episode. No figure before the allocations
/// begin (Annex A says who holds each case when it was extracted) or when no worker holds a case.
/// </summary>
internal sealed class Caseload() : NationalIndicator(
    NationalIndicators.Entry("caseload-worker", "Average caseload per allocated worker", NationalIndicators.Workforce, Unit.Number, Polarity.Low, Aggregation.Snapshot,
        "Children allocated at the month end, each once (the worker of an open CIN episode, as Annex A names it; else the looked-after child's SSDA903 social worker episode), over the workers holding them."),
    ReturnSources.AnnexA)
{
    private protected override IReadOnlyList<IndicatorFigure> CountMonths(NationalContext context, MonthRange months) =>
        [.. months.Select(m => Held(context, m)).OfType<IndicatorCases>().Select(x => x.Figure)];

    /// <summary>A year's caseload is its position at 31 March, as the workforce census takes a day's position.</summary>
    private protected override IndicatorFigure? CountYear(NationalContext context, FinancialYear year) =>
        Held(context, year.LastMonth)?.Figure is { } march ? march with { Period = year } : null;

    private protected override IndicatorCases? ListCases(NationalContext context, Period period) =>
        Held(context, period.LastMonth) is { } held ? held with { Figure = held.Figure with { Period = period } } : null;

    /// <summary>A team's or worker's caseload: its cases over the workers holding them.</summary>
    private protected override CaseGroup Group(string name, IReadOnlyList<CaseOutcome> cases, IndicatorFigure figure) => new(name, cases.Count, cases.Select(c => c.Worker).Distinct().Count());

    private IndicatorCases? Held(NationalContext c, Month month)
    {
        var asAt = month.LastDay;
        if (asAt < c.Data.AllocatedFrom)
        {
            return null;
        }

        var cases = new List<CaseOutcome>();
        foreach (var child in c.Data.Cin.Children)
        {
            foreach (var e in child.Episodes.Where(e => e.IsOpenOn(asAt) && e.Worker is not null))
            {
                cases.Add(new CaseOutcome(child.ChildId, true, "allocated CIN case", [("referral", e.ReferralDate)], e.Team, e.Worker));
            }
        }

        // A looked-after child held through a CIN episode is counted there once; the SSDA903 social worker episodes
        // count only the children no CIN allocation names.
        var counted = cases.Select(l => l.ChildId).ToHashSet(StringComparer.Ordinal);
        foreach (var sw in c.Data.LookedAfter.SocialWorkers.Where(s => s.IsOpenOn(asAt)))
        {
            if (counted.Add(sw.ChildId))
            {
                cases.Add(new CaseOutcome(sw.ChildId, true, "allocated looked-after child", [("allocated", sw.Start)], sw.Team, sw.WorkerId));
            }
        }

        var workers = cases.Select(l => l.Worker).Distinct().Count();
        return workers == 0 ? null : new IndicatorCases(new IndicatorFigure(Indicator, month, cases.Count, workers) { From = asAt, To = asAt }, cases);
    }
}
