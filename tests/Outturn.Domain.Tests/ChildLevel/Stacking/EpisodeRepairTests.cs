using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;

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
}
