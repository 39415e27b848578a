using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Tests.Disclosure;

/// <summary>
/// A reader's attack on suppressed figures: every figure of every publication they hold, added and subtracted in
/// every way (all linear combinations, found by elimination), tried against every run of months.
/// </summary>
public class DifferencingTests
{
    private static readonly Indicator Timeliness = new("t", "Timeliness", "A", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);
    private static readonly Indicator Starts = new("s", "Children starting care", "A", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Sum, 0);
    private static readonly Month First = new(2023, 4);
    private const int Months = 24;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void NoSubtractionOfPublishedFiguresRevealsASmallNumber(int seed)
    {
        var input = RandomInput(seed);
        foreach (var publications in new[] { Publications.Monthly, Publications.Quarterly(24) })
        {
            var held = Publish(input, publications, protect: true);

            foreach (var indicator in input.Catalogue)
            {
                Revealed(input, indicator, held[indicator.Id]).ShouldBeEmpty($"{indicator.Id}, publications every {publications.EveryMonths} months");
            }
        }
    }

    [Fact]
    public void TheAttackFindsWhatPrimarySuppressionAloneLeaves()
    {
        // The same attack on figures with only the small ones themselves withheld: it must find them, or it proves nothing.
        var leaks = Enumerable.Range(1, 8).Sum(seed =>
        {
            var input = RandomInput(seed);
            var held = Publish(input, Publications.Monthly, protect: false);
            return input.Catalogue.Sum(i => Revealed(input, i, held[i.Id]).Count);
        });

        leaks.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void TheQuarterLessTheOtherMonthsNoLongerGivesTheWithheldMonth()
    {
        // The example: a quarter of 9/43 with April 7/26 and June shown would give May's 2/17.
        var measures = new[]
        {
            Measure.ForMonth("t", new Month(2025, 4), new Observation(null, 7, 26)),
            Measure.ForMonth("t", new Month(2025, 5), new Observation(null, 2, 17)),
            Measure.ForMonth("t", new Month(2025, 6), new Observation(null, 0, 0)),
        };
        var input = new ScorecardInput([Timeliness], [], measures);

        var row = SmallNumbers.Protect(input, new Month(2025, 6), SuppressionPolicy.Default, Publications.Monthly).Scorecard.Rows.Single();

        row.Months[1].Suppressed.ShouldBeTrue(); // May
        (row.Months[0].Suppressed || row.Quarter.Suppressed).ShouldBeTrue();
        row.Quarter.Suppressed.ShouldBe(row.Year.Suppressed); // the same months: the same figure
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheRunsThatSeparateAFigureAreThoseWithoutWhichItCannotBeWorkedOut(int seed)
    {
        // Separating finds them in one search; leaving each known run out in turn and asking whether the run's two
        // boundaries are still joined (a plain breadth-first search here) is the definition.
        var random = new Random(seed);
        var separated = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var known = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(1, 30) is var from ? new Run(from, from + random.Next(0, 4)) : default).Distinct().ToList();
            var run = random.Next(1, 30) is var f ? new Run(f, f + random.Next(0, 6)) : default;

            var expected = Joined(known, run) ? known.Where(r => !Joined(known.Where(k => k != r), run)).ToHashSet() : [];

            Differencing.Separating(known, run).ShouldBe(expected, ignoreOrder: true, $"seed {seed}, trial {trial}");
            separated += expected.Count > 0 ? 1 : 0;
        }

        separated.ShouldBeGreaterThan(20); // the trials reach figures that hang on one run, not only the empty answer
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheSmallestRunsAreThoseBetweenNeighbouringJoinedBoundaries(int seed)
    {
        // The definition: a run from a + 1 to b is among the smallest when boundaries a and b are joined and no
        // boundary between them is joined to them (each tried here with the breadth-first search).
        var random = new Random(seed);
        var split = 0;
        for (var trial = 0; trial < 200; trial++)
        {
            var known = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(-5, 30) is var from ? new Run(from, from + random.Next(0, 12)) : default).ToList();
            var boundaries = known.SelectMany(r => new[] { r.From - 1, r.To }).Distinct().Order().ToList();
            var expected = (
                from a in boundaries
                from b in boundaries
                where a < b && Joined(known, new Run(a + 1, b))
                    && !boundaries.Any(c => c > a && c < b && Joined(known, new Run(a + 1, c)))
                select new Run(a + 1, b)).ToList();

            Differencing.Smallest(known).ShouldBe(expected, $"seed {seed}, trial {trial}");
            split += expected.Count(r => !known.Contains(r));
        }

        split.ShouldBeGreaterThan(20); // the trials reach runs worked out by subtraction, not only the runs given
    }

