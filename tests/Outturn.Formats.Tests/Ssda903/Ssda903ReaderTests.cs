using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.Ssda903;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Ssda903;

public class Ssda903ReaderTests
{
    private static string Data(params string[] parts) => RepoPaths.InRepo(["tests", "Outturn.Formats.Tests", "Ssda903", "TestData", .. parts]);

    [Fact]
    public void ReadYear_ListsEveryProblemWithFileRowColumnChildAndRule()
    {
        var year = Ssda903Reader.ReadYear(Data("bad"), FinancialYear.Parse("2024-25"));

        Snapshot.Match(string.Join("\n", year.Problems.Select(p => (p with { File = Path.GetFileName(p.File) }).ToString())) + "\n", "bad-return.txt");
        // A1's rows with codes outside the lists are counted as given; the one with an unreadable start and the one ending
        // before it starts are not. The unreadable key dates (a birth, an episode's start) refuse the return.
        year.Data.Children.Single().Episodes.Count.ShouldBe(3);
        year.Problems.Where(p => p.Outcome == Outcome.Refused).Select(p => (p.Field, p.Rule)).ShouldBe([("DOB", "102"), ("DECOM", "141")]);
        year.Problems.ShouldAllBe(p => p.Outcome == Outcome.Refused || p.Rule != null);
    }

    // Issue 10 item 10: records that break the DfE's validation rules are computed with, each problem naming the rule
    // (the 903 validator's codes, e.g. 143 "The reason for new episode code is not a valid code", 190 "Child has not
    // been looked after continuously for at least 12 months at 31 March but one or more data items relating to
    // children looked after for 12 months have been completed") and saying what was done.
    [Fact]
    public void ReadYear_SaysForEachRuleBrokenWhatWasDone()
    {
        var year = Ssda903Reader.ReadYear(Data("bad"), FinancialYear.Parse("2024-25"));

        year.Problems.Select(p => (p.Rule, p.Outcome)).ShouldContain(("143", Outcome.Counted));
        year.Problems.Select(p => (p.Rule, p.Outcome)).ShouldContain(("356", Outcome.LeftOut));
        year.Problems.Select(p => (p.Rule, p.Outcome)).ShouldContain(("501", Outcome.Repaired));
        year.Problems.Select(p => (p.Rule, p.Outcome)).ShouldContain(("INT32", Outcome.Repaired));
        year.Problems.Where(p => p.Rule == "INT03").ShouldHaveSingleItem().ChildId.ShouldBe("Z9");
    }

    // Issue 10 item 15: "Rows repeated in a table (OC2, OC3) are counted twice. Duplicate keys are a validation problem,
    // reported, and counted once." The 903 validator: INT32 "Child should only exist once in Header", INT33 "Child
    // should only exist once in OC2".
    [Fact]
    public void ReadYear_CountsARepeatedRowOnceAndLeavesOutASecondRowThatDiffers()
    {
        var year = Ssda903Reader.ReadYear(Data("repeated"), FinancialYear.Parse("2023-24"));

        year.Data.Children.Select(c => (c.ChildId, c.Episodes.Count)).ShouldBe([("A1", 1), ("B2", 1)]);
        year.Data.Children[1].Episodes[0].Placement.ShouldBe("U1"); // the first of B2's two rows starting the same day
        year.Data.HealthOutcomes.Select(h => (h.ChildId, h.TeethCheck)).ShouldBe([("A1", true), ("B2", true)]);
        year.Problems.Select(p => $"{Path.GetFileName(p.File)} {p.Row} {p.Outcome} {p.Rule}").ShouldBe(
        [
            "header.csv 3 Repaired INT32",
            "episodes.csv 3 Repaired ",
            "episodes.csv 5 LeftOut 501",
            "oc2.csv 3 Repaired INT33",
            "oc2.csv 5 LeftOut INT33",
        ]);
        year.Problems[^1].Message.ShouldBe("child B2 is already in OC2 at row 4, with other details (DfE rule INT33): this row is left out and row 4 is counted.");
    }

