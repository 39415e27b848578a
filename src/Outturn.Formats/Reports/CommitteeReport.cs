using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Domain.Spc;

namespace Outturn.Formats.Reports;

/// <summary>What the report says about one service area: drafted from the data or edited by officers (Markdown).</summary>
/// <param name="Area">The area as named in the catalogue.</param>
/// <param name="WorkingWell">"What's working well" bullets, Markdown.</param>
/// <param name="Challenges">"Areas of challenge and focus" bullets, Markdown.</param>
/// <param name="Commentary">Officers' commentary, Markdown; empty where none is written.</param>
public sealed record AreaNarrative(string Area, IReadOnlyList<string> WorkingWell, IReadOnlyList<string> Challenges, string Commentary);

/// <summary>One indicator's statistical process control: its monthly series and XmR chart.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Series">Up to 24 months ending with the report's last month; withheld months have no value.</param>
/// <param name="Chart">The XmR chart over the months held, or null with fewer than two.</param>
public sealed record IndicatorSpc(Indicator Indicator, IReadOnlyList<PeriodValue> Series, XmrChart? Chart);

/// <summary>Everything in the quarterly committee report, with small numbers already withheld.</summary>
public sealed record CommitteeReport
{
    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>The local authority, if named.</summary>
    public string? Authority { get; init; }

    /// <summary>The committee it goes to, if named.</summary>
    public string? Committee { get; init; }

    /// <summary>The quarter reported.</summary>
    public required Quarter Quarter { get; init; }

    /// <summary>The scorecard at the quarter's last month, suppressed.</summary>
    public required Scorecard Scorecard { get; init; }

    /// <summary>Narrative per area, in scorecard order.</summary>
    public required IReadOnlyList<AreaNarrative> Areas { get; init; }

    /// <summary>Statistical process control per indicator id.</summary>
    public required IReadOnlyDictionary<string, IndicatorSpc> Spc { get; init; }

    /// <summary>The suppression applied.</summary>
    public required SuppressionPolicy Suppression { get; init; }

    /// <summary>Year-to-date RAG counts: Green, Amber, Red and not rated.</summary>
    public IReadOnlyDictionary<Rag, int> RagCounts =>
        new[] { Rag.Green, Rag.Amber, Rag.Red, Rag.None }.ToDictionary(r => r, r => Scorecard.Rows.Count(x => x.RagYear == r));

    /// <summary>Rows whose year to date improved on, matched, or fell behind the previous year.</summary>
    public (int Improved, int Level, int Worse) YearOnYear =>
        (Scorecard.Rows.Count(r => r.DirectionYear?.Improving == true),
         Scorecard.Rows.Count(r => r.DirectionYear is { Direction: Direction.Level }),
         Scorecard.Rows.Count(r => r.DirectionYear?.Improving == false));
}

/// <summary>Builds a <see cref="CommitteeReport"/> from the analyst's input.</summary>
public static class CommitteeReports
{
    /// <summary>Months of history read for statistical process control.</summary>
    public const int SpcMonths = 24;

    /// <summary>
    /// Builds the report for a quarter: the scorecard at its last month (or at <paramref name="asAt"/> when the quarter
    /// is still running), suppressed; SPC on each indicator's monthly series; and the narrative, drafted from the data
    /// where <paramref name="narrative"/> does not give an area.
    /// </summary>
    public static CommitteeReport Build(ScorecardInput input, Quarter quarter, SuppressionPolicy suppression,
        IReadOnlyList<AreaNarrative>? narrative = null, string title = "Children's services performance report",
        string? authority = null, string? committee = null)
    {
        var month = quarter.LastMonth;
        var full = ScorecardCalculator.Compute(input, month);
        var shown = SmallNumbers.Suppress(full, suppression);
        var spc = new Dictionary<string, IndicatorSpc>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in full.Rows)
        {
            var series = ScorecardCalculator.MonthlySeries(input, row.Indicator, month.AddMonths(1 - SpcMonths), month);
            var points = series.Where(p => p.Value is not null).Select(p => (p.Period, p.Value!.Value)).ToList();
            var chart = Xmr.Compute(points, row.Indicator.Polarity, row.Target?.Green);

            // The chart judges the whole series; what members see of it hides the months withheld.
            var visible = series.Select(p => IsSmall(p, suppression) ? p with { Value = null, Numerator = null, Denominator = null, Suppressed = true } : p).ToList();
            spc[row.Indicator.Id] = new IndicatorSpc(row.Indicator, visible, chart);
        }

        var drafted = NarrativeDraft.Draft(shown, spc);
        var areas = drafted.Select(d => narrative?.FirstOrDefault(n => string.Equals(n.Area, d.Area, StringComparison.OrdinalIgnoreCase)) ?? d).ToList();
        return new CommitteeReport
        {
            Title = title,
            Authority = authority,
            Committee = committee,
            Quarter = quarter,
            Scorecard = shown,
            Areas = areas,
            Spc = spc,
            Suppression = suppression,
        };
    }

    private static bool IsSmall(PeriodValue p, SuppressionPolicy policy) =>
        (p.Numerator is { } n && policy.IsSmall(n)) || (p.Denominator is { } d && policy.IsSmall(d));
}
