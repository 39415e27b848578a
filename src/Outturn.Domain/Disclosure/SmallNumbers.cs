using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Disclosure;

/// <summary>
/// How small numbers are withheld from anything that leaves the service (members' reports, public papers).
/// </summary>
/// <param name="Threshold">Counts from 1 up to one below this are suppressed. The default, 6, follows the DfE
/// children in need statistics: "any number between 1 and 5 inclusive has been suppressed and replaced by 'c'".
/// Zero is shown: the DfE publishes a zero as submitted.</param>
public sealed record SuppressionPolicy(int Threshold = 6)
{
    /// <summary>The DfE convention: 1 to 5 suppressed.</summary>
    public static readonly SuppressionPolicy Default = new();

    /// <summary>Whether a count must be withheld.</summary>
    public bool IsSmall(decimal count) => count > 0 && count < Threshold;

    /// <summary>Whether a figure must be withheld on its own account: the count behind it or its cohort is small.</summary>
    public bool IsSmall(PeriodValue figure) =>
        (figure.Numerator is { } n && IsSmall(n)) || (figure.Denominator is { } d && IsSmall(d));
}

/// <summary>
/// Applies small-number suppression to a scorecard, consistently and without leaving a way to back-calculate.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Primary: a figure is withheld when the count behind it (its numerator, or the count itself) or its
/// cohort (denominator) is small. A percentage or rate built on a small count is withheld with it.</item>
/// <item>Secondary, for counts that add up (sum aggregation): where a shown total has exactly one withheld part
/// among the parts shown beside it (a quarter and its months, a year to date and its quarters), the next smallest
/// shown part is withheld too, or the total when no other part is shown — the DfE rule of suppressing "the next
/// smallest data item". This repeats until nothing can be derived by subtraction.</item>
/// <item>Whatever is computed from a withheld figure is withheld with it: its RAG and directions of travel.</item>
/// <item>A figure given only as a value, with no numerator, cannot be judged and is shown: give numerators for
/// anything that may be small. <see cref="Unjudged"/> lists such rows so a report can say so.</item>
/// </list>
/// </remarks>
public static class SmallNumbers
{
    /// <summary>Returns the scorecard with small numbers withheld.</summary>
    public static Scorecard Suppress(Scorecard scorecard, SuppressionPolicy policy) =>
        scorecard with { Rows = [.. scorecard.Rows.Select(r => Suppress(r, policy))] };

    /// <summary>Rows holding percentages or rates given without the counts needed to judge them.</summary>
    public static IEnumerable<ScorecardRow> Unjudged(Scorecard scorecard) =>
        scorecard.Rows.Where(r => r.Indicator.Unit is Unit.Percent or Unit.Rate && Figures(r).Any(v => v.Value is not null && v.Numerator is null));

    private static IEnumerable<PeriodValue> Figures(ScorecardRow r) => [.. r.Months, r.Quarter, r.Year, r.PreviousYear, .. r.Trend];

    private static ScorecardRow Suppress(ScorecardRow row, SuppressionPolicy policy)
    {
        PeriodValue Primary(PeriodValue v) =>
            v.Value is not null && policy.IsSmall(v) ? Withhold(v) : v;

        var months = row.Months.Select(Primary).ToArray();
        var quarter = Primary(row.Quarter);
        var year = Primary(row.Year);
        var trend = row.Trend.Select(Primary).ToArray();
        var previousYear = Primary(row.PreviousYear);

        if (row.Indicator.Aggregation == Aggregation.Sum)
        {
            // The shown months that fall in the current quarter, and the shown quarters of the current year.
            var quarterMonths = Enumerable.Range(0, months.Length).Where(i => quarter.Period.Contains(months[i].Period)).ToArray();
            var yearQuarters = Enumerable.Range(0, trend.Length).Where(i => year.Period.Contains(trend[i].Period)).ToArray();
            bool changed;
            do
            {
                changed = Secondary(ref quarter, months, quarterMonths) | Secondary(ref year, trend, yearQuarters);

                // The current quarter appears twice (as Quarter and as the last trend point): keep them alike.
                if (trend[^1].Period == quarter.Period && trend[^1].Suppressed != quarter.Suppressed)
                {
                    trend[^1] = quarter = Withhold(quarter);
                    changed = true;
                }
            }
            while (changed);
        }

        var monthWithheld = months[^1].Suppressed || (row.DirectionMonth is not null && row.Months.Count > 1 && months[^2].Suppressed);
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

    /// <summary>Withholds one more figure where a shown total and its shown parts would reveal a withheld part.</summary>
    private static bool Secondary(ref PeriodValue total, PeriodValue[] parts, int[] indexes)
    {
        if (total.Suppressed || total.Value is null || indexes.Length == 0)
        {
            return false;
        }

        var withheld = indexes.Count(i => parts[i].Suppressed);
        if (withheld != 1)
        {
            return false;
        }

        var candidates = indexes.Where(i => !parts[i].Suppressed && parts[i].Value is not null).OrderBy(i => parts[i].Value).ToList();
        if (candidates.Count > 0)
        {
            parts[candidates[0]] = Withhold(parts[candidates[0]]);
        }
        else
        {
            total = Withhold(total);
        }

        return true;
    }

    private static PeriodValue Withhold(PeriodValue v) => v with { Value = null, Numerator = null, Denominator = null, Suppressed = true };
}
