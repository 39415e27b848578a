using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Spc;

/// <summary>
/// Builds XmR charts and applies the NHS "Making Data Count" rules and verdicts to an indicator's monthly series.
/// </summary>
/// <remarks>
/// Limits are mean ± 2.66 × the average moving range (2.66 = 3 / 1.128, the d2 constant for ranges of two).
/// A point exactly on the mean breaks a shift; an unchanged value breaks a trend. The variation verdict is read
/// at the latest point, as the NHS variation icons are; where rules at that point disagree in direction
/// (possible only when a trend crosses the mean), the beyond-limits rule wins, then the shift, then the trend.
/// </remarks>
public static class Xmr
{
    /// <summary>2.66: three sigma expressed in average moving ranges.</summary>
    public const decimal LimitFactor = 2.66m;

    /// <summary>The chart, or null when there are fewer than two points (no moving range).</summary>
    /// <param name="series">The points in time order: each must be a figure of its own period, not a rolling sum
    /// over several (<see cref="Indicators.Indicator.IsRolling"/>), whose overlapping points would signal by construction.</param>
    /// <param name="polarity">Which way is good, for the verdicts.</param>
    /// <param name="target">The target the assurance verdict judges.</param>
    /// <param name="options">Rule lengths.</param>
    /// <param name="unit">The unit: the process limits of a percentage stay within 0% and 100%, and those of a count,
    /// rate or duration at 0 or above, as Making Data Count draws them (a limit past what the measure can be says nothing).</param>
    public static XmrChart? Compute(IReadOnlyList<(Period Period, decimal Value)> series, Polarity polarity, decimal? target = null, SpcOptions? options = null, Unit? unit = null)
    {
        options ??= SpcOptions.Default;
        if (series.Count < 2)
        {
            return null;
        }

        var values = series.Select(s => s.Value).ToArray();
        var ranges = values.Skip(1).Select((v, i) => Math.Abs(v - values[i])).ToArray();
        var mean = values.Average();
        var averageRange = ranges.Average();
        var upper = mean + (LimitFactor * averageRange);
        var lower = mean - (LimitFactor * averageRange);
        if (unit is not null)
        {
            lower = Math.Max(lower, 0m);
            upper = unit == Unit.Percent ? Math.Min(upper, 100m) : upper;
        }

        var rules = values.Select(_ => new Dictionary<SpcRule, SpcSide>()).ToArray();
        MarkOutside(values, upper, lower, rules);
        MarkShift(values, mean, options.ShiftLength, rules);
        MarkTrend(values, options.TrendLength, rules);
        var twoSigma = LimitFactor * averageRange * 2m / 3m;
        MarkTwoOfThree(values, mean + twoSigma, mean - twoSigma, rules);

        var points = series.Select((s, i) => new SpcPoint(s.Period, s.Value, i == 0 ? null : ranges[i - 1], rules[i].Keys.ToHashSet(), SideOf(rules[i]))).ToList();
        return new XmrChart(mean, averageRange, upper, lower, points, Variation(points[^1].Side, polarity), Assurance(polarity, target, upper, lower),
            target, series.Count >= options.MinimumPoints);
    }

    private static void MarkOutside(decimal[] values, decimal upper, decimal lower, Dictionary<SpcRule, SpcSide>[] rules)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > upper)
            {
                rules[i][SpcRule.OutsideLimits] = SpcSide.High;
            }
            else if (values[i] < lower)
            {
                rules[i][SpcRule.OutsideLimits] = SpcSide.Low;
            }
        }
    }

    private static void MarkShift(decimal[] values, decimal mean, int length, Dictionary<SpcRule, SpcSide>[] rules) =>
        MarkRuns(values.Select(v => v > mean ? SpcSide.High : v < mean ? SpcSide.Low : SpcSide.None).ToArray(), 0, length, SpcRule.Shift, rules);

    private static void MarkTrend(decimal[] values, int length, Dictionary<SpcRule, SpcSide>[] rules)
    {
        // Step i is the change from point i to i+1; a trend of n points is n-1 steps the same way.
        var steps = values.Skip(1).Select((v, i) => v > values[i] ? SpcSide.High : v < values[i] ? SpcSide.Low : SpcSide.None).ToArray();
        MarkRuns(steps, 1, length - 1, SpcRule.Trend, rules);
    }

    /// <summary>Marks every point of each run of at least <paramref name="length"/> equal sides; a step run covers one extra point.</summary>
    private static void MarkRuns(SpcSide[] sides, int extra, int length, SpcRule rule, Dictionary<SpcRule, SpcSide>[] rules)
    {
        var start = 0;
        for (var i = 1; i <= sides.Length; i++)
        {
            if (i < sides.Length && sides[i] == sides[start])
            {
                continue;
            }

            if (sides[start] != SpcSide.None && i - start >= length)
            {
                for (var p = start; p < i + extra; p++)
                {
                    rules[p].TryAdd(rule, sides[start]);
                }
            }

            start = i;
        }
    }

    private static void MarkTwoOfThree(decimal[] values, decimal upperWarning, decimal lowerWarning, Dictionary<SpcRule, SpcSide>[] rules)
    {
        for (var i = 0; i + 2 < values.Length; i++)
        {
            foreach (var side in new[] { SpcSide.High, SpcSide.Low })
            {
                bool Near(decimal v) => side == SpcSide.High ? v > upperWarning : v < lowerWarning;
                var window = Enumerable.Range(i, 3).Where(p => Near(values[p])).ToList();
                if (window.Count >= 2)
                {
                    foreach (var p in window)
                    {
                        rules[p].TryAdd(SpcRule.TwoOfThreeNearLimit, side);
                    }
                }
            }
        }
    }

    private static SpcSide SideOf(Dictionary<SpcRule, SpcSide> rules)
    {
        foreach (var rule in new[] { SpcRule.OutsideLimits, SpcRule.Shift, SpcRule.Trend, SpcRule.TwoOfThreeNearLimit })
        {
            if (rules.TryGetValue(rule, out var side))
            {
                return side;
            }
        }

        return SpcSide.None;
    }

    private static VariationVerdict Variation(SpcSide side, Polarity polarity) => (side, polarity) switch
    {
        (SpcSide.None, _) => VariationVerdict.CommonCause,
        (SpcSide.High, Polarity.High) or (SpcSide.Low, Polarity.Low) => VariationVerdict.SpecialCauseImproving,
        (SpcSide.High, Polarity.Low) or (SpcSide.Low, Polarity.High) => VariationVerdict.SpecialCauseConcerning,
        (SpcSide.High, _) => VariationVerdict.SpecialCauseHigh,
        _ => VariationVerdict.SpecialCauseLow,
    };

    private static AssuranceVerdict Assurance(Polarity polarity, decimal? target, decimal upper, decimal lower) => (polarity, target) switch
    {
        (Polarity.None, _) or (_, null) => AssuranceVerdict.NotApplicable,
        (Polarity.High, { } t) when t <= lower => AssuranceVerdict.ReliablyMet,
        (Polarity.High, { } t) when t > upper => AssuranceVerdict.ReliablyMissed,
        (Polarity.Low, { } t) when t > upper => AssuranceVerdict.ReliablyMet,
        (Polarity.Low, { } t) when t <= lower => AssuranceVerdict.ReliablyMissed,
        _ => AssuranceVerdict.HitAndMiss,
    };
}
