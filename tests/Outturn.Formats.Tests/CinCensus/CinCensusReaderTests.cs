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
    public void Read_BreakingAValidationRuleLeavesOutOrCountsTheRecordAndNeverRefusesTheFile()
    {
        // The CIN census validation rules: "CIN Closure Date is before CIN Referral Date for the same CIN episode"
        // (8630), "Assessment Start Date cannot be later than its End Date" (8608), "Section 47 Enquiry Start Date must
        // be present and cannot be later than the date of the initial Child Protection Conference" (8615), "Child
        // Protection Plan End Date earlier than Start Date" (8925), "RNFA flag is missing or invalid" (8568), "Child
        // referral date missing or after data collection period" (8600), "More than one child record with the same LA
        // Child ID" (8510).
        var file = CinCensusReader.Read(Data("bad-2024-25.xml"));

        file.Problems.Select(p => (p.Rule, p.Outcome, p.ChildId)).ShouldBe(
        [
            (null, Outcome.Counted, "A1"), // the impossible birth date: the child is counted without one
            ("8630", Outcome.Repaired, "A1"),
            ("8568", Outcome.Counted, "A1"),
            ("8608", Outcome.LeftOut, "A1"),
            ("8615", Outcome.LeftOut, "A1"),
            ("8925", Outcome.LeftOut, "A1"),
            ("8600", Outcome.LeftOut, "A1"),
            ("8510", Outcome.LeftOut, "A1"),
            ("8600", Outcome.LeftOut, "B2"),
        ]);
        file.Problems.ShouldAllBe(p => !p.Refuses(false));
    }

    [Fact]
    public void Read_CountsCodesOutsideTheDfEListsAndDatesAfterTheCensusAsGivenNamingTheRule()
    {
        // "Primary Need Code invalid" (8650), "CIN Reason for closure code invalid" (8640), "Source of Referral is
        // missing or an invalid code" (8866), "CIN Closure Date present and does not fall within the Census year"
        // (8620), "CIN Plan start date is missing or out of data collection period" (4010), "CIN Plan End Date earlier
        // than Start Date" (4011), "A CIN case cannot have a CIN closure date without a Reason for Closure" (8805),
        // "... a Reason for Closure without a CIN Closure Date" (8810), "Child does not have a recorded CIN episode" (8590).
        var file = CinCensusReader.Read(Data("codes-2024-25.xml"));

        file.Problems.Select(p => $"{p.Row} {p.Field} {p.Rule} {p.Outcome}").ShouldBe(
        [
            "19 ReferralSource 8866 Counted", "20 PrimaryNeedCode 8650 Counted", "21 CINclosureDate 8620 Counted", "22 ReasonForClosure 8640 Counted",
            "24 CINPlanDates 4010 LeftOut", "29 CINPlanEndDate 4011 LeftOut",
            "42 CINclosureDate 8805 Counted", "49 ReasonForClosure 8810 Counted",
            "53 Child 8590 LeftOut",
        ]);
        var episode = file.Data.Children[0].Episodes.Single();
        (episode.PrimaryNeed, episode.ClosureReason, episode.ReferralSource, episode.ClosureDate, episode.Plans.Count).ShouldBe(("N12", "RC0", "99", new DateOnly(2025, 4, 10), 0));
        file.Problems[2].Message.ShouldBe("child C1: 2025-04-10 is after the census reference date 2025-03-31 (rule 8620): counted as given.");
    }

    [Fact]
    public void Read_RefusesAFileWhoseDateAFigureIsCountedByIsNotADate()
    {
        var problem = CinCensusReader.Read(Data("unreadable-2024-25.xml")).Problems.ShouldHaveSingleItem();

        problem.Outcome.ShouldBe(Outcome.Refused);
        (problem.Row, problem.Field, problem.ChildId).ShouldBe((20, "CPPstartDate", "U1"));
        problem.Message.ShouldBe("child U1: '01/08/2024' is not a date (yyyy-mm-dd). The figures are counted by this date, so the file cannot be read: refused.");
    }

    [Fact]
    public void Read_RefusesACensusWithNoChildren()
    {
        var problem = CinCensusReader.Read(Data("empty-2024-25.xml")).Problems.ShouldHaveSingleItem();

        problem.Outcome.ShouldBe(Outcome.Refused);
        problem.ToString().ShouldEndWith("empty-2024-25.xml, row 10, column 'Children': the census holds no children: a CIN census lists every child in need of its year; this looks like an empty or wrong export, so it is refused.");
    }

    [Fact]
    public void ReadFolder_ListsWhatInTheFolderIsNotACensusAsNotRead()
    {
        var folder = CinCensusReader.ReadFolder(Data("folder"));

        folder.Files.Select(f => Path.GetFileName(f.File)).ShouldBe(["CIN_2023-24.xml", "CIN_2024-25.xml"]);
        folder.Problems.Select(p => (Path.GetFileName(p.File), p.Outcome, p.Message)).ShouldBe(
        [
            ("SEN2_2025.xml", Outcome.NotRead, "this is not a CIN census file (its root is Message, not Message with Children): not read."),
            ("notes.txt", Outcome.NotRead, "not an XML file, so not a CIN census: not read."),
        ]);
    }

    [Fact]
    public void ReadFolder_RefusesTwoFilesGivingTheSameCensusNamingBoth()
    {
        var folder = Directory.CreateTempSubdirectory("outturn-cin-").FullName;
        try
        {
            File.Copy(Data("newer-2024-25.xml"), Path.Combine(folder, "CIN_2024-25.xml"));
            File.Copy(Data("newer-2024-25.xml"), Path.Combine(folder, "CIN_2024-25 (copy).xml"));

            var problem = CinCensusReader.ReadFolder(folder).Problems.ShouldHaveSingleItem();

            problem.Outcome.ShouldBe(Outcome.Refused);
            problem.Message.ShouldBe("CIN_2024-25 (copy).xml and CIN_2024-25.xml both give the census of 2025-03-31: only one can be the return; remove the other.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
    public void Read_TheDfEFakeFileHas332ChildrenAnd402ReferralsOf394WithinItsYear()
    {
        var file = CinCensusReader.Read(Sample("fake_CIN_data.xml"));

        file.Data.Children.Count.ShouldBe(332);
        file.ReferenceDate.ShouldBe(new DateOnly(2022, 7, 21)); // the fake's header, kept as given
        // Its dates are random: "Child referral date missing or after data collection period" (rule 8600) leaves 8 of
        // its 402 referrals out; the other dates after the reference date are counted as given.
        file.Data.Children.Sum(c => c.Episodes.Count).ShouldBe(394);
        string.Join(", ", file.Problems.GroupBy(p => (p.Rule, p.Outcome)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal).Select(g => $"{g.Key.Rule} {g.Key.Outcome} {g.Count()}")).ShouldBe("8600 LeftOut 8, 8620 Counted 6");
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
        var (merged, fixes) = Stack.CinCensus(new[] { CinCensusReader.ReadStrict(Data("newer-2024-25.xml")), CinCensusReader.ReadStrict(Data("older-2023-24.xml")) }.Select(f => (f.ReferenceDate, f.Data)));

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
        fixes.ShouldBeEmpty(); // the episode open at 31 March 2024 is in the newer census
    }
}
