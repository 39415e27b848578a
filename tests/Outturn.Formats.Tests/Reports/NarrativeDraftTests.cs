using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Tests.Reports;

/// <summary>Every drafted sentence read against the figure it is about: its RAG, polarity and direction.</summary>
public class NarrativeDraftTests
{
    private static readonly Month AsAt = new(2025, 3);

    /// <summary>Every combination of polarity, RAG (Green, Amber, Red) and year-on-year change (better, worse, level).</summary>
    private static (Scorecard Scorecard, IReadOnlyList<AreaNarrative> Draft) Drafted()
    {
        var catalogue = new List<Indicator>();
        var targets = new List<Target>();
        var measures = new List<Measure>();
        foreach (var polarity in new[] { Polarity.High, Polarity.Low })
        {
            foreach (var rag in new[] { Rag.Green, Rag.Amber, Rag.Red })
            {
                foreach (var change in new[] { -1, 0, 1 })
                {
                    var id = $"{polarity}-{rag}-{change}".ToLowerInvariant();
                    catalogue.Add(new Indicator(id, $"Indicator {id}", "Area", IndicatorKind.Benchmarking, Unit.Percent, polarity, Aggregation.Snapshot, 1));

                    // Target 50, tolerance 40 (high) or 60 (low); this year 55, 45 or 35 where high is good, mirrored where low is.
                    var high = polarity == Polarity.High;
                    targets.Add(new Target(id, AsAt.FinancialYear, new Thresholds(polarity, 50, high ? 40 : 60)));
                    var value = rag switch { Rag.Green => 55m, Rag.Amber => 45m, _ => 35m };
                    value = high ? value : 100 - value;
                    measures.Add(Measure.ForMonth(id, AsAt, new Observation(value)));
                    measures.Add(Measure.ForMonth(id, AsAt.FinancialYear.Previous().LastMonth, new Observation(value - (change * 3))));
                }
            }
        }

        var scorecard = ScorecardCalculator.Compute(new ScorecardInput(catalogue, targets, measures), AsAt);
        return (scorecard, NarrativeDraft.Draft(scorecard, new Dictionary<string, IndicatorSpc>()));
    }

    [Fact]
    public void Draft_EverySentenceAgreesWithTheRagAndPolarityOfItsFigure()
    {
        var (scorecard, draft) = Drafted();
        var sentences = draft.SelectMany(a => a.WorkingWell.Select(s => (Well: true, Text: s)).Concat(a.Challenges.Select(s => (Well: false, Text: s)))).ToList();

        sentences.Count.ShouldBeGreaterThan(10);
        foreach (var (well, text) in sentences)
        {
            var row = scorecard.Rows.Single(r => text.StartsWith(r.Indicator.Name + ": ", StringComparison.Ordinal));
            var i = row.Indicator;
            text.ShouldContain($": {Display.Value(row.Year, i)} in 2024/25", Case.Sensitive, text);
            text.Contains("meeting the target", StringComparison.Ordinal).ShouldBe(row.RagYear == Rag.Green, text);
            text.Contains("within the tolerance", StringComparison.Ordinal).ShouldBe(row.RagYear == Rag.Amber, text);
            text.Contains("outside the tolerance", StringComparison.Ordinal).ShouldBe(row.RagYear == Rag.Red, text);
            text.Contains("short of the target", StringComparison.Ordinal).ShouldBe(row.RagYear is Rag.Amber or Rag.Red, text);
            text.ShouldContain(i.Polarity == Polarity.High ? "(50% or more)" : "(under 50%)", Case.Sensitive, text);
            text.Contains("improved from", StringComparison.Ordinal).ShouldBe(row.DirectionYear?.Improving == true, text);
            text.Contains("worsened from", StringComparison.Ordinal).ShouldBe(row.DirectionYear?.Improving == false, text);
            text.Contains("level with", StringComparison.Ordinal).ShouldBe(row.DirectionYear?.Direction == Direction.Level, text);
            text.ShouldNotContain("(target is", Case.Sensitive, text); // a bare target leaves the reader to judge it
            text.ShouldNotContain(" up from", Case.Sensitive, text);
            text.ShouldNotContain(" down from", Case.Sensitive, text);

            // Working well is Green and no worse than last year; a challenge is Amber or Red.
            if (well)
            {
                (row.RagYear == Rag.Green && row.DirectionYear?.Improving != false).ShouldBeTrue(text);
            }
            else
            {
                (row.RagYear is Rag.Amber or Rag.Red).ShouldBeTrue(text);
            }
        }

        // Each Amber or Red row is a challenge; each Green row no worse than last year is working well.
        sentences.Count(s => !s.Well).ShouldBe(scorecard.Rows.Count(r => r.RagYear is Rag.Amber or Rag.Red));
        sentences.Count(s => s.Well).ShouldBe(scorecard.Rows.Count(r => r.RagYear == Rag.Green && r.DirectionYear?.Improving != false));
    }

    [Fact]
    public void Draft_SaysALowIsGoodFigureUnderItsTargetMeetsIt()
    {
        // The example: 8.2% where low is good and the target is under 9% meets the target.
        var indicator = new Indicator("ends-2y", "Plans ending after 2 years or more", "Child Protection", IndicatorKind.Benchmarking, Unit.Percent, Polarity.Low, Aggregation.Snapshot, 1);
        var input = new ScorecardInput([indicator], [new Target("ends-2y", AsAt.FinancialYear, new Thresholds(Polarity.Low, 9, 12))],
            [Measure.ForMonth("ends-2y", AsAt, new Observation(8.2m)), Measure.ForMonth("ends-2y", new Month(2024, 3), new Observation(9.5m))]);

        var draft = NarrativeDraft.Draft(ScorecardCalculator.Compute(input, AsAt), new Dictionary<string, IndicatorSpc>()).Single();

        draft.Challenges.ShouldBeEmpty();
        draft.WorkingWell.ShouldBe(["Plans ending after 2 years or more: 8.2% in 2024/25, meeting the target (under 9%), improved from 9.5% in 2023/24."]);
    }
}
