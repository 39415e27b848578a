using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>The returns an indicator is computed from.</summary>
[Flags]
public enum ReturnSources
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The CIN census.</summary>
    CinCensus = 1,

    /// <summary>The SSDA903 children looked after return.</summary>
    Ssda903 = 2,

    /// <summary>The SEN2 return.</summary>
    Sen2 = 4,

    /// <summary>The Ofsted Annex A lists (who holds each case), with the staff list.</summary>
    AnnexA = 8,

    /// <summary>The ONS mid-year population estimates, for rates per 10,000 children.</summary>
    Population = 16,
}

/// <summary>
/// A national indicator as a definition: its catalogue entry, the returns it needs, and how its figures are counted
/// from child-level records (domain-anchors.md §3, the row named in each definition).
/// </summary>
/// <remarks>
/// <see cref="Figures"/> counts every month of a range in one pass over the records and returns numbers only; the
/// cases behind a figure are reached through <see cref="Cases"/>, which only <c>Outturn.App</c> calls, after writing
/// the access log.
/// </remarks>
public abstract class NationalIndicator
{
    private protected NationalIndicator(Indicator indicator, ReturnSources needs)
    {
        Indicator = indicator;
        Needs = needs;
    }

    /// <summary>The catalogue entry.</summary>
    public Indicator Indicator { get; }

    /// <summary>The indicator's id, e.g. <c>assess-45wd</c>.</summary>
    public string Id => Indicator.Id;

    /// <summary>The returns the figure is computed from.</summary>
    public ReturnSources Needs { get; }

    /// <summary>
    /// The figure for each month of <paramref name="months"/> that has one, in month order; a month has none for a
    /// yearly return outside March, a rate without the population, or a caseload before the allocations begin.
    /// </summary>
    public abstract IReadOnlyList<IndicatorFigure> Figures(NationalContext context, MonthRange months);

    /// <summary>The cases behind one month's figure, or null when the month has no figure.</summary>
    internal abstract IndicatorCases? Cases(NationalContext context, Month month);

    /// <summary>
    /// A month's figure split by the team or the worker holding each case, unallocated cases last: each group's
    /// numerator over its cohort. Only counts leave: no child is named.
    /// </summary>
    public IReadOnlyList<CaseGroup> ByHolder(IndicatorCases cases, bool byTeam)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Cases.GroupBy(c => (byTeam ? c.Team : c.Worker) ?? CaseGroup.NotAllocated)
            .OrderBy(g => g.Key == CaseGroup.NotAllocated).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, [.. g]))];
    }

    /// <summary>One group's figure from its cases: those in the numerator over all of them.</summary>
    private protected virtual CaseGroup Group(string name, IReadOnlyList<CaseOutcome> cases) => new(name, cases.Count(c => c.InNumerator), cases.Count);

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>How far back a month's figure reaches.</summary>
internal enum CaseWindow
{
    /// <summary>The cases counted in the month itself: events in it, or positions at its end.</summary>
    Month,

    /// <summary>The cases counted in the 12 months to the month end: rates over a year.</summary>
    TwelveMonths,

    /// <summary>March alone: a yearly return's cohort (OC2, OC3), counted in the month its collection year ends.</summary>
    YearEnd,
}

/// <summary>What a figure's numerator is divided by.</summary>
internal enum Cohort
{
    /// <summary>The cases themselves: a percentage of them.</summary>
    Cases,

    /// <summary>The population aged 0-17: a rate per 10,000 children.</summary>
    Population,
}

/// <summary>A case counted in a month, in the numerator or not.</summary>
/// <typeparam name="T">What the definition needs to describe the case later.</typeparam>
internal readonly record struct Counted<T>(Month Month, bool InNumerator, T Item);

/// <summary>
/// An indicator counted case by case: the definition enumerates the cases of a range of months once, each with the
/// month it counts in; figures are tallies of them, and a month's case list describes the same cases, so the two can
/// never disagree.
/// </summary>
internal abstract class CaseIndicator<T>(Indicator indicator, ReturnSources needs, CaseWindow window, Cohort cohort)
    : NationalIndicator(indicator, needs)
{
    /// <summary>The cases counted in the months of <paramref name="months"/>; cases outside them are ignored.</summary>
    protected abstract IEnumerable<Counted<T>> Count(NationalContext c, MonthRange months);

    /// <summary>The case in words, for the month whose list it is in.</summary>
    protected abstract CaseOutcome Describe(NationalContext c, Month month, Counted<T> counted);

    /// <summary>Whether the month has a figure at all.</summary>
    protected virtual bool HasFigure(NationalContext c, Month month) =>
        (window != CaseWindow.YearEnd || month.Number == 3) && (cohort != Cohort.Population || c.Data.PopulationFor(month) is not null);

    /// <inheritdoc />
    public override IReadOnlyList<IndicatorFigure> Figures(NationalContext context, MonthRange months)
    {
        var scan = window == CaseWindow.TwelveMonths ? new MonthRange(months.From.AddMonths(-11), months.To) : months;
        var numerators = new int[scan.Count];
        var all = new int[scan.Count];
        foreach (var counted in Count(context, scan))
        {
            if (scan.IndexOf(counted.Month) is var i and >= 0)
            {
                all[i]++;
                numerators[i] += counted.InNumerator ? 1 : 0;
            }
        }

        var result = new List<IndicatorFigure>();
        foreach (var month in months)
        {
            if (!HasFigure(context, month))
            {
                continue;
            }

            var last = scan.IndexOf(month);
            var first = window == CaseWindow.TwelveMonths ? last - 11 : last;
            int numerator = 0, cases = 0;
            for (var i = first; i <= last; i++)
            {
                numerator += numerators[i];
                cases += all[i];
            }

            result.Add(new IndicatorFigure(Indicator, month, numerator, Denominator(context, month, cases)));
        }

        return result;
    }

    /// <inheritdoc />
    internal override IndicatorCases? Cases(NationalContext context, Month month)
    {
        if (!HasFigure(context, month))
        {
            return null;
        }

        var scan = window == CaseWindow.TwelveMonths ? MonthRange.TwelveMonthsTo(month) : MonthRange.Single(month);
        var cases = Count(context, scan).Where(x => scan.Contains(x.Month)).Select(x => context.WithHolder(Describe(context, month, x), month.LastDay)).ToList();
        return new IndicatorCases(new IndicatorFigure(Indicator, month, cases.Count(x => x.InNumerator), Denominator(context, month, cases.Count)), cases);
    }

    private decimal Denominator(NationalContext context, Month month, int cases) =>
        cohort == Cohort.Population ? context.Data.PopulationFor(month)!.Value : cases;

    /// <summary>A case in the numerator when <paramref name="inNumerator"/>, counted in <paramref name="month"/>.</summary>
    protected static Counted<T> At(Month month, bool inNumerator, T item) => new(month, inNumerator, item);

    /// <summary>A case for a child with its deciding dates; the holder is added when the list is built.</summary>
    protected static CaseOutcome Case(string childId, bool inNumerator, string reason, params (string, DateOnly)[] dates) => new(childId, inNumerator, reason, dates);
}
