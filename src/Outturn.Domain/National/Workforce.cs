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
    /// <summary>
    /// Every month's figure in one sweep over the allocations, each counted at the month ends of the range at which it
    /// is open: the cases <see cref="Held"/> lists month by month, without describing them.
    /// </summary>
    private protected override IReadOnlyList<IndicatorFigure> CountMonths(NationalContext context, MonthRange months)
    {
        // Workers are numbered once, so each month's distinct workers are a set of numbers; a looked-after child's
        // months held through a CIN episode are kept only for the children a social worker episode names.
        var cases = new int[months.Count];
        var workers = new HashSet<int>?[months.Count];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        void Hold(int month, string worker)
        {
            cases[month]++;
            if (!ids.TryGetValue(worker, out var id))
            {
                ids[worker] = id = ids.Count;
            }

            (workers[month] ??= []).Add(id);
        }

        var held = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var sw in context.Data.LookedAfter.SocialWorkers)
        {
            held.TryAdd(sw.ChildId, new bool[months.Count]);
        }

        foreach (var child in context.Data.Cin.Children)
        {
            var byCin = held.GetValueOrDefault(child.ChildId);
            foreach (var e in child.Episodes)
            {
                if (e.Worker is { } worker && months.OpenAtMonthEnds(e.ReferralDate, e.ClosureDate) is { } open)
                {
                    for (var i = months.IndexOf(open.From); i <= months.IndexOf(open.To); i++)
                    {
                        Hold(i, worker);
                        byCin?[i] = true;
                    }
                }
            }
        }

        foreach (var sw in context.Data.LookedAfter.SocialWorkers)
        {
            if (months.OpenAtMonthEnds(sw.Start, sw.End) is { } open)
            {
                var counted = held[sw.ChildId];
                for (var i = months.IndexOf(open.From); i <= months.IndexOf(open.To); i++)
                {
                    if (!counted[i])
                    {
                        counted[i] = true;
                        Hold(i, sw.WorkerId);
                    }
                }
            }
        }

        var figures = new List<IndicatorFigure>();
        for (var i = 0; i < months.Count; i++)
        {
            // No figure before the allocations begin, nor for a month no worker holds a case in.
            if (!(months[i].LastDay < context.Data.AllocatedFrom) && Figure(months[i], cases[i], workers[i]?.Count ?? 0) is { } figure)
            {
                figures.Add(figure);
            }
        }

        return figures;
    }

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

        return Figure(month, cases.Count, cases.Select(l => l.Worker).Distinct().Count()) is { } figure ? new IndicatorCases(figure, cases) : null;
    }

    private IndicatorFigure? Figure(Month month, int cases, int workers) =>
        workers == 0 ? null : new IndicatorFigure(Indicator, month, cases, workers) { From = month.LastDay, To = month.LastDay };
}
