using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Formats.CinCensus;
using Outturn.Testing;

namespace Outturn.Formats.Tests.CinCensus;

public class CinCensusReaderTests
{
    private static string Data(string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "CinCensus", "TestData", file);

    private static string Sample(string file) => RepoPaths.InSamples("cin-census", file);

    [Fact]
    public void Read_ListsEveryProblemWithLineElementChildAndRule()
    {
        var file = CinCensusReader.Read(Data("bad-2024-25.xml"));

        Snapshot.Match(string.Join("\n", file.Problems.Select(p => (p with { File = "bad-2024-25.xml" }).ToString())) + "\n", "bad-2024-25.txt");
        file.Data.Children.Select(c => c.ChildId).ShouldBe(["A1", "B2"]); // the repeated A1 is left out
        var episode = file.Data.Children[0].Episodes.ShouldHaveSingleItem(); // the episode without a referral date is left out
        (episode.ClosureDate, episode.Assessments.Count, episode.Section47s.Count, episode.ProtectionPlans.Count).ShouldBe((null, 0, 0, 0));
    }

    [Fact]
    public void ReadStrict_RefusesAFileWithProblems() =>
        Should.Throw<InputException>(() => CinCensusReader.ReadStrict(Data("bad-2024-25.xml"))).Errors.Count.ShouldBe(9);

    [Fact]
    public void Read_GivesEachChildTheAuthorityOfTheHeader()
    {
        var file = CinCensusReader.Read(RepoPaths.InSamples("cin-census", "CIN_Census_2024.xml"));

        file.Authority.ShouldBe("201"); // Header/Source/LEA
        file.Data.Children.ShouldNotBeEmpty();
        file.Data.Children.ShouldAllBe(c => c.Authority == "201");
    }

    [Fact]
    public void Read_TakesGenderCurrentAndSex()
    {
        CinCensusReader.Read(Sample("CIN_Census_2021.xml")).Data.Children.Single().Gender.ShouldBe("1");
        CinCensusReader.Read(Sample("CIN_Census_2026.xml")).Data.Children.Select(c => c.Gender).ShouldBe(["1", "M"]); // as given: the sample mixes the old and new codes
    }

    [Fact]
    public void Read_TheDfEFakeFileHas332ChildrenAnd402Referrals()
    {
        var file = CinCensusReader.Read(Sample("fake_CIN_data.xml"));

        file.Data.Children.Count.ShouldBe(332);
        file.Data.Children.Sum(c => c.Episodes.Count).ShouldBe(402);
        file.ReferenceDate.ShouldBe(new DateOnly(2022, 7, 21)); // the fake's header, kept as given
        file.Problems.Count.ShouldBe(17); // random dates, some after the reference date
    }

    [Fact]
    public void Read_TheFullSampleKeepsAssessmentsSection47AndPlans()
    {
        var child = CinCensusReader.Read(Sample("CIN_Census_2021.xml")).Data.Children.Single();
        var episode = child.Episodes.Single();

        child.ChildId.ShouldBe("DfEX0000001");
        child.BirthDate.ShouldBe(new DateOnly(1965, 3, 27));
        episode.ReferralDate.ShouldBe(new DateOnly(1970, 10, 6));
        episode.Assessments.Count.ShouldBe(1);
        episode.Section47s.Count.ShouldBe(1);
        episode.ProtectionPlans.Single().Reviews.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Merge_CombinesAnEpisodesModulesAcrossYearsTheNewerVersionWinning()
    {
        var merged = Stack.CinCensus(new[] { CinCensusReader.ReadStrict(Data("newer-2024-25.xml")), CinCensusReader.ReadStrict(Data("older-2023-24.xml")) }.Select(f => (f.ReferenceDate, f.Data)));

        var child = merged.Children.ShouldHaveSingleItem();
        child.Gender.ShouldBe("F");
        child.Episodes.Select(e => (e.ReferralDate, e.ClosureDate, e.Assessments.Count)).ShouldBe(
        [
            (new DateOnly(2023, 1, 10), new DateOnly(2023, 5, 1), 0),
            (new DateOnly(2024, 3, 4), new DateOnly(2024, 6, 20), 1),
        ]);
        var episode = child.Episodes[1];
        episode.Assessments.Single().Authorised.ShouldBe(new DateOnly(2024, 4, 19)); // the newer return completes it
        episode.Section47s.Single().Start.ShouldBe(new DateOnly(2024, 3, 11)); // only in the older return, kept
    }
}
