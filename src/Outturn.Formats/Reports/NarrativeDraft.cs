using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;
using Outturn.Domain.Spc;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Reports;

/// <summary>
/// Drafts "What's working well" and "Areas of challenge and focus" from the scorecard, in the plain style of the
/// seeds ("Improved assessment timeliness to 92.5% …", "… was 80% (target is 86%)").
/// </summary>
/// <remarks>
/// Working well: rated Green for the year to date and not worse than last year, or improving with a special cause
/// in the good direction. Challenge: rated Red or Amber, or worse than last year, or a special cause in the bad
/// direction. Activity indicators (no polarity) and withheld figures are left out of both. The draft is a starting
/// point: officers edit it before publishing.
/// </remarks>
public static class NarrativeDraft
{
    /// <summary>The draft for every area of the scorecard, in scorecard order.</summary>
    public static IReadOnlyList<AreaNarrative> Draft(Scorecard scorecard, IReadOnlyDictionary<string, IndicatorSpc> spc) =>
        [.. scorecard.Areas.Select(area => Area(area.Key, area, spc))];

    private static AreaNarrative Area(string name, IEnumerable<ScorecardRow> rows, IReadOnlyDictionary<string, IndicatorSpc> spc)
    {
        var well = new List<string>();
        var challenges = new List<string>();
        foreach (var row in rows.Where(r => r.Indicator.Polarity != Polarity.None && r.Year.Value is not null))
        {
            var variation = spc.GetValueOrDefault(row.Indicator.Id)?.Chart?.Variation;
            var worse = row.DirectionYear?.Improving == false;
            var concerning = variation == VariationVerdict.SpecialCauseConcerning;
            if (row.RagYear is Rag.Red or Rag.Amber || (worse && row.RagYear != Rag.Green) || concerning)
            {
                challenges.Add(Challenge(row, concerning));
            }
            else if ((row.RagYear == Rag.Green && !worse) || (row.DirectionYear?.Improving == true && variation == VariationVerdict.SpecialCauseImproving))
            {
                well.Add(WorkingWell(row, variation == VariationVerdict.SpecialCauseImproving));
            }
        }

        return new AreaNarrative(name, well, challenges, "");
    }

    private static string WorkingWell(ScorecardRow row, bool sustained)
    {
        var i = row.Indicator;
        var value = Display.Value(row.Year, i);
        var change = row.DirectionYear switch
        {
            { Direction: Direction.Level } => $"maintained at {value}",
            { Improving: true, Direction: Direction.Up } => $"increased to {value}, from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}",
            { Improving: true, Direction: Direction.Down } => $"reduced to {value}, from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}",
            _ => $"{value}",
        };
        var text = $"{i.Name}: {change}";
        text += TargetPhrase(row);
        text += BenchmarkPhrase(row);
        if (sustained)
        {
            text += "; the monthly figures show a sustained improvement, not chance variation";
        }

        return text + ".";
    }

    private static string Challenge(ScorecardRow row, bool concerning)
    {
        var i = row.Indicator;
        var text = $"{i.Name} was {Display.Value(row.Year, i)}";
        if (row.Target is { } t)
        {
            text += $" (target is {Display.Threshold(t.Green, i)})";
        }

        if (row.DirectionYear is { Improving: false })
        {
            text += $", {(row.DirectionYear.Value.Direction == Direction.Up ? "up" : "down")} from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}";
        }
        else if (row.DirectionYear is { Improving: true })
        {
            text += $", improving from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}";
        }

        text += BenchmarkPhrase(row);
        if (concerning)
        {
            text += "; the monthly figures show a deterioration beyond chance variation";
        }

        return text + ".";
    }

    private static string TargetPhrase(ScorecardRow row) => row.Target is { } t
        ? $", {(row.RagYear == Rag.Green ? "meeting" : "short of")} the target of {Display.Threshold(t.Green, row.Indicator)}"
        : "";

    /// <summary>", below the statistical neighbour (229.0) and national (187.1) averages", as the seeds say it.</summary>
    private static string BenchmarkPhrase(ScorecardRow row)
    {
        if (row.Benchmarks is not { } b || row.Year.Value is not { } v)
        {
            return "";
        }

        var i = row.Indicator;
        var shown = i.Round(v);
        var parts = new List<(string Side, string What)>();
        if (b.StatNeighbourAverage is { } sn)
        {
            parts.Add((Side(shown, i.Round(sn)), $"statistical neighbour ({Display.Value(sn, i)})"));
        }

        if (b.National is { } nat)
        {
            parts.Add((Side(shown, i.Round(nat)), $"national ({Display.Value(nat, i)})"));
        }

        if (parts.Count == 0)
        {
            return "";
        }

        var groups = parts.GroupBy(p => p.Side).Select(g => $"{g.Key} the {string.Join(" and ", g.Select(p => p.What))} average{(g.Count() > 1 ? "s" : "")}");
        return $", {string.Join(", and ", groups)} ({Display.YearHeading(b.Year)})";
    }

    private static string Side(decimal value, decimal benchmark) => value > benchmark ? "above" : value < benchmark ? "below" : "in line with";
}
