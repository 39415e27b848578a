using Outturn.App.Reports;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;

namespace Outturn.Testing;

/// <summary>The committee report over the seed sample scorecard, as <c>report</c> builds it: what the report renderers draw.</summary>
public static class SeedReport
{
    public static readonly ScorecardInput Input = ScorecardFiles.Read(
        RepoPaths.InRepo("samples", "seed-scorecard", "catalogue.csv"),
        RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"),
        RepoPaths.InRepo("samples", "seed-scorecard", "measures.csv"),
        RepoPaths.InRepo("samples", "seed-scorecard", "benchmarks.csv"));

    /// <summary>
    /// The performance board's open actions the seed report lists, as the store gives them: one overdue at the end of
    /// the quarter, one on indicators of two areas (listed under each), notes long enough to wrap.
    /// </summary>
    public static readonly IReadOnlyList<ReportAction> Actions =
    [
        new("Children in Need", 3, "Clear the backlog of assessments open beyond 45 working days", ["Assessments completed within 45 working days"],
            "Head of Service, Assessment and Intervention", new DateOnly(2025, 2, 28), "in progress", "Weekly tracking by team began in January; the backlog is down by a third but not yet cleared.", true),
        new("Child Protection", 5, "Audit initial conferences held outside 15 working days", ["Initial child protection conferences within 15 working days of the section 47 start"],
            "Head of Service, Safeguarding", new DateOnly(2025, 6, 30), "open", "", false),
        new("Children in Need", 6, "Step-down pathway from child protection to child in need plans", ["Children in need per 10,000 children", "Initial child protection conferences within 15 working days of the section 47 start"],
            "Service Manager, Children in Need", new DateOnly(2025, 9, 30), "open", "To report to the board in July.", false),
        new("Child Protection", 6, "Step-down pathway from child protection to child in need plans", ["Children in need per 10,000 children", "Initial child protection conferences within 15 working days of the section 47 start"],
            "Service Manager, Children in Need", new DateOnly(2025, 9, 30), "open", "To report to the board in July.", false),
    ];

    public static CommitteeReport Build(IReadOnlyList<AreaNarrative>? narrative = null, SuppressionPolicy? policy = null, IReadOnlyList<ReportAction>? actions = null) =>
        CommitteeReports.Build(Input, Quarter.Parse("2024-25Q4"), policy ?? SuppressionPolicy.Default, narrative,
            authority: "Demo Borough Council", committee: "Improving Lives Select Commission", actions: actions ?? Actions);
}