    [Fact]
    public void ReadYear_LeavesOutOfTheHealthFiguresAnOc2RowForAChildNotLookedAfter12Months()
    {
        // Looked after from 1 April 2022, so 12 months at 31 March 2023 but not at 31 March 2022 (the year's start is
        // 1 April 2021: the episode begins a period of care after it).
        var year = Ssda903Reader.ReadYear(Data("repeated"), FinancialYear.Parse("2021-22"));

        year.Data.HealthOutcomes.ShouldBeEmpty();
        year.Problems.Where(p => p.Rule == "190").Select(p => (p.ChildId, p.Outcome)).ShouldBe([("A1", Outcome.LeftOut), ("B2", Outcome.LeftOut)]);
    }

    // Issue 10 item 13: "two files that claim the same table must be an error naming both".
    [Fact]
    public void ReadFolder_RefusesTwoFilesHoldingOneTableNamingBoth()
    {
        var error = Should.Throw<InputException>(() => Ssda903Reader.ReadFolder(Data("layouts", "stale"))).Errors.Single();

        Path.GetFileName(error.File).ShouldBe("episodes.csv");
        error.Message.ShouldBe("this file and episodes (old).csv both hold the episodes table (recognised by its DECOM column); remove the one that is not this year's return. The return is refused.");
    }

    // Issue 10 item 11: "accept 2017-18, 2017-2018 or the collection year end, a single year's tables directly in the
    // folder given, and files prefixed with the year (2017-episodes.csv)".
    [Theory]
    [InlineData("named", new[] { "2017-18", "2023-24", "2024-25" })]
    [InlineData("prefixed", new[] { "2023-24", "2024-25" })]
    [InlineData("single", new[] { "2024-25" })]
    public void ReadFolder_ReadsYearsLaidOutAsCouncilsKeepThem(string layout, string[] expected)
    {
        var years = Ssda903Reader.ReadFolder(Data("layouts", layout));

        years.Select(y => y.Year.ToString()).ShouldBe(expected);
        years.SelectMany(y => y.Problems).ShouldBeEmpty();
        years[^1].Data.Children.Single().Episodes.Count.ShouldBe(2);
    }

    [Fact]
    public void ReadFolder_ReadsAnXmlReturnNamedByItsYearAndListsAnEmptyYearFolder()
    {
        var year = Ssda903Reader.ReadFolder(Data("layouts", "xml")).Single();

        year.Year.ShouldBe(FinancialYear.Parse("2024-25"));
        year.Data.Children.Single().ChildId.ShouldBe("K1");
        year.Problems.Single().Message.ShouldBe("a year folder with no CSV tables or XML file: nothing in it is read.");
    }

    [Fact]
    public void ReadFolder_RefusesAFolderWhoseNameContradictsItsDates()
    {
        var error = Should.Throw<InputException>(() => Ssda903Reader.ReadFolder(Data("layouts", "contradicts"))).Errors.Single();

        Path.GetFileName(error.File).ShouldBe("2022-23");
        error.Message.ShouldBe("the folder name '2022-23' gives 2022-23, but 2 of its 2 episodes have dates after 31/03/2023, the latest child K1's episode ending 01/05/2024: it looks like the 2024-25 return. Name the folder or files for the year the return is for. The return is refused.");
    }

    [Fact]
    public void ReadFolder_RefusesTwoReturnsForOneYear() =>
        Should.Throw<InputException>(() => Ssda903Reader.ReadFolder(Data("layouts", "twice"))).Errors.Single().Message
            .ShouldStartWith("more than one return is for 2024-25: the folder name '2024-25' (");

    [Fact]
    public void ReadFolder_ListsWhatItDoesNotRead()
    {
        var years = Ssda903Reader.ReadFolder(Data("layouts", "extras"));

        years.Single().Problems.Select(p => (Path.GetFileName(p.File), p.Outcome)).ShouldBe(
        [
            ("notes.txt", Outcome.NotRead),
            ("archive", Outcome.NotRead),
            ("contacts.csv", Outcome.NotRead),
        ]);
        years.Single().Problems[2].Message.ShouldBe("not an SSDA903 table: no column says which (its header row has NAME, PHONE); nothing in it is read.");
    }

