using Outturn.App.Audit;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.App.National;

/// <summary>Which of a figure's cases to show.</summary>
/// <param name="Team">Only cases held by this team (ignoring case).</param>
/// <param name="Worker">Only cases held by this worker (ignoring case).</param>
/// <param name="Outside">Only the cases outside the numerator (e.g. assessments over 45 working days).</param>
/// <param name="Concern">Only the cases that count against the figure: outside the numerator where high is good, in
/// it where low is good. Activity measures have none.</param>
public sealed record CaseFilter(string? Team = null, string? Worker = null, bool Outside = false, bool Concern = false)
{
    /// <summary>Every case.</summary>
    public static readonly CaseFilter All = new();

    /// <summary>Whether a case is held by the team and worker asked for.</summary>
    public bool Holds(CaseOutcome c) =>
        (Team is null || string.Equals(c.Team, Team, StringComparison.OrdinalIgnoreCase))
        && (Worker is null || string.Equals(c.Worker, Worker, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a case is one asked for.</summary>
    public bool Shows(CaseOutcome c, Polarity polarity) =>
        Holds(c) && (!Outside || !c.InNumerator) && (!Concern || c.InNumerator == (polarity == Polarity.Low));
}

/// <summary>
/// The children behind a national figure, for the service only: every list is written to the access log (when, who,
/// what was asked, which children) before it is returned, so a list shown is always in the log. Figures by team or
/// worker name no child and are not logged.
/// </summary>
/// <param name="log">Where disclosures are recorded.</param>
/// <param name="clock">The time of each record.</param>
public sealed class CaseLists(IAccessLog log, TimeProvider clock)
{
    /// <summary>
    /// The cases behind <paramref name="indicator"/>'s figure for <paramref name="period"/> (a month or a financial year) that the filter keeps, with
    /// the whole month's figure; null when the month has no figure. Recorded in the access log first.
    /// </summary>
    /// <exception cref="IOException">The access log cannot be written: nothing is returned.</exception>
    public IndicatorCases? List(NationalContext context, NationalIndicator indicator, Period period, CaseFilter filter, string user)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        return indicator.Cases(context, period) is { } all ? Show(all, filter, user) : null;
    }

    /// <summary>
    /// The cases of a figure's list (computed now, or kept by the store) that the filter keeps, with the whole figure:
    /// recorded in the access log first.
    /// </summary>
    /// <exception cref="AccessLogException">The access log cannot be written: nothing is returned.</exception>
    public IndicatorCases Show(IndicatorCases all, CaseFilter filter, string user)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(filter);
        var indicator = all.Figure.Indicator;
        var shown = all with { Cases = [.. all.Cases.Where(c => filter.Shows(c, indicator.Polarity))] };
        log.Record(new AccessRecord(clock.GetUtcNow(), user, $"children {indicator.Id} {all.Figure.Period}", [.. shown.Cases.Select(c => c.ChildId).Distinct()]));
        return shown;
    }

    /// <summary>
    /// The cases behind every figure of <paramref name="months"/> and of <paramref name="years"/>, indicator by
    /// indicator, for the store to keep with the figures. Nothing is logged here because nothing is shown: the store
    /// gives them back only through its own audited call, which writes the access log first.
    /// </summary>
    /// <returns>One sequence per indicator, in catalogue order, each counted as it is enumerated.</returns>
    public static IReadOnlyList<IEnumerable<IndicatorCases>> ToKeep(NationalContext context, MonthRange months, IReadOnlyList<FinancialYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return [.. NationalIndicators.All.Select(indicator => Lists(context, indicator, months, years))];
    }

    private static IEnumerable<IndicatorCases> Lists(NationalContext context, NationalIndicator indicator, MonthRange months, IReadOnlyList<FinancialYear> years)
    {
        foreach (var cases in indicator.CasesOver(context, months))
        {
            yield return cases;
        }

        foreach (var year in years)
        {
            if (indicator.Cases(context, year) is { } cases)
            {
                yield return cases;
            }
        }
    }

    /// <summary>
    /// The repairs made to episodes when the SSDA903 years were stacked: they name children, so the list is recorded
    /// in the access log first.
    /// </summary>
    /// <exception cref="IOException">The access log cannot be written: nothing is returned.</exception>
    public IReadOnlyList<EpisodeFix> Repairs(ChildLevelData data, string user)
    {
        ArgumentNullException.ThrowIfNull(data);
        log.Record(new AccessRecord(clock.GetUtcNow(), user, "repairs SSDA903", [.. data.Repairs.Select(r => r.ChildId).Distinct()]));
        return data.Repairs;
    }

    /// <summary>
    /// The month's figure for each team or worker holding the cases the filter's team and worker keep (the other
    /// filters choose children to list, not the cases a figure is made of); null when the month has no figure.
    /// No child is named, so nothing is logged.
    /// </summary>
    public static IReadOnlyList<CaseGroup>? ByHolder(NationalContext context, NationalIndicator indicator, Period period, CaseFilter filter, bool byTeam)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        return indicator.Cases(context, period) is { } all ? ByHolder(all, indicator, filter, byTeam) : null;
    }

    /// <summary>A figure's list (computed now, or kept by the store) by team or worker: no child is named, nothing logged.</summary>
    public static IReadOnlyList<CaseGroup> ByHolder(IndicatorCases all, NationalIndicator indicator, CaseFilter filter, bool byTeam)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        return indicator.ByHolder(all with { Cases = [.. all.Cases.Where(filter.Holds)] }, byTeam);
    }
}
