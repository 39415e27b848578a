using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Spc;
using Outturn.Testing;

namespace Outturn.App.Tests.Reports;

/// <summary>The committee report built over the seed sample: RAG counts, SPC over 24 months, suppression, the draft.</summary>
public class CommitteeReportsTests
{
    [Fact]
    public void Build_CountsTheYearToDateRag()
    {
        var report = SeedReport.Build();

        report.RagCounts.ShouldBe(new Dictionary<Rag, int> { [Rag.Green] = 3, [Rag.Amber] = 1, [Rag.Red] = 0, [Rag.None] = 0 });
        report.YearOnYear.ShouldBe((2, 0, 2));
    }

    [Fact]
    public void Build_JudgesEachIndicatorsVariationOverTwentyFourMonths()
    {
        var spc = SeedReport.Build().Spc;

        spc["cin-rate"].Series.Count.ShouldBe(24);
        spc["cin-rate"].Series[0].Period.ShouldBe(new Domain.Periods.Month(2023, 4));
        spc["cin-rate"].Chart!.Variation.ShouldBe(VariationVerdict.SpecialCauseImproving); // March 2025 is below the lower limit
        spc["assess-45wd"].Chart!.Assurance.ShouldBe(AssuranceVerdict.HitAndMiss);
    }

    [Fact]
    public void Build_GivesARollingFigureNoProcessVerdictAndSaysWhy()
    {
        // NHS Making Data Count charts each period's own figure; a rolling 12-month rate shares 11 months with the
        // month before, so a long run of rises (as s47-rate has) would read "special cause" by construction.
        var spc = SeedReport.Build().Spc["s47-rate"];

        spc.Indicator.RollingMonths.ShouldBe(12);
        spc.Chart.ShouldBeNull();
        spc.Series.Count(p => p.Value is not null).ShouldBe(24); // still charted against its target
        spc.NoChart.ShouldBe(Formats.Reports.IndicatorSpc.RollingReason);
    }

    [Fact]
    public void Build_KeepsAPercentagesProcessLimitsWithin0And100()
    {
        foreach (var spc in SeedReport.Build().Spc.Values.Where(s => s.Indicator.Unit == Unit.Percent && s.Chart is not null))
        {
            spc.Chart!.UpperLimit.ShouldBeLessThanOrEqualTo(100m, spc.Indicator.Id);
            spc.Chart.LowerLimit.ShouldBeGreaterThanOrEqualTo(0m, spc.Indicator.Id);
        }
    }

    [Fact]
    public void Build_HidesWithheldMonthsFromTheChartsMembersSee()
    {
        var report = SeedReport.Build(policy: new SuppressionPolicy(30));
        var icpc = report.Spc["icpc-15wd"];

        var february = new Domain.Periods.Month(2025, 2);
        icpc.Series.Single(p => p.Period == february).ShouldBe(new Domain.Scorecards.PeriodValue(february, null, null, null, true));
        icpc.Chart!.Points.Count.ShouldBe(24); // the verdict still reads the whole series
    }

    [Fact]
    public void Draft_WritesThePointsInThePlainStyleOfTheSeeds()
    {
        var areas = SeedReport.Build().Areas;

        areas.Select(a => a.Area).ShouldBe(["Children in Need", "Child Protection"]);
        areas[1].Challenges.ShouldContain(
            "Initial child protection conferences within 15 working days of the section 47 start: 80.0% in 2024/25, short of the target (86% or more) but within the tolerance (78% or more), worsened from 84.8% in 2023/24, below the statistical neighbour (85.0%) average, and above the national (79.7%) average (2023/24).");
        areas[0].WorkingWell.Count.ShouldBe(2);
        areas[0].Challenges.ShouldBeEmpty();
    }
}
