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
/// in the good direction. Challenge: rated Red or Amber, or worse than last year with no target, or a special cause
/// in the bad direction. Activity indicators (no polarity) and withheld figures are left out of both. Every sentence
/// says what the RAG and the polarity say, in words that cannot be read the other way: "meeting the target (under
/// 9%)", "short of the target (86% or more) and outside the tolerance", "improved from", "worsened from"; never a bare
/// "(target is 9%)" or "up from", which leave the reader to work out whether that is good. The draft is a starting
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
            var improving = variation == VariationVerdict.SpecialCauseImproving;
            if (row.RagYear is Rag.Red or Rag.Amber || (worse && row.RagYear == Rag.None) || concerning)
            {
                challenges.Add(Sentence(row, concerning ? "; the monthly figures show a deterioration beyond chance variation" : ""));
            }
            else if ((row.RagYear == Rag.Green && !worse) || (row.DirectionYear?.Improving == true && improving))
            {
                well.Add(Sentence(row, improving ? "; the monthly figures show a sustained improvement, not chance variation" : ""));
            }
        }

        return new AreaNarrative(name, well, challenges, "");
    }

    /// <summary>"Name: 92.5% for 2024/25 to date, meeting the target (90% or more), improved from 88.2% in 2023/24, …".</summary>
    private static string Sentence(ScorecardRow row, string variation)
    {
        var i = row.Indicator;
        var text = $"{i.Name}: {Display.Value(row.Year, i)} {YearPhrase(row)}";
        text += TargetPhrase(row);
        text += row.DirectionYear switch
        {
            { Direction: Direction.Level } => $", level with {Display.PeriodHeading(row.PreviousYear.Period)}",
            { Improving: true } => $", improved from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}",
            { Improving: false } => $", worsened from {Display.Value(row.PreviousYear, i)} in {Display.PeriodHeading(row.PreviousYear.Period)}",
            _ => "",
        };
        text += BenchmarkPhrase(row);
        return text + variation + ".";
    }

    private static string YearPhrase(ScorecardRow row) => row.Months[^1].Period.LastMonth == row.Year.Period.FinancialYear.LastMonth
        ? $"in {Display.PeriodHeading(row.Year.Period)}"
        : $"for {Display.PeriodHeading(row.Year.Period)} to date";

    /// <summary>The target in words that carry the polarity: "90% or more" where high is good, "under 9%" where low is.</summary>
    public static string Goal(decimal threshold, Indicator indicator) => indicator.Polarity == Polarity.Low
        ? $"under {Display.Threshold(threshold, indicator)}"
        : $"{Display.Threshold(threshold, indicator)} or more";

    private static string TargetPhrase(ScorecardRow row)
    {
        if (row.Target is not { } t)
        {
            return "";
        }

        var i = row.Indicator;
        var target = $"the target ({Goal(t.Green, i)})";
        return row.RagYear switch
        {
            Rag.Green => $", meeting {target}",
            Rag.Amber => $", short of {target} but within the tolerance ({Goal(t.Amber!.Value, i)})",
            Rag.Red when t.Amber is { } a => $", short of {target} and outside the tolerance ({Goal(a, i)})",
            Rag.Red => $", short of {target}",
            _ => "",
        };
    }

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