    /// <summary>Whether the boundaries of <paramref name="run"/> are joined by <paramref name="known"/> runs (each joins From - 1 to To).</summary>
    private static bool Joined(IEnumerable<Run> known, Run run)
    {
        var edges = known.SelectMany(r => new[] { (r.From - 1, r.To), (r.To, r.From - 1) }).ToLookup(e => e.Item1, e => e.Item2);
        var seen = new HashSet<int> { run.From - 1 };
        var queue = new Queue<int>(seen);
        while (queue.TryDequeue(out var b))
        {
            foreach (var next in edges[b].Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen.Contains(run.To);
    }

    /// <summary>Two indicators over two years of random small monthly figures.</summary>
    private static ScorecardInput RandomInput(int seed)
    {
        var random = new Random(seed);
        var measures = new List<Measure>();
        for (var i = 0; i < Months; i++)
        {
            var month = First.AddMonths(i);
            var cohort = random.Next(0, 16);
            measures.Add(Measure.ForMonth("t", month, new Observation(null, random.Next(0, cohort + 1), cohort)));
            measures.Add(Measure.ForMonth("s", month, new Observation(random.Next(0, 13))));
        }

        return new ScorecardInput([Timeliness, Starts], [], measures);
    }

    /// <summary>Every figure shown by every publication up to the last month, by indicator, with the months it covers.</summary>
    private static Dictionary<string, List<(int From, int To)>> Publish(ScorecardInput input, Publications publications, bool protect)
    {
        var held = input.Catalogue.ToDictionary(i => i.Id, _ => new List<(int, int)>());
        var last = First.AddMonths(Months - 1);
        for (var month = last; month >= First; month = month.AddMonths(-publications.EveryMonths))
        {
            IReadOnlyList<ScorecardRow> rows;
            IReadOnlyDictionary<string, IReadOnlyList<PeriodValue>> series;
            if (protect)
            {
                var published = SmallNumbers.Protect(input, month, SuppressionPolicy.Default, publications);
                (rows, series) = (published.Scorecard.Rows, published.Series);
            }
            else
            {
                rows = [.. ScorecardCalculator.Compute(input, month).Rows.Select(r => r with
                {
                    Months = [.. r.Months.Select(PrimaryOnly)],
                    Quarter = PrimaryOnly(r.Quarter),
                    Year = PrimaryOnly(r.Year),
                    PreviousYear = PrimaryOnly(r.PreviousYear),
                    Trend = [.. r.Trend.Select(PrimaryOnly)],
                })];
                series = new Dictionary<string, IReadOnlyList<PeriodValue>>();
            }

            foreach (var row in rows)
            {
                var shown = row.Months.Concat([row.Quarter, row.Year, row.PreviousYear]).Concat(row.Trend)
                    .Concat(series.TryGetValue(row.Indicator.Id, out var s) ? s : []);
                held[row.Indicator.Id].AddRange(shown.Where(v => v.Value is not null && !v.Suppressed).Select(v => Covers(v.Period, month)));
            }
        }

        return held;
    }

    private static PeriodValue PrimaryOnly(PeriodValue v) =>
        SuppressionPolicy.Default.IsSmall(v) ? v with { Value = null, Numerator = null, Denominator = null, Suppressed = true } : v;

    /// <summary>The months a figure covers as published at <paramref name="month"/>: a quarter or year to date stops there.</summary>
    private static (int From, int To) Covers(Period period, Month month)
    {
        var to = period.LastMonth < month ? period.LastMonth : month;
        return (Index(period.FirstMonth), Index(to));
    }

    private static int Index(Month m) => ((m.Year - First.Year) * 12) + m.Number - First.Number;

    /// <summary>
    /// Every run of months within the data whose figure the reader can compute from <paramref name="held"/> (its
    /// 0/1 vector lies in the span of the held figures' vectors) and whose count, cohort or complement is small.
    /// </summary>
    private static List<(int From, int To)> Revealed(ScorecardInput input, Indicator indicator, List<(int From, int To)> held)
    {
        var counts = new (decimal N, decimal D)[Months];
        foreach (var m in input.Measures.Where(m => m.IndicatorId == indicator.Id && m.Month is not null))
        {
            var o = m.Observation;
            counts[Index(m.Month!.Value)] = (o.Numerator ?? o.Value ?? 0, o.Denominator ?? 0);
        }

        var basis = Basis(held.Distinct().Where(r => r.From >= 0).Select(r => Vector(r.From, Math.Min(r.To, Months - 1))));
        var revealed = new List<(int, int)>();
        for (var from = 0; from < Months; from++)
        {
            for (var to = from; to < Months; to++)
            {
                var n = counts[from..(to + 1)].Sum(c => c.N);
                var d = counts[from..(to + 1)].Sum(c => c.D);
                var small = indicator.Aggregation == Aggregation.Ratio
                    ? SuppressionPolicy.Default.IsSmall(n, d)
                    : SuppressionPolicy.Default.IsSmall(n);
                if (small && InSpan(basis, Vector(from, to)))
                {
                    revealed.Add((from, to));
                }
            }
        }

        return revealed;
    }

    private static double[] Vector(int from, int to) => [.. Enumerable.Range(0, Months).Select(i => i >= from && i <= to ? 1.0 : 0.0)];

    /// <summary>Gaussian elimination: a basis of the held figures' span in reduced row echelon form.</summary>
    private static List<double[]> Basis(IEnumerable<double[]> vectors)
    {
        var basis = new List<double[]>();
        foreach (var v in vectors)
        {
            var r = Reduce(basis, v);
            var pivot = Array.FindIndex(r, x => Math.Abs(x) > 1e-9);
            if (pivot < 0)
            {
                continue;
            }

            var scale = r[pivot];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] /= scale;
            }

            foreach (var b in basis)
            {
                var f = b[pivot];
                for (var i = 0; i < b.Length; i++)
                {
                    b[i] -= f * r[i];
                }
            }

            basis.Add(r);
        }

        return basis;
    }

    private static double[] Reduce(List<double[]> basis, double[] v)
    {
        var r = (double[])v.Clone();
        foreach (var b in basis)
        {
            var pivot = Array.FindIndex(b, x => Math.Abs(x) > 1e-9);
            var f = r[pivot];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] -= f * b[i];
            }
        }

        return r;
    }

    private static bool InSpan(List<double[]> basis, double[] v) => Reduce(basis, v).All(x => Math.Abs(x) < 1e-9);
}
