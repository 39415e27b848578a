using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;

namespace Outturn.Domain.Tests.ChildLevel.Stacking;

/// <summary>
/// Stacked CIN censuses. Each census holds every case open in its year: "The census includes any child referred to
/// children's social care services within the year and also any cases open at 1 April ... where local authorities were
/// providing a service" (DfE, Characteristics of children in need: methodology, "Data collection"). So a case an older
/// census leaves open on 31 March that the next census does not hold was not open on 1 April.
/// </summary>
public class CinCensusStackTests
{
    private static readonly DateOnly March2023 = new(2023, 3, 31);
    private static readonly DateOnly March2024 = new(2024, 3, 31);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static CinEpisode Episode(DateOnly referral, DateOnly? closure = null, IReadOnlyList<CinPlan>? plans = null, IReadOnlyList<ProtectionPlan>? protection = null) =>
        new(referral, "1A", false, "N1", closure, closure is null ? null : "RC1", [], plans ?? [], [], protection ?? []);

    private static ProtectionPlan Plan(DateOnly start, DateOnly? end = null) => new(start, end, "PHY", 0, []);

    private static ChildInNeedData Census(params CinChild[] children) => new(children);

    private static CinChild Child(string id, params CinEpisode[] episodes) => new(id, D(2015, 1, 1), "F", episodes);

    [Fact]
    public void AChildAbsentFromTheNextCensusIsNoLongerInNeedOrOnAPlan()
    {
        // A is open with a CIN plan and a child protection plan on 31 March 2023 and not in the 2023-24 census at all
        var open = Episode(D(2022, 11, 1), plans: [new CinPlan(D(2022, 12, 1), null)], protection: [Plan(D(2023, 1, 10))]);
        var (data, fixes) = Stack.CinCensus([(March2023, Census(Child("A", open))), (March2024, Census(Child("B", Episode(D(2023, 6, 1)))))]);

        var episode = data.Children.Single(c => c.ChildId == "A").Episodes.Single();
        episode.ClosureDate.ShouldBe(March2023);
        episode.Plans.Single().End.ShouldBe(March2023);
        episode.ProtectionPlans.Single().End.ShouldBe(March2023);
        episode.IsOpenOn(D(2023, 4, 1)).ShouldBeFalse();
        episode.ProtectionPlans.Single().IsOpenOn(March2024).ShouldBeFalse();
        var fix = fixes.ShouldHaveSingleItem();
        (fix.ChildId, fix.ReferralDate, fix.Census, fix.ClosedOn).ShouldBe(("A", D(2022, 11, 1), March2024, March2023));
        fix.Action.ShouldBe("the episode referred on 2022-11-01 is open in the census of 2023-03-31 but the child is not in the census of 2024-03-31: closed on 2023-03-31, with its open CIN plan and child protection plan.");
        data.Children.Single(c => c.ChildId == "B").Episodes.Single().ClosureDate.ShouldBeNull(); // the latest census's open case stays open
    }

    [Fact]
    public void AnEpisodeTheNextCensusDropsIsClosedWhileTheChildsOtherEpisodesAreKept()
    {
        // C's 2022 episode is open in 2022-23's census; 2023-24's holds only a new referral of September 2023
        var (data, fixes) = Stack.CinCensus([(March2023, Census(Child("C", Episode(D(2022, 6, 1))))), (March2024, Census(Child("C", Episode(D(2023, 9, 1)))))]);

        data.Children.Single().Episodes.Select(e => (e.ReferralDate, e.ClosureDate)).ShouldBe([(D(2022, 6, 1), (DateOnly?)March2023), (D(2023, 9, 1), null)]);
        fixes.Single().Action.ShouldBe("the episode referred on 2022-06-01 is open in the census of 2023-03-31 but the episode is not in the census of 2024-03-31: closed on 2023-03-31.");
    }

    [Fact]
    public void APlanTheNextCensusDropsIsClosedWhileItsEpisodeGoesOn()
    {
        // D's episode is in both censuses; the plan of February 2023, open in the older, is not in the newer
        var older = Episode(D(2022, 10, 1), protection: [Plan(D(2023, 2, 1))]);
        var newer = Episode(D(2022, 10, 1), protection: [Plan(D(2023, 8, 1))]);
        var (data, fixes) = Stack.CinCensus([(March2024, Census(Child("D", newer))), (March2023, Census(Child("D", older)))]);

        var episode = data.Children.Single().Episodes.Single();
        episode.ClosureDate.ShouldBeNull();
        episode.ProtectionPlans.Select(p => (p.Start, p.End)).ShouldBe([(D(2023, 2, 1), (DateOnly?)March2023), (D(2023, 8, 1), null)]);
        fixes.Single().Action.ShouldBe("the child protection plan started 2023-02-01 (episode referred on 2022-10-01) open in the census of 2023-03-31 but not in the census of 2024-03-31: closed on 2023-03-31.");
    }

    [Fact]
    public void ACaseInEveryCensusIsNotRepairedAndAClosureIsTakenFromTheNewer()
    {
        var (data, fixes) = Stack.CinCensus(
        [
            (March2023, Census(Child("E", Episode(D(2023, 1, 5), protection: [Plan(D(2023, 2, 1))])))),
            (March2024, Census(Child("E", Episode(D(2023, 1, 5), D(2023, 7, 1), protection: [Plan(D(2023, 2, 1), D(2023, 6, 30))])))),
        ]);

        fixes.ShouldBeEmpty();
        var episode = data.Children.Single().Episodes.Single();
        (episode.ClosureDate, episode.ProtectionPlans.Single().End).ShouldBe((D(2023, 7, 1), D(2023, 6, 30)));
    }

    [Fact]
    public void ACaseIsClosedOnceAtTheLastCensusThatHeldIt()
    {
        var (data, fixes) = Stack.CinCensus(
        [
            (new DateOnly(2022, 3, 31), Census(Child("F", Episode(D(2021, 9, 1))))),
            (March2023, Census(Child("G", Episode(D(2022, 9, 1))))),
            (March2024, Census(Child("G", Episode(D(2022, 9, 1))))),
        ]);

        fixes.ShouldHaveSingleItem().ClosedOn.ShouldBe(new DateOnly(2022, 3, 31));
        data.Children.Single(c => c.ChildId == "F").Episodes.Single().ClosureDate.ShouldBe(new DateOnly(2022, 3, 31));
        data.Children.Single(c => c.ChildId == "G").Episodes.Single().ClosureDate.ShouldBeNull();
    }
}
