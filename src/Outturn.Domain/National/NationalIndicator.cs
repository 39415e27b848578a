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
/// <para><see cref="Figures"/> counts every month of a range in one pass over the records and returns numbers only;
/// <see cref="YearFigure"/> gives the DfE's annual figure for a financial year. The cases behind a figure are reached
/// through <see cref="Cases"/>, which only <c>Outturn.App</c> calls, after writing the access log.</para>
/// <para>A month's figure counts what the definition says for the month: flows count the events in it (or in the 12
/// months to its end, for rates over a year); positions are taken at its last day. A year's figure is the DfE's:
/// flows over April to March, positions and yearly returns at 31 March, rates over the year.</para>
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

    /// <summary>The returns the figure is computed from: with any of them not given, the indicator has no figure.</summary>
    public ReturnSources Needs { get; }

    /// <summary>The returns this indicator needs that the data does not hold; <see cref="ReturnSources.None"/> when it has them all.</summary>
    public ReturnSources MissingFrom(NationalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Needs & ~context.Data.Supplied;
    }

    /// <summary>
    /// The figure for each month of <paramref name="months"/> that has one, in month order; none when a return it
    /// needs was not given (see <see cref="MissingFrom"/>), and a month has none for a yearly return outside March or
    /// a caseload before the allocations begin.
    /// </summary>
    public IReadOnlyList<IndicatorFigure> Figures(NationalContext context, MonthRange months) =>
        MissingFrom(context) == ReturnSources.None ? CountMonths(context, months) : [];

    /// <summary>The figure for a financial year, as the DfE counts it, or null when there is none.</summary>
    public IndicatorFigure? YearFigure(NationalContext context, FinancialYear year) =>
        MissingFrom(context) == ReturnSources.None ? CountYear(context, year) : null;

    /// <summary>The figure for a month or a year.</summary>
    public IndicatorFigure? Figure(NationalContext context, Period period) =>
        period.AsMonth() is { } month ? Figures(context, MonthRange.Single(month)).SingleOrDefault() : YearFigure(context, period.FinancialYear);

    /// <summary>The cases behind a month's or a year's figure, or null when it has no figure.</summary>
    internal IndicatorCases? Cases(NationalContext context, Period period) =>
        MissingFrom(context) == ReturnSources.None ? ListCases(context, period) : null;

    /// <summary>
    /// The cases behind the figure of each month of <paramref name="months"/> that has one, in month order: the same
    /// lists <see cref="Cases"/> gives month by month, counted in one pass over the records.
    /// </summary>
    internal IReadOnlyList<IndicatorCases> CasesOver(NationalContext context, MonthRange months) =>
        MissingFrom(context) == ReturnSources.None ? ListCasesOver(context, months) : [];

    /// <summary>
    /// A figure split by the team or the worker holding each case, unallocated cases last: each group's numerator
    /// over its cohort. Only counts leave: no child is named.
    /// </summary>
    public IReadOnlyList<CaseGroup> ByHolder(IndicatorCases cases, bool byTeam)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Cases.GroupBy(c => (byTeam ? c.Team : c.Worker) ?? CaseGroup.NotAllocated)
            .OrderBy(g => g.Key == CaseGroup.NotAllocated).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Group(g.Key, [.. g], cases.Figure))];
    }

    /// <inheritdoc />
    public override string ToString() => Id;

    private protected abstract IReadOnlyList<IndicatorFigure> CountMonths(NationalContext context, MonthRange months);

    private protected abstract IndicatorFigure? CountYear(NationalContext context, FinancialYear year);

    private protected abstract IndicatorCases? ListCases(NationalContext context, Period period);

    /// <summary>Each month's cases; by default month by month.</summary>
    private protected virtual IReadOnlyList<IndicatorCases> ListCasesOver(NationalContext context, MonthRange months) =>
        [.. months.Select(m => ListCases(context, m)).OfType<IndicatorCases>()];

    /// <summary>One group's figure from its cases: those in the numerator over all of them.</summary>
    private protected virtual CaseGroup Group(string name, IReadOnlyList<CaseOutcome> cases, IndicatorFigure figure) => new(name, cases.Count(c => c.InNumerator), cases.Count);
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

    /// <summary>Nothing: the figure is the count of the cases.</summary>
    Count,
}

/// <summary>Which of a child's cases in a figure's period stands for the child, when a child counts once.</summary>
internal enum OncePerChild
{
    /// <summary>Every case counts: a child with two referrals counts twice.</summary>
    No,

    /// <summary>The child counts once, by the first case in the period (the first start of a period of care).</summary>
    First,

    /// <summary>The child counts once, by the last case in the period (the last cessation).</summary>
    Last,
}

/// <summary>A case counted in a month, in the numerator or not.</summary>
/// <typeparam name="T">What the definition needs to describe the case later.</typeparam>
internal readonly record struct Counted<T>(Month Month, bool InNumerator, T Item);

