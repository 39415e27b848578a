using Outturn.Domain.ChildLevel;
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
        [.. months.Select(m => Counted(context, m)).OfType<IndicatorFigure>()];

    /// <summary>A year's caseload is its position at 31 March, as the workforce census takes a day's position.</summary>
    private protected override IndicatorFigure? CountYear(NationalContext context, FinancialYear year) =>
        Held(context, year.LastMonth)?.Figure is { } march ? march with { Period = year } : null;

    private protected override IndicatorCases? ListCases(NationalContext context, Period period) =>
        Held(context, period.LastMonth) is { } held ? held with { Figure = held.Figure with { Period = period } } : null;

    /// <summary>A team's or worker's caseload: its cases over the workers holding them.</summary>
    private protected override CaseGroup Group(string name, IReadOnlyList<CaseOutcome> cases, IndicatorFigure figure) => new(name, cases.Count, cases.Select(c => c.Worker).Distinct().Count());

    /// <summary>The month's figure, counted without describing each case.</summary>
    private IndicatorFigure? Counted(NationalContext c, Month month)
    {
        var asAt = month.LastDay;
        if (asAt < c.Data.AllocatedFrom)
        {
            return null;
        }

        var cases = 0;
        var workers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var held in Allocated(c, asAt))
        {
            cases++;
            workers.Add(held.Worker);
        }

        return Figure(month, cases, workers.Count);
    }

    private IndicatorCases? Held(NationalContext c, Month month)
    {
        var asAt = month.LastDay;
        if (asAt < c.Data.AllocatedFrom)
        {
            return null;
        }

        var cases = Allocated(c, asAt).Select(h => h.Episode is { } e
            ? new CaseOutcome(h.ChildId, true, "allocated CIN case", [("referral", e.ReferralDate)], e.Team, e.Worker)
            : new CaseOutcome(h.ChildId, true, "allocated looked-after child", [("allocated", h.SocialWorker!.Start)], h.SocialWorker.Team, h.SocialWorker.WorkerId)).ToList();
        return Figure(month, cases.Count, cases.Select(l => l.Worker).Distinct().Count()) is { } figure ? new IndicatorCases(figure, cases) : null;
    }

    private IndicatorFigure? Figure(Month month, int cases, int workers) =>
        workers == 0 ? null : new IndicatorFigure(Indicator, month, cases, workers) { From = month.LastDay, To = month.LastDay };

    /// <summary>
    /// The cases held at the end of <paramref name="asAt"/>: each open CIN episode naming a worker, then each
    /// looked-after child's open social worker episode where no CIN allocation names the child (a child held through
    /// a CIN episode is counted there once), each such child once.
    /// </summary>
    private static IEnumerable<(string ChildId, string Worker, CinEpisode? Episode, SocialWorkerEpisode? SocialWorker)> Allocated(NationalContext c, DateOnly asAt)
    {
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in c.Data.Cin.Children)
        {
            foreach (var e in child.Episodes)
            {
                if (e.Worker is { } worker && e.IsOpenOn(asAt))
                {
                    counted.Add(child.ChildId);
                    yield return (child.ChildId, worker, e, null);
                }
            }
        }

        foreach (var sw in c.Data.LookedAfter.SocialWorkers)
        {
            if (sw.IsOpenOn(asAt) && counted.Add(sw.ChildId))
            {
                yield return (sw.ChildId, sw.WorkerId, null, sw);
            }
        }
    }
}
