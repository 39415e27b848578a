using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.ChildLevel.Stacking;

public class EpisodeRepairTests
{
    private static CareEpisode Ep(int month, string rne, int? endMonth = null, string? rec = null) =>
        new(new DateOnly(2024, month, 1), rne, "C2", "N1", "U1", "PR1", endMonth is { } e ? new DateOnly(2024, e, 1) : null, rec, null);

    [Fact]
    public void Repair_KeepsTheLaterReturnsVersionOfTheSameEpisode()
    {
        var (episodes, fixes) = EpisodeRepair.Repair("A", [Ep(1, "S"), Ep(1, "S", 6, "E11")]);

        episodes.ShouldBe([Ep(1, "S", 6, "E11")]);
        fixes.Single().Action.ShouldBe("updated by a later year's return, which is kept");
    }

    [Fact]
    public void Repair_DropsAnExactDuplicate()
    {
        var (episodes, fixes) = EpisodeRepair.Repair("A", [Ep(1, "S", 6, "E11"), Ep(1, "S", 6, "E11")]);

        episodes.Count.ShouldBe(1);
        fixes.Single().Action.ShouldBe("duplicate removed");
    }

    [Fact]
    public void Repair_ClosesAStaleOpenEpisodeWhenTheNextBegins()
    {
        var (episodes, _) = EpisodeRepair.Repair("A", [Ep(1, "S"), Ep(4, "P")]);

        episodes[0].ShouldBe(Ep(1, "S", 4, "X1")); // care continued: the next episode is a placement move
    }

    [Fact]
    public void Repair_EndsCareWhenTheNextEpisodeIsANewPeriodOfCare()
    {
        var (episodes, fixes) = EpisodeRepair.Repair("A", [Ep(1, "S"), Ep(8, "S")]);

        episodes[0].ReasonEnded.ShouldBe("E99"); // ceased for a reason the returns do not give
        fixes.Single().Action.ShouldBe("left open: closed on 2024-08-01 with E99");
    }

    [Fact]
    public void Repair_LeavesConsistentEpisodesAlone()
    {
        var (episodes, fixes) = EpisodeRepair.Repair("A", [Ep(1, "S", 4, "X1"), Ep(4, "P")]);

        episodes.Count.ShouldBe(2);
        fixes.ShouldBeEmpty();
    }

    // LIIA fix_episodes.md, RULE_2 "Child no longer LAC": "Set DEC = 31/03/YEAR, Set REC = 'E99' (LIIA fix)", applied
    // to an open episode from a return that is not the latest, with no next episode. The 903 guidance: "All children
    // who were looked after at any time during the year" are in the year's return, so one absent from the next has left.
    [Fact]
    public void Repair_ClosesOnItsReturns31MarchAnEpisodeLeftOpenForAChildNoLaterReturnHolds()
    {
        var y2324 = FinancialYear.Parse("2023-24");
        var (episodes, fixes) = EpisodeRepair.Repair("A", [(y2324, Ep(1, "S", 2, "X1")), (y2324, Ep(2, "P"))], [y2324, FinancialYear.Parse("2024-25")]);

        episodes[1].ShouldBe(Ep(2, "P") with { End = new DateOnly(2024, 3, 31), ReasonEnded = "E99" });
        fixes.Single().ShouldBe(new EpisodeFix("A", new DateOnly(2024, 2, 1), "left open in the 2023-24 return, and the 2024-25 return does not hold the child: closed on 2024-03-31 (that return's 31 March) with E99", RepairKind.ClosedAtYearEnd));
    }

    [Fact]
    public void Repair_LeavesOpenTheEpisodeTheLatestReturnGivesOpen()
    {
        // The same open episode in both returns: the latest return's copy is kept, still open (the child is still looked after).
        var (episodes, fixes) = EpisodeRepair.Repair("A", [(FinancialYear.Parse("2023-24"), Ep(2, "S")), (FinancialYear.Parse("2024-25"), Ep(2, "S"))], [FinancialYear.Parse("2023-24"), FinancialYear.Parse("2024-25")]);

        episodes.Single().End.ShouldBeNull();
        fixes.Single().Kind.ShouldBe(RepairKind.Repeated);
    }

    // LIIA fix_episodes.md, RULE_1A "Child ceases LAC but re-enters care later": "Set DEC = min(31/03/YEAR,
    // DECOM_next - 1day), Set REC = 'E99'". Absent from the 2023-24 return, the child had left care by 31 March 2023.
    [Fact]
    public void Repair_ClosesOnItsReturns31MarchAnEpisodeLeftOpenForAChildTheNextReturnDoesNotHoldThoughALaterOneDoes()
    {
        var (y2223, y2324, y2425) = (FinancialYear.Parse("2022-23"), FinancialYear.Parse("2023-24"), FinancialYear.Parse("2024-25"));
        var later = new CareEpisode(new DateOnly(2024, 6, 1), "S", "C2", "N1", "U1", "PR1", null, null, null);

        var (episodes, fixes) = EpisodeRepair.Repair("A", [(y2223, Ep(1, "S") with { Start = new DateOnly(2022, 5, 1) }), (y2425, later)], [y2223, y2324, y2425]);

        episodes.Select(e => (e.Start, e.End, e.ReasonEnded)).ShouldBe(
        [
            (new DateOnly(2022, 5, 1), (DateOnly?)new DateOnly(2023, 3, 31), "E99"),
            (new DateOnly(2024, 6, 1), null, null),
        ]);
        fixes.Single().Kind.ShouldBe(RepairKind.ClosedAtYearEnd);
    }
}
