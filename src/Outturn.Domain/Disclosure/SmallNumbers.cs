using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Disclosure;

/// <summary>A scorecard with small numbers withheld, and the monthly series shown beside it.</summary>
/// <param name="Scorecard">The scorecard as it may leave the service.</param>
/// <param name="Series">Each indicator's monthly figures as shown in a chart (withheld months have no value); empty
/// unless the publication shows a series.</param>
public sealed record ProtectedScorecard(Scorecard Scorecard, IReadOnlyDictionary<string, IReadOnlyList<PeriodValue>> Series);

/// <summary>
/// Applies small-number suppression to a scorecard, consistently and without leaving a way to work a withheld figure
/// out by subtraction.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Primary: a figure is withheld when its count, its cohort or the cohort less the count is small
/// (<see cref="SuppressionPolicy"/>). A percentage or rate built on a small count is withheld with it.</item>
/// <item>Secondary, for figures that add up over months (counts, and ratios whose numerators and denominators add):
/// the reader is taken to hold every figure of this publication (months, quarter to date, year to date, last year,
/// the four quarters, a chart's months) and of every earlier publication of the same kind
/// (<see cref="Publications"/>), and to subtract any of them from any other. While some run of months they could
/// work out that way has a small count, cohort or complement, one more figure of this publication is withheld: the
/// smallest whose loss stops that run being worked out, as the DfE withholds "the next smallest" figure. Earlier
/// publications are as they were produced with the same figures: what they showed is known and cannot be withdrawn.</item>
/// <item>Whatever is computed from a withheld figure is withheld with it: its RAG and directions of travel.</item>
/// <item>A position at a date (snapshot) or an average does not add up over months, so only its own counts are
/// judged. A figure given only as a value, with no counts, cannot be judged and is shown: give counts for anything
/// that may be small. <see cref="Unjudged"/> lists such rows so a report can say so.</item>
/// <item>Rolling twelve-month figures differ month to month by one month in and one out; that difference is not one
/// month's count, so it is not treated as a disclosure here.</item>
/// </list>
/// </remarks>
public static class SmallNumbers
{
    /// <summary>
    /// The scorecard for <paramref name="month"/> with small numbers withheld, allowing for the figures of this
    /// publication and of <paramref name="publications"/> before it.
    /// </summary>
    public static ProtectedScorecard Protect(ScorecardInput input, Month month, SuppressionPolicy policy, Publications publications)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(publications);
        var months = PublicationMonths(input, month, publications);
        // The current scorecard first, on its own: it indexes the input's figures once for all the others.
        var current = ScorecardCalculator.Compute(input, month);
        var scorecards = months[..^1].AsParallel().AsOrdered().Select(m => ScorecardCalculator.Compute(input, m)).Append(current).ToList();

        // Each row is protected on its own (what a reader can work out of one indicator's figures says nothing of
        // another's), so the rows are worked out at once on the cores there are, and kept in their order.
        var monthly = input.Measures.Where(m => m.Month is not null).ToLookup(m => m.IndicatorId, StringComparer.OrdinalIgnoreCase);
        var protectedRows = new (ScorecardRow Row, IReadOnlyList<PeriodValue> Series)[current.Rows.Count];
        try
        {
            Parallel.For(0, current.Rows.Count, i => protectedRows[i] = ProtectRow(input, monthly, months, scorecards, i, policy, publications));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // As if the rows were worked out one by one: a row's own failure, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        var series = new Dictionary<string, IReadOnlyList<PeriodValue>>(StringComparer.OrdinalIgnoreCase);
        if (publications.SeriesMonths > 0)
        {
            foreach (var (row, shown) in protectedRows)
            {
                series[row.Indicator.Id] = shown;
            }
        }

        return new ProtectedScorecard(current with { Rows = [.. protectedRows.Select(r => r.Row)] }, series);
    }

