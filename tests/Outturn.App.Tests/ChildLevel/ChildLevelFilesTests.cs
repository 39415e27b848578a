using Outturn.App.ChildLevel;
using Outturn.Formats;
using Outturn.Formats.National;
using Outturn.Testing;

namespace Outturn.App.Tests.ChildLevel;

public class ChildLevelFilesTests
{
    private static string Data(string folder, string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", folder, "TestData", file);

    [Fact]
    public void Read_NeedsAReturnToComputeFrom()
    {
        var error = Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, null, AnnexA: "annex-a.xlsx")));

        error.Errors.Single().Field.ShouldBe("--903, --cin, --sen2");
    }

    [Fact]
    public void Read_ListsTheProblemsOfEveryFileAndLoadsNothing()
    {
        // A CIN census with 9 problems and a SEN2 return with 8: all 17 are listed, from both files
        var error = Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, Data("CinCensus", "bad-2024-25.xml"), Data("Sen2", "bad.xml"))));

        error.Errors.Count.ShouldBe(17);
        error.Errors.Select(e => Path.GetFileName(e.File)).Distinct().ShouldBe(["bad-2024-25.xml", "bad.xml"]);
    }

    [Fact]
    public void Read_TakesTheSen2ReturnsAlone()
    {
        var data = ChildLevelFiles.Read(new ChildLevelPaths(null, null, Data("Sen2", "SEN2_2025.xml"))).Data;

        (data.Cin.Children.Count, data.LookedAfter.Children.Count, data.SpecialNeeds.Requests.Count).ShouldBe((0, 0, 7));
        data.AllocatedFrom.ShouldBeNull();
    }

    [Fact]
    public void Read_GivesEveryRecordTheAuthorityCodeItsReturnsName()
    {
        // The SEN2 header's Source/LEA is 999; the SSDA903 tables name none, so the looked-after children take the
        // code of the authority's other returns.
        var data = ChildLevelFiles.Read(new ChildLevelPaths(RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Ssda903", "TestData", "stacked"), null, Data("Sen2", "SEN2_2025.xml"))).Data;

        data.Authority.ShouldBe("999");
        data.SpecialNeeds.Requests.ShouldAllBe(r => r.Authority == "999");
        data.LookedAfter.Children.ShouldNotBeEmpty();
        data.LookedAfter.Children.ShouldAllBe(c => c.Authority == "999");
    }

    // Issue 10 item 12: "an authority code that changed ... is accepted for the years it was valid"; returns of another
    // authority are not counted with ours.
    [Fact]
    public void Read_RefusesAReturnOfAnotherAuthority()
    {
        var error = Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, RepoPaths.InSamples("cin-census", "CIN_Census_2021.xml"), Data("Sen2", "SEN2_2025.xml"))));

        var lea = error.Errors.Single(e => e.Field == "LEA");
        Path.GetFileName(lea.File).ShouldBe("CIN_Census_2021.xml");
        lea.Message.ShouldBe("the return is authority 201's, not 999, the authority of the latest return; returns of two authorities cannot be counted together. The file is refused.");
    }

    [Fact]
    public void Read_ChecksTheReturnsAgainstTheAuthorityConfiguredByItsCode()
    {
        var ours = ChildLevelFiles.Read(new ChildLevelPaths(null, RepoPaths.InSamples("cin-census", "CIN_Census_2021.xml"), ConfiguredAuthority: "201"));
        var error = Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, RepoPaths.InSamples("cin-census", "CIN_Census_2021.xml"), ConfiguredAuthority: "372")));

        ours.Problems.ShouldNotContain(p => p.Field == "LEA");
        error.Errors.Single(e => e.Field == "LEA").Message.ShouldStartWith("the return is authority 201's, not 372, the authority given (--la or OUTTURN_LA);");
    }

    // Reorganisation.England: "Cumbria split into Cumberland and Westmorland and Furness on 1 April 2023".
    [Fact]
    public void Read_CountsAPredecessorsReturnForTheYearsBeforeTheReorganisationAndSaysSo()
    {
        var load = ChildLevelFiles.Read(new ChildLevelPaths(null, RepoPaths.InRepo("tests", "Outturn.App.Tests", "ChildLevel", "TestData", "cumbria-cin-2022-23.xml"), ConfiguredAuthority: "942"));

        var note = load.Problems.Single(p => p.Field == "LEA");
        note.Outcome.ShouldBe(Outcome.Counted);
        note.Message.ShouldBe("the return is authority 909's, which 942 replaced (Cumbria split into Cumberland and Westmorland and Furness on 1 April 2023): its children are counted as our history for 2022-23, with those of the area's other successors (943).");
        load.Data.Cin.Children.ShouldNotBeEmpty();
    }

    [Fact]
    public void Read_RefusesAnEmptyCensusStackedAfterAnOlderOneRatherThanCloseEveryCase()
    {
        // Stacked after 2023-24's, an empty 2024-25 census would close every case open at 31 March 2024.
        var folder = Directory.CreateTempSubdirectory("outturn-cin-").FullName;
        try
        {
            File.Copy(Data("CinCensus", "older-2023-24.xml"), Path.Combine(folder, "CIN_2023-24.xml"));
            File.Copy(Data("CinCensus", "empty-2024-25.xml"), Path.Combine(folder, "CIN_2024-25.xml"));

            var error = Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, folder)));

            error.Errors.Select(e => (Path.GetFileName(e.File), e.Field, e.Outcome)).ShouldBe([("CIN_2024-25.xml", "Children", Outcome.Refused)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_ListsTheCaseStackingClosedAsARepairOfTheCensusWithoutItAndStrictRefusesIt()
    {
        // P1 is open in 2023-24's census and absent from 2024-25's: "The census includes ... any cases open at 1 April"
        // (DfE, Characteristics of children in need: methodology), so P1's case ended by 31 March 2024.
        var folder = RepoPaths.InRepo("tests", "Outturn.Cli.Tests", "Commands", "TestData", "cin-errors");

        var load = ChildLevelFiles.Read(new ChildLevelPaths(null, folder));

        var repair = load.Problems.Single(p => p.Outcome == Outcome.Repaired && p.ChildId == "P1");
        Path.GetFileName(repair.File).ShouldBe("CIN_2024-25.xml");
        load.Data.Cin.Children.Single(c => c.ChildId == "P1").Episodes.Single().ClosureDate.ShouldBe(new DateOnly(2024, 3, 31));
        Should.Throw<InputException>(() => ChildLevelFiles.Read(new ChildLevelPaths(null, folder), strict: true)).Errors.Count.ShouldBe(load.Problems.Count);
    }

    [Fact]
    public void Read_NamesTheWorkersTheStaffListLacksAndHowTheCaseloadCountsThem()
    {
        // SW09 holds L2 and L3 in the SSDA903 but is not on the staff list: kept as the id, a worker of their own.
        var folder = RepoPaths.InRepo("tests", "Outturn.App.Tests", "ChildLevel", "TestData", "staff");

        var load = ChildLevelFiles.Read(new ChildLevelPaths(Path.Combine(folder, "ssda903"), null, Staff: Path.Combine(folder, "staff.csv")));

        var problem = load.Problems.ShouldHaveSingleItem();
        (Path.GetFileName(problem.File), problem.Field, problem.Outcome).ShouldBe(("staff.csv", "id", Outcome.Counted));
        problem.Message.ShouldBe("SW_ID 'SW09', the social worker of 2 looked-after child(ren) in the SSDA903, is not on the staff list: counted as a worker of their own under the id, so if Annex A names the same person the caseload counts them twice and is lower.");
        load.Data.LookedAfter.SocialWorkers.Select(w => w.WorkerId).ShouldBe(["Fern Ellery", "SW09", "SW09"]);
    }
}
