using Outturn.Domain.ChildLevel;

namespace Outturn.Domain.Tests.ChildLevel;

/// <summary>Placements in a window, hand-worked for the 12 months to 31 March 2025 (1 April 2024 to 31 March 2025).</summary>
public class LookedAfterChildTests
{
    private static readonly DateOnly From = D("2024-04-01"), To = D("2025-03-31");

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CareEpisode Ep(string start, string rne, string? end = null, string rec = "X1", string ls = "C2", string place = "U1") =>
        new(D(start), rne, ls, "N1", place, "PR1", end is null ? null : D(end), end is null ? null : rec, null);

    private static LookedAfterChild Child(params CareEpisode[] episodes) => new("A", "1", D("2012-01-01"), episodes);

    [Fact]
    public void PlacementsBetween_CountsTheOpenPlacementAndEachNewCarerNotSameCarerChanges()
    {
        // Open at the start (1), P (2), T with the same carer (not counted), P (3)
        var child = Child(Ep("2023-05-01", "S", "2024-06-01"), Ep("2024-06-01", "P", "2024-08-01"), Ep("2024-08-01", "T", "2024-10-01"), Ep("2024-10-01", "P"));

        child.PlacementsBetween(From, To).ShouldBe(3);
        child.NewPlacementsBetween(From, To).Select(e => e.Start).ShouldBe([D("2024-06-01"), D("2024-10-01")]);
    }

    [Fact]
    public void PlacementsBetween_IncludesBothEndsOfTheWindow()
    {
        // A move on 1 April is a new placement (the episode it follows ended that day, so is not open at the start);
        // a move on 31 March counts; one on 1 April 2025 is after the window
        var child = Child(Ep("2023-05-01", "S", "2024-04-01"), Ep("2024-04-01", "P", "2025-03-31"), Ep("2025-03-31", "B", "2025-04-01"), Ep("2025-04-01", "P"));

        child.PlacementsBetween(From, To).ShouldBe(2);
        child.NewPlacementsBetween(From, To).Select(e => e.Start).ShouldBe([From, To]);
    }

    [Fact]
    public void PlacementsBetween_CountsEveryPeriodOfCareInTheWindow()
    {
        // Open at the start and ended in June (1), a new period of care in December (2)
        var child = Child(Ep("2023-05-01", "S", "2024-06-01", "E4A"), Ep("2024-12-01", "S"));

        child.PlacementsBetween(From, To).ShouldBe(2);
    }

    [Fact]
    public void PlacementsBetween_LeavesOutCareEndedBeforeTheWindowShortBreaksAndPlacingForAdoptionWithTheFosterCarers()
    {
        Child(Ep("2023-05-01", "S", "2024-04-01", "E4A")).PlacementsBetween(From, To).ShouldBe(0); // ended on the first day
        Child(Ep("2024-05-01", "S", "2024-05-04", "E4A", ls: "V3"), Ep("2024-07-01", "S", "2024-07-04", "E4A", ls: "V3")).PlacementsBetween(From, To).ShouldBe(0);
        Child(Ep("2023-05-01", "S", "2024-09-01"), Ep("2024-09-01", "P", "2024-11-01", place: "A3"), Ep("2024-11-01", "P", place: "A5")).PlacementsBetween(From, To).ShouldBe(1);
        Child(Ep("2023-05-01", "S", "2024-09-01"), Ep("2024-09-01", "P", place: "A4")).PlacementsBetween(From, To).ShouldBe(2);
    }

    [Fact]
    public void PlacementsBetween_CountsThePlacementRunningThroughTheFirstDayWhateverBeginsOnIt()
    {
        // The first episode ended on 1 April and its successor, begun that day, is a legal status change with the same
        // carer: one placement runs through the whole year, so the child had one placement (not none)
        var child = Child(Ep("2023-05-01", "S", "2024-04-01"), Ep("2024-04-01", "L"));

        child.PlacementsBetween(From, To).ShouldBe(1);
        child.NewPlacementsBetween(From, To).ShouldBeEmpty();
    }

    [Fact]
    public void PlacementsBetween_CountsThePlacementAChildIsInWhenAChangeOfLegalStatusEndsShortBreaks()
    {
        // On short breaks (V3) from May 2023, then looked after (C2) from 1 August 2024 by a change of legal status
        // alone (RNE L) with the same carer; then a new carer (P) in December. The placement begun by the change of
        // legal status counts: "every placement of 24 hours or more" (issue 10, item 2), so two placements
        var child = Child(Ep("2023-05-01", "S", "2024-08-01", ls: "V3"), Ep("2024-08-01", "L", "2024-12-01"), Ep("2024-12-01", "P"));

        child.PlacementsBetween(From, To).ShouldBe(2);
        child.NewPlacementsBetween(From, To).Select(e => e.Start).ShouldBe([D("2024-08-01"), D("2024-12-01")]);
    }

    [Fact]
    public void PlacementsBetween_LeavesOutAPlacementOfLessThan24Hours()
    {
        // A new carer for one day only (begun and ended on 10 June: no night) is not a placement
        var child = Child(Ep("2023-05-01", "S", "2024-06-10"), Ep("2024-06-10", "P", "2024-06-10"), Ep("2024-06-10", "P"));

        child.PlacementsBetween(From, To).ShouldBe(2);
    }
}
