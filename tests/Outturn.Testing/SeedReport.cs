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

    public static CommitteeReport Build(IReadOnlyList<AreaNarrative>? narrative = null, SuppressionPolicy? policy = null) =>
        CommitteeReports.Build(Input, Quarter.Parse("2024-25Q4"), policy ?? SuppressionPolicy.Default, narrative,
            authority: "Demo Borough Council", committee: "Improving Lives Select Commission");
}
