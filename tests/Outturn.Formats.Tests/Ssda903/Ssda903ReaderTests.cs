using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Periods;
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
        year.Data.Children.Single().Episodes.Count.ShouldBe(2); // the good rows of A1; the rest are refused
    }

    [Fact]
    public void ReadYear_TheDfESampleHas5050EpisodesFor2123Children()
    {
        var year = Ssda903Reader.ReadYear(RepoPaths.InSamples("ssda903"), FinancialYear.Parse("2017-18"));

        year.Data.Children.Count.ShouldBe(2123);
        year.Data.Children.Sum(c => c.Episodes.Count).ShouldBe(5050);
        year.Problems.Count(p => p.Field == "DECOM").ShouldBe(72); // random data: overlapping episodes
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
        (year.Data.HealthOutcomes.Count, year.Data.CareLeavers.Count, year.Data.Missing.Count).ShouldBe((253, 6, 6));
        year.Problems.GroupBy(p => p.Field).Select(g => (g.Key, g.Count())).ShouldBe([("DECOM", 7), ("ACCOM", 1)], ignoreOrder: true); // random data
    }

    [Fact]
    public void ReadFolder_NamesAFolderWithoutYears() =>
        Should.Throw<InputException>(() => Ssda903Reader.ReadFolder(Data("bad"))).Errors.Single().Message
            .ShouldBe("no year folders (named like 2024-25) with the SSDA903 CSV tables.");
}
