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

/// <summary>An action from the performance board still to do, as the report lists it under a service area.</summary>
/// <param name="Area">The service area (of an indicator it concerns) it is listed under.</param>
/// <param name="Id">Its number.</param>
/// <param name="AreaOfFocus">What the board asked to be done.</param>
/// <param name="Indicators">The names of the indicators concerned.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Status">Open or in progress.</param>
/// <param name="Notes">Progress notes; empty when none.</param>
/// <param name="Overdue">Whether it was overdue at the end of the quarter reported.</param>
public sealed record ReportAction(string Area, long Id, string AreaOfFocus, IReadOnlyList<string> Indicators, string Owner, DateOnly Due, string Status, string Notes, bool Overdue)
{
    /// <summary>The status in the report's words, overdue said in words: "Open", "In progress, overdue".</summary>
    public string StatusText => string.Concat(Status[..1].ToUpperInvariant(), Status[1..], Overdue ? ", overdue" : "");
}

/// <summary>One indicator's statistical process control: its monthly series and XmR chart.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Series">Up to 24 months ending with the report's last month; withheld months have no value.</param>
/// <param name="Chart">The XmR chart over the months held, or null with fewer than two or for a rolling figure.</param>
public sealed record IndicatorSpc(Indicator Indicator, IReadOnlyList<PeriodValue> Series, XmrChart? Chart)
{
    /// <summary>Why a rolling figure gets no process chart or verdict, in the report's words.</summary>
    public const string RollingReason =
        "No process chart: each month's figure covers the 12 months to its end, sharing 11 of them with the month before, so the points are not independent and the rules would signal special cause by construction (NHS Making Data Count charts each period's own figure). The monthly series is shown against the target.";

    /// <summary>Why there is no chart, or null when there is one.</summary>
    public string? NoChart => Chart is not null ? null : Indicator.IsRolling ? RollingReason : "Too few months for a process chart.";

    /// <summary>
    /// The variation verdict in a table cell's few words: the chart's ("Special cause: improving"), or why there is
    /// none ("Not judged: rolling", "Too few points"), the same reason <see cref="NoChart"/> gives in full.
    /// </summary>
    public string VariationLabel => Chart is not null ? ReportHtml.VariationText(Chart) : Indicator.IsRolling ? "Not judged: rolling" : ReportHtml.VariationText(null);
}

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

    /// <summary>
    /// The performance board's actions still to do (open or in progress), by service area; null when the report has
    /// no actions to draw on (it is not built from the store), so it has no Actions section.
    /// </summary>
    public IReadOnlyList<ReportAction>? Actions { get; init; }

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