    /// <summary>One row as published, with its series, its small numbers withheld.</summary>
    private static (ScorecardRow Row, IReadOnlyList<PeriodValue> Series) ProtectRow(ScorecardInput input, ILookup<string, Measure> monthly, List<Month> months, List<Scorecard> scorecards, int i, SuppressionPolicy policy, Publications publications)
    {
        var row = scorecards[^1].Rows[i];

        // Each publication's chart is a window on the one monthly series, read once.
        var first = months[0].AddMonths(1 - publications.SeriesMonths);
        var series = publications.SeriesMonths > 0 ? ScorecardCalculator.MonthlySeries(input, row.Indicator, first, months[^1]) : [];
        var published = months.Select((m, p) => Figures(scorecards[p].Rows[i], m, Window(m))).ToList();
        IEnumerable<PeriodValue> Window(Month m) => series.Skip(Number(m) - Number(first) + 1 - publications.SeriesMonths).Take(publications.SeriesMonths);
        var withheld = Withheld(monthly, row.Indicator, published, policy);
        var shown = published[^1].Select(f => withheld(f) ? Withhold(f.Value) : f.Value).ToList();
        return (Row(row, shown), publications.SeriesMonths > 0 ? shown[^publications.SeriesMonths..] : []);
    }

    /// <summary>Rows holding percentages or rates given without the counts needed to judge them.</summary>
    public static IEnumerable<ScorecardRow> Unjudged(Scorecard scorecard) =>
        scorecard.Rows.Where(r => r.Indicator.Unit is Unit.Percent or Unit.Rate && Values(r).Any(v => v.Value is not null && v.Numerator is null));

    private static IEnumerable<PeriodValue> Values(ScorecardRow r) => [.. r.Months, r.Quarter, r.Year, r.PreviousYear, .. r.Trend];

    /// <summary>The months of this publication and the earlier ones, oldest first, back to the first month of data.</summary>
    private static List<Month> PublicationMonths(ScorecardInput input, Month month, Publications publications)
    {
        var first = input.Measures.Select(m => m.Month).OfType<Month>().DefaultIfEmpty(month).Min();
        var result = new List<Month> { month };
        for (var m = month.AddMonths(-publications.EveryMonths); publications.EveryMonths > 0 && m >= first; m = m.AddMonths(-publications.EveryMonths))
        {
            result.Insert(0, m);
        }

        return result;
    }

    /// <summary>A figure as published, with the run of months it covers.</summary>
    private readonly record struct Figure(Run Run, PeriodValue Value);

    /// <summary>
    /// Every figure of one row as published at <paramref name="month"/>, in a fixed order: the three months, quarter,
    /// year, last year, the four quarters, then the <paramref name="series"/> months charted.
    /// </summary>
    private static List<Figure> Figures(ScorecardRow row, Month month, IEnumerable<PeriodValue> series)
    {
        Run Span(Month from, Month to) => new(Number(from), Number(to < month ? to : month));
        Run Of(Period p) => Span(p.FirstMonth, p.LastMonth);
        var figures = new List<Figure>();
        figures.AddRange(row.Months.Select(v => new Figure(Of(v.Period), v)));
        figures.Add(new Figure(Of(row.Quarter.Period), row.Quarter));
        figures.Add(new Figure(Of(row.Year.Period), row.Year));
        figures.Add(new Figure(Of(row.PreviousYear.Period), row.PreviousYear));
        figures.AddRange(row.Trend.Select(v => new Figure(Of(v.Period), v)));
        figures.AddRange(series.Select(v => new Figure(Of(v.Period), v)));

        return figures;
    }

    private static int Number(Month m) => (m.Year * 12) + m.Number;

