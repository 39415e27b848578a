using System.Runtime.CompilerServices;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Scorecards;

/// <summary>Computes the monthly scorecard from catalogue, targets, figures and benchmarks.</summary>
/// <remarks>
/// Choices made here, where the seeds leave room:
/// <list type="bullet">
/// <item>Quarter and year to date run up to the scorecard month; a year figure given directly is used as the outturn
/// only once its year is complete (the scorecard month is March or later).</item>
/// <item>Direction of travel compares values rounded to the displayed precision, so two figures that read the same
/// are "level"; month on month compares with the month before (April with March), year on year compares the year to
/// date with the previous year's outturn, as the seed's "YR ON YR PERFORMANCE" columns do.</item>
/// <item>RAG judges the rounded value, so what a reader sees agrees with its colour.</item>
/// <item>A snapshot indicator with its last month missing has no quarter or year value: an earlier month is not
/// passed off as the period's position.</item>
/// </list>
/// </remarks>
public static class ScorecardCalculator
{
    /// <summary>Computes the scorecard as at the end of <paramref name="month"/>.</summary>
    public static Scorecard Compute(ScorecardInput input, Month month)
    {
        ArgumentNullException.ThrowIfNull(input);
        var year = month.FinancialYear;

        var rows = input.Catalogue
            .GroupBy(i => i.Area)
            .SelectMany(area => area)
            .Select(indicator => ComputeRow(
                indicator,
                SeriesOf(input, indicator.Id),
                input.Targets.FirstOrDefault(t => Same(t.IndicatorId, indicator.Id) && t.Year == year)?.Thresholds,
                input.Benchmarks.Where(b => Same(b.IndicatorId, indicator.Id) && b.Year <= year).MaxBy(b => b.Year),
                month))
            .ToList();
        return new Scorecard(month, rows);
    }

    /// <summary>
    /// An indicator's monthly figures from <paramref name="from"/> to <paramref name="to"/> inclusive, with the counts
    /// behind each; months with no figure have a null value. This is the series statistical process control reads.
    /// </summary>
    public static IReadOnlyList<PeriodValue> MonthlySeries(ScorecardInput input, Indicator indicator, Month from, Month to)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(indicator);
        var series = SeriesOf(input, indicator.Id);
        var result = new List<PeriodValue>();
        for (var m = from; m <= to; m = m.Next())
        {
            result.Add(series.MonthValue(indicator, m));
        }