/// <summary>
/// An indicator counted case by case: the definition enumerates the cases of a range of months once, each with the
/// month it counts in; figures are tallies of them, and a period's case list describes the same cases, so the two can
/// never disagree.
/// </summary>
internal abstract class CaseIndicator<T>(Indicator indicator, ReturnSources needs, CaseWindow window, Cohort cohort, OncePerChild once = OncePerChild.No)
    : NationalIndicator(window == CaseWindow.TwelveMonths ? indicator with { RollingMonths = 12 } : indicator, needs)
{
    /// <summary>The cases counted in the months of <paramref name="months"/>; cases outside them are ignored.</summary>
    protected abstract IEnumerable<Counted<T>> Count(NationalContext c, MonthRange months);

    /// <summary>The case in words, for the period whose list it is in, described as at <paramref name="asAt"/>.</summary>
    protected abstract CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<T> counted);

    /// <summary>The child a case is about, for indicators that count each child once.</summary>
    protected virtual string ChildOf(T item) => throw new NotSupportedException($"{Id} counts every case.");

    /// <summary>
    /// How many months before an event the definition looks back (a re-referral's 12 months); a figure whose look-back
    /// reaches before the first CIN census given is flagged as lacking history.
    /// </summary>
    protected virtual int HistoryMonths => 0;

    /// <summary>Whether the month has a figure at all, given the returns it needs.</summary>
    protected virtual bool HasFigure(NationalContext c, Month month) =>
        (window != CaseWindow.YearEnd || month.Number == 3) && (cohort != Cohort.Population || c.Data.PopulationFor(month) is not null);

    /// <summary>
    /// The days a figure counted over the months <paramref name="counted"/> covers: a position (a snapshot that does
    /// not reach back over months) its last day; a flow its months.
    /// </summary>
    protected virtual (DateOnly From, DateOnly To) Covers(MonthRange counted) =>
        window != CaseWindow.TwelveMonths && Indicator.Aggregation == Aggregation.Snapshot
            ? (counted.To.LastDay, counted.To.LastDay)
            : (counted.From.FirstDay, counted.To.LastDay);

    /// <summary>Whether a year's figure is its March figure: positions, rates over 12 months and yearly returns.</summary>
    private bool YearIsMarch => window != CaseWindow.Month || Indicator.Aggregation == Aggregation.Snapshot;

    private protected override IReadOnlyList<IndicatorFigure> CountMonths(NationalContext context, MonthRange months)
    {
        var scan = window == CaseWindow.TwelveMonths ? new MonthRange(months.From.AddMonths(-11), months.To) : months;
        if (once == OncePerChild.No)
        {
            return CountEveryCase(context, months, scan);
        }

        var buckets = new List<Counted<T>>?[scan.Count];
        foreach (var counted in Count(context, scan))
        {
            if (scan.IndexOf(counted.Month) is var i and >= 0)
            {
                (buckets[i] ??= []).Add(counted);
            }
        }

        return [.. Windows(context, months, scan).Select(w =>
            Tally(context, w.Month, Window(w.Month), Once(Enumerable.Range(w.First, w.Last - w.First + 1).SelectMany(i => buckets[i] ?? []))))];
    }

    /// <summary>
    /// <see cref="CountMonths"/> where every case counts: each month's cases tallied as they are counted, never kept,
    /// and a window of months the sum of its months' tallies.
    /// </summary>
    private List<IndicatorFigure> CountEveryCase(NationalContext context, MonthRange months, MonthRange scan)
    {
        var numerators = new int[scan.Count];
        var cases = new int[scan.Count];
        foreach (var counted in Count(context, scan))
        {
            if (scan.IndexOf(counted.Month) is var i and >= 0)
            {
                cases[i]++;
                numerators[i] += counted.InNumerator ? 1 : 0;
            }
        }

        var result = new List<IndicatorFigure>();
        foreach (var (month, first, last) in Windows(context, months, scan))
        {
            int numerator = 0, all = 0;
            for (var i = first; i <= last; i++)
            {
                numerator += numerators[i];
                all += cases[i];
            }

            result.Add(Tally(context, month, Window(month), numerator, all));
        }

        return result;
    }

    private protected override IndicatorFigure? CountYear(NationalContext context, FinancialYear year)
    {
        if (YearIsMarch)
        {
            return CountMonths(context, MonthRange.Single(year.LastMonth)) is [var march] ? march with { Period = year } : null;
        }

        var months = MonthRange.Of(year);
        return months.Any(m => HasFigure(context, m))
            ? Tally(context, year, months, Once(Count(context, months).Where(x => months.Contains(x.Month))))
            : null;
    }

    /// <summary>
    /// One group's figure in the unit of the authority's: a rate per 10,000 children is the group's cases over the
    /// authority's population (a team holds no population of its own), so the groups add up to the figure; a count
    /// is the group's count. Anything else is the group's cases in the numerator over its cases.
    /// </summary>
    private protected override CaseGroup Group(string name, IReadOnlyList<CaseOutcome> cases, IndicatorFigure figure) => cohort switch
    {
        Cohort.Population => new(name, cases.Count(c => c.InNumerator), figure.Denominator),
        Cohort.Count => new(name, cases.Count(c => c.InNumerator), 1),
        _ => base.Group(name, cases, figure),
    };

    private protected override IndicatorCases? ListCases(NationalContext context, Period period)
    {
        var month = period.LastMonth;
        var byYear = period.AsYear() is not null && !YearIsMarch;
        if (byYear ? !MonthRange.Of(period.FinancialYear).Any(m => HasFigure(context, m)) : !HasFigure(context, month))
        {
            return null;
        }

        var scan = byYear ? MonthRange.Of(period.FinancialYear) : Window(month);
        var counted = Once(Count(context, scan).Where(x => scan.Contains(x.Month))).ToList();
        var cases = counted.Select(x => context.WithHolder(Describe(context, month.LastDay, x), month.LastDay)).ToList();
        return new IndicatorCases(Tally(context, byYear ? period : month, scan, counted) with { Period = period }, cases);
    }

    private protected override IReadOnlyList<IndicatorCases> ListCasesOver(NationalContext context, MonthRange months)
    {
        // One pass, as CountMonths counts: each case in the bucket of its month, with its place in the records, so a
        // window of months lists its cases in the order ListCases gives them.
        var scan = window == CaseWindow.TwelveMonths ? new MonthRange(months.From.AddMonths(-11), months.To) : months;
        var buckets = new List<(int Order, Counted<T> Case)>?[scan.Count];
        var order = 0;
        foreach (var counted in Count(context, scan))
        {
            if (scan.IndexOf(counted.Month) is var i and >= 0)
            {
                (buckets[i] ??= []).Add((order, counted));
            }

            order++;
        }

        var result = new List<IndicatorCases>();
        foreach (var (month, first, last) in Windows(context, months, scan))
        {
            var inWindow = Enumerable.Range(first, last - first + 1).SelectMany(i => buckets[i] ?? []);
            var counted = Once((first == last ? inWindow : inWindow.OrderBy(x => x.Order)).Select(x => x.Case)).ToList();
            var cases = counted.Select(x => context.WithHolder(Describe(context, month.LastDay, x), month.LastDay)).ToList();
            result.Add(new IndicatorCases(Tally(context, month, Window(month), counted), cases));
        }

        return result;
    }

    /// <summary>
    /// The months of <paramref name="months"/> that have a figure, each with the places in <paramref name="scan"/> of
    /// the first and last months it counts.
    /// </summary>
    private IEnumerable<(Month Month, int First, int Last)> Windows(NationalContext context, MonthRange months, MonthRange scan)
    {
        foreach (var month in months)
        {
            if (HasFigure(context, month))
            {
                var last = scan.IndexOf(month);
                yield return (month, window == CaseWindow.TwelveMonths ? last - 11 : last, last);
            }
        }
    }

    /// <summary>The months a month's figure counts.</summary>
    private MonthRange Window(Month month) => window == CaseWindow.TwelveMonths ? MonthRange.TwelveMonthsTo(month) : MonthRange.Single(month);

    /// <summary>The cases, each child once where the definition counts children.</summary>
    private IEnumerable<Counted<T>> Once(IEnumerable<Counted<T>> cases) => once switch
    {
        OncePerChild.First => cases.GroupBy(x => ChildOf(x.Item), StringComparer.Ordinal).Select(g => g.MinBy(x => x.Month)),
        OncePerChild.Last => cases.GroupBy(x => ChildOf(x.Item), StringComparer.Ordinal).Select(g => g.MaxBy(x => x.Month)),
        _ => cases,
    };

    private IndicatorFigure Tally(NationalContext context, Period period, MonthRange counted, IEnumerable<Counted<T>> cases)
    {
        int numerator = 0, all = 0;
        foreach (var x in cases)
        {
            all++;
            numerator += x.InNumerator ? 1 : 0;
        }

        return Tally(context, period, counted, numerator, all);
    }

    private IndicatorFigure Tally(NationalContext context, Period period, MonthRange counted, int numerator, int all)
    {
        var (coverFrom, coverTo) = Covers(counted);
        var denominator = cohort switch
        {
            Cohort.Population => context.Data.PopulationFor(period.LastMonth)!.Value,
            Cohort.Count => 1m,
            _ => all,
        };
        var from = counted.From.FirstDay.AddMonths(-HistoryMonths);
        return new IndicatorFigure(Indicator, period, numerator, denominator)
        {
            From = coverFrom,
            To = coverTo,
            HistoryFrom = HistoryMonths > 0 && context.Data.CinFrom is { } start && from < start ? start : null,
        };
    }

    /// <summary>A case in the numerator when <paramref name="inNumerator"/>, counted in <paramref name="month"/>.</summary>
    protected static Counted<T> At(Month month, bool inNumerator, T item) => new(month, inNumerator, item);

    /// <summary>A case for a child with its deciding dates; the holder is added when the list is built.</summary>
    protected static CaseOutcome Case(string childId, bool inNumerator, string reason, params (string, DateOnly)[] dates) => new(childId, inNumerator, reason, dates);
}