    [Fact]
    public void ReadYear_TheDfESampleHas5050EpisodesFor2123Children()
    {
        var year = Ssda903Reader.ReadYear(RepoPaths.InSamples("ssda903"), FinancialYear.Parse("2017-18"));

        year.Data.Children.Count.ShouldBe(2123);
        year.Data.Children.Sum(c => c.Episodes.Count).ShouldBe(5050);
        // Random data: every rule below is broken somewhere, and one missing row repeats another (counted once).
        year.Problems.GroupBy(p => p.Rule).Select(g => (g.Key, g.Count())).ShouldBe(
            [("148", 1413), ("385", 12), ("501", 62), ("142", 10), ("190", 1654), ("133", 2), ("132", 12), (null, 1)], ignoreOrder: true);
        year.Problems.ShouldNotContain(p => p.Outcome == Outcome.Refused);
        year.Data.HealthOutcomes.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ReadFolder_GivesEachYearToStackAndTheStackClosesTheEpisodeAnOlderReturnLeftOpen()
    {
        var years = Ssda903Reader.ReadFolder(Data("stacked"));
        var stack = Stack.Ssda903(years.Select(y => (y.Year, y.Data)));

        years.Select(y => y.Year.ToString()).ShouldBe(["2023-24", "2024-25"]);
        var child = stack.Data.Children.Single();
        child.Sex.ShouldBe("M"); // the latest header
        child.Episodes.Select(e => (e.Start, e.End, e.ReasonEnded)).ShouldBe(
        [
            (new DateOnly(2023, 6, 1), (DateOnly?)new DateOnly(2024, 2, 2), "X1"),
            (new DateOnly(2024, 2, 2), null, null),
        ]);
        stack.Fixes.Single().Action.ShouldBe("left open: closed on 2024-02-02 with X1");
        years.SelectMany(y => y.Problems).ShouldBeEmpty();
    }

    [Fact]
    public void ReadXml_ReadsTheXmlFormAsTheCsvForm()
    {
        var year = FinancialYear.Parse("2024-25");

        var xml = Ssda903Reader.ReadXml(Data("k1-2024-25.xml"), year);
        var csv = Ssda903Reader.ReadYear(Data("stacked", "2024-25"), year);

        xml.Problems.ShouldBeEmpty();
        xml.Data.Children.ShouldHaveSingleItem().Episodes.ShouldBe(csv.Data.Children.Single().Episodes);
        xml.Data.Children[0].Sex.ShouldBe("M");
    }

    [Fact]
    public void ReadXml_TheDfEFakeHas459EpisodesFor198ChildrenInCare()
    {
        var year = Ssda903Reader.ReadXml(RepoPaths.InSamples("ssda903", "fake_903.xml"), FinancialYear.Parse("2017-18"));

        // 253 children in the header, 198 of them with episodes; OC2 for all 253, OC3 and missing for 6 each
        year.Data.Children.Count.ShouldBe(198);
        year.Data.Children.Sum(c => c.Episodes.Count).ShouldBe(459);
        // OC2 is given for all 253, of whom 95 were looked after for the 12 months (rule 190 leaves out the rest); OC3
        // for 6, one with an accommodation code outside the list (rule 133); missing for 6.
        (year.Data.HealthOutcomes.Count, year.Data.CareLeavers.Count, year.Data.Missing.Count).ShouldBe((95, 5, 6));
        year.Problems.GroupBy(p => p.Rule).Select(g => (g.Key, g.Count())).ShouldBe([("148", 133), ("385", 1), ("501", 7), ("190", 158), ("132", 1), ("133", 1)], ignoreOrder: true); // random data
    }

    [Fact]
    public void ReadFolder_NamesAFolderWithoutAReturn() =>
        Should.Throw<InputException>(() => Ssda903Reader.ReadFolder(Data("layouts", "empty"))).Errors.Single().Message
            .ShouldBe("no SSDA903 return: no year folders (named like 2024-25, 2024-2025, 2024_25 or 2025), no files prefixed with a year, and no CSV tables or XML file in the folder itself.");
}