        return result;
    }

    private static ScorecardRow ComputeRow(Indicator indicator, Series s, Thresholds? target, Benchmark? benchmark, Month month)
    {
        var periods = ScorecardPeriods.For(month);
        var year = periods.Year;
        var monthValue = s.MonthValue(indicator, month);
        var yearValue = s.YearToDate(indicator, month);
        var previousYear = s.YearToDate(indicator, periods.PreviousYear.LastMonth);

        return new ScorecardRow
        {
            Indicator = indicator,
            Months = [.. periods.Months.Select(m => s.MonthValue(indicator, m))],
            Quarter = s.QuarterToDate(indicator, periods.Quarter, month),
            Year = yearValue,
            DirectionMonth = Travel(indicator, monthValue.Value, s.MonthValue(indicator, month.Previous()).Value),
            DirectionYear = Travel(indicator, yearValue.Value, previousYear.Value),
            RagMonth = Rate(indicator, target, monthValue.Value),
            RagYear = Rate(indicator, target, yearValue.Value),
            Target = target,
            PreviousYear = previousYear,
            Trend = [.. periods.Trend.Select(q => s.QuarterToDate(indicator, q, month))],
            Benchmarks = benchmark,
            MissingMonths = [.. year.Months().Where(m => m <= month && !s.Months.ContainsKey(m))],
        };
    }

    /// <summary>The direction from <paramref name="previous"/> to <paramref name="current"/> at displayed precision.</summary>
    public static Travel? Travel(Indicator indicator, decimal? current, decimal? previous)
    {
        if (current is not { } c || previous is not { } p)
        {
            return null;
        }

        var direction = indicator.Round(c).CompareTo(indicator.Round(p)) switch
        {
            > 0 => Direction.Up,
            < 0 => Direction.Down,
            _ => Direction.Level,
        };
        bool? improving = (indicator.Polarity, direction) switch
        {
            (_, Direction.Level) or (Polarity.None, _) => null,
            (Polarity.High, Direction.Up) or (Polarity.Low, Direction.Down) => true,
            _ => false,
        };
        return new Travel(direction, improving);
    }

    /// <summary>The RAG of a value at displayed precision; none without a value, a target or a polarity.</summary>
    public static Rag Rate(Indicator indicator, Thresholds? target, decimal? value) =>
        value is { } v && target is not null && indicator.Polarity != Polarity.None
            ? target.Rate(indicator.Round(v))
            : Rag.None;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An input's figures by indicator, built once per input the first time it is asked (the input cannot change), so a
    /// publication's many scorecards and series (<see cref="Disclosure.SmallNumbers"/>) do not regroup every figure.
    /// </summary>
    private static readonly ConditionalWeakTable<ScorecardInput, Dictionary<string, Series>> Indexes = new();

    private static Series SeriesOf(ScorecardInput input, string indicatorId) =>
        Indexes.GetValue(input, i => i.Measures
                .GroupBy(m => m.IndicatorId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => new Series(g), StringComparer.OrdinalIgnoreCase))
            .GetValueOrDefault(indicatorId) ?? Series.Empty;

    /// <summary>One indicator's figures, by month and by whole year.</summary>
    private sealed class Series
    {
        public static readonly Series Empty = new([]);

        public Series(IEnumerable<Measure> measures)
        {
            foreach (var m in measures)
            {
                if (m.Month is { } month)
                {
                    Months[month] = m.Observation;
                }
                else
                {
                    Years[m.Year] = m.Observation;
                }
            }
        }

        public Dictionary<Month, Observation> Months { get; } = [];

        public Dictionary<FinancialYear, Observation> Years { get; } = [];

        public PeriodValue MonthValue(Indicator indicator, Month month) =>
            Months.TryGetValue(month, out var o) ? Counted(month, indicator, o) : new PeriodValue(month, null);

        public PeriodValue QuarterToDate(Indicator indicator, Quarter quarter, Month upTo) =>
            Aggregate(indicator, quarter, [.. quarter.Months().Where(m => m <= upTo)]);

        public PeriodValue YearToDate(Indicator indicator, Month upTo)
        {
            var year = upTo.FinancialYear;
            if (upTo == year.LastMonth && Years.TryGetValue(year, out var outturn))
            {
                return Counted(year, indicator, outturn);
            }

            return Aggregate(indicator, year, [.. year.Months().Where(m => m <= upTo)]);
        }

        /// <summary>A figure with the counts behind it: its numerator and denominator, or the value itself for a count.</summary>
        private static PeriodValue Counted(Period period, Indicator indicator, Observation o) =>
            new(period, o.ValueAt(indicator.Scale), o.Numerator ?? (indicator.Unit == Unit.Count ? o.Value : null), o.Denominator);

        private PeriodValue Aggregate(Indicator indicator, Period period, IReadOnlyList<Month> months)
        {
            if (months.Count == 0)
            {
                return new PeriodValue(period, null);
            }

            var held = months.Where(Months.ContainsKey).Select(m => Months[m]).ToList();
            switch (indicator.Aggregation)
            {
                case Aggregation.Snapshot:
                    return MonthValue(indicator, months[^1]) with { Period = period };
                case Aggregation.Ratio:
                    var ratios = held.Where(o => o.HasRatio).ToList();
                    var numerator = ratios.Sum(o => o.Numerator!.Value);
                    var denominator = ratios.Sum(o => o.Denominator!.Value);
                    return ratios.Count == 0
                        ? new PeriodValue(period, null)
                        : new PeriodValue(period, denominator > 0 ? numerator * indicator.Scale / denominator : null, numerator, denominator);
                case Aggregation.Sum:
                    var values = held.Select(o => o.ValueAt(indicator.Scale)).OfType<decimal>().ToList();
                    return values.Count > 0
                        ? new PeriodValue(period, values.Sum(), indicator.Unit == Unit.Count ? values.Sum() : null)
                        : new PeriodValue(period, null);
                case Aggregation.Mean:
                    var means = held.Select(o => o.ValueAt(indicator.Scale)).OfType<decimal>().ToList();
                    return new PeriodValue(period, means.Count > 0 ? means.Average() : null);
                default:
                    throw new InvalidOperationException($"Unknown aggregation {indicator.Aggregation}.");
            }
        }
    }
}