    /// <summary>Decides, for the last of <paramref name="publications"/>, which figures are withheld.</summary>
    private static Func<Figure, bool> Withheld(ILookup<string, Measure> monthly, Indicator indicator, List<List<Figure>> publications, SuppressionPolicy policy)
    {
        if (indicator.Aggregation is not (Aggregation.Sum or Aggregation.Ratio))
        {
            return f => policy.IsSmall(f.Value);
        }

        // The counts of every month, shown or not, to judge what a reader can work out.
        var counts = monthly[indicator.Id]
            .ToDictionary(
                m => Number(m.Month!.Value),
                m => (Numerator: m.Observation.Numerator ?? (indicator.Unit == Unit.Count ? m.Observation.Value : null), m.Observation.Denominator));
        // Running totals of the counts (and of how many months give each), so that any run's sum is one subtraction.
        var (lo, hi) = counts.Count == 0 ? (0, -1) : (counts.Keys.Min(), counts.Keys.Max());
        var (totalN, totalD, givenN, givenD) = (new decimal[hi - lo + 2], new decimal[hi - lo + 2], new int[hi - lo + 2], new int[hi - lo + 2]);
        for (var m = lo; m <= hi; m++)
        {
            var c = counts.GetValueOrDefault(m);
            var i = m - lo;
            (totalN[i + 1], givenN[i + 1]) = c.Numerator is { } cn ? (totalN[i] + cn, givenN[i] + 1) : (totalN[i], givenN[i]);
            (totalD[i + 1], givenD[i + 1]) = c.Denominator is { } cd ? (totalD[i] + cd, givenD[i] + 1) : (totalD[i], givenD[i]);
        }

        bool Small(Run run)
        {
            var (a, b) = (Math.Max(run.From, lo) - lo, Math.Min(run.To, hi) - lo + 1);
            if (a >= b)
            {
                return false;
            }

            decimal? n = givenN[b] > givenN[a] ? totalN[b] - totalN[a] : null;
            decimal? d = givenD[b] > givenD[a] ? totalD[b] - totalD[a] : null;
            return policy.IsSmall(n, d);
        }

        // A month with no figure adds nothing to a quarter or year, and the reader can see it has none.
        var known = publications.SelectMany(p => p).SelectMany(f => Enumerable.Range(f.Run.From, f.Run.To - f.Run.From + 1))
            .Where(m => !counts.ContainsKey(m)).Select(m => new Run(m, m)).ToHashSet();
        HashSet<Run> withheld = [];
        foreach (var publication in publications)
        {
            var figures = publication.Where(f => f.Value.Value is not null && !known.Contains(f.Run)).ToList();
            withheld = [.. figures.Where(f => policy.IsSmall(f.Value)).Select(f => f.Run)];
            while (true)
            {
                var shown = known.Concat(figures.Select(f => f.Run).Where(r => !withheld.Contains(r))).ToHashSet();
                if (Differencing.Smallest(shown).Where(Small).Select(r => (Run?)r).FirstOrDefault() is not { } leak)
                {
                    known.UnionWith(shown);
                    break;
                }

                var candidates = figures.Where(f => !withheld.Contains(f.Run)).DistinctBy(f => f.Run)
                    .OrderBy(f => f.Value.Numerator ?? f.Value.Value).ThenBy(f => f.Run.To - f.Run.From).ToList();
                var separating = Differencing.Separating(shown, leak);
                var chosen = candidates.Where(f => separating.Contains(f.Run)).Select(f => (Run?)f.Run).FirstOrDefault()
                    ?? candidates.Where(f => f.Run.Overlaps(leak)).Select(f => (Run?)f.Run).FirstOrDefault()
                    ?? candidates.Select(f => (Run?)f.Run).FirstOrDefault()
                    ?? throw new InvalidOperationException("Earlier publications already reveal a small number: they cannot be protected now.");
                withheld.Add(chosen);
            }
        }

        return f => withheld.Contains(f.Run);
    }

    /// <summary>The row with the figures as shown, and nothing computed from a withheld one.</summary>
    private static ScorecardRow Row(ScorecardRow row, List<PeriodValue> shown)
    {
        var n = row.Months.Count;
        var months = shown[..n];
        var (quarter, year, previousYear) = (shown[n], shown[n + 1], shown[n + 2]);
        var trend = shown[(n + 3)..(n + 3 + row.Trend.Count)];
        var monthWithheld = months[^1].Suppressed || (row.DirectionMonth is not null && n > 1 && months[^2].Suppressed);
        return row with
        {
            Months = months,
            Quarter = quarter,
            Year = year,
            Trend = trend,
            PreviousYear = previousYear,
            RagMonth = months[^1].Suppressed ? Rag.None : row.RagMonth,
            RagYear = year.Suppressed ? Rag.None : row.RagYear,
            DirectionMonth = monthWithheld ? null : row.DirectionMonth,
            DirectionYear = year.Suppressed || previousYear.Suppressed ? null : row.DirectionYear,
        };
    }

    private static PeriodValue Withhold(PeriodValue v) => v with { Value = null, Numerator = null, Denominator = null, Suppressed = true };
}
