using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.Sen2;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Sen2;

public class Sen2ReaderTests
{
    private static string Data(string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Sen2", "TestData", file);

    [Fact]
    public void Read_TakesEachRequestWithItsAssessmentAndPlan()
    {
        var file = Sen2Reader.Read(Data("SEN2_2025.xml"));

        file.Problems.ShouldBeEmpty();
        file.ReferenceDate.ShouldBe(new DateOnly(2025, 1, 16));
        file.Data.Requests.Select(r => r.PersonId).ShouldBe(
            ["9990000006", "A999000000001", "A999000000002", "A999000000003", "A999000000004", "A999000000005", "A999000000007"]); // P6 by ULN
        var first = file.Data.Requests[1];
        first.ShouldBe(first with { Received = new DateOnly(2024, 6, 3), Disputed = false });
        first.Assessments.ShouldBe([new EhcAssessment("A", new DateOnly(2024, 10, 1), false, false, new DateOnly(2024, 10, 21))]);
        file.Data.Requests.Single(r => r.PersonId == "A999000000004").Assessments.Single().Disputed.ShouldBeTrue();
        file.Data.Requests.Single(r => r.PersonId == "A999000000005").Assessments.Single().PlanIssued.ShouldBeNull(); // still in assessment
        file.Data.Requests.Single(r => r.PersonId == "A999000000007").Assessments.ShouldBeEmpty(); // refused
    }

    [Fact]
    public void Merge_TakesARepeatedRequestFromTheLatestReturn()
    {
        var merged = Stack.Sen2(Sen2Reader.ReadAll(Data("")).Where(f => !f.File.EndsWith("bad.xml", StringComparison.Ordinal)).Select(f => (f.ReferenceDate, f.Data)));

        merged.Requests.Count.ShouldBe(7);
        merged.Requests.Single(r => r.PersonId == "A999000000005").Assessments.Single().PlanIssued.ShouldBe(new DateOnly(2025, 3, 24));
    }

    [Fact]
    public void TheFilesGiveTheIndicatorHandWorked()
    {
        // October 2024: P1 140 days (in time), P6 141 days (late); P3 (exception) and P4 (tribunal) left out
        var merged = Stack.Sen2(new[] { Sen2Reader.Read(Data("SEN2_2025.xml")), Sen2Reader.Read(Data("SEN2_2025-03-31.xml")) }.Select(f => (f.ReferenceDate, f.Data)));
        var data = new ChildLevelData(ChildInNeedData.Empty, LookedAfterData.Empty, new Dictionary<int, decimal>()) { SpecialNeeds = merged };

        var ehcp = NationalIndicators.Find("ehcp-20wks")!;
        var context = new NationalContext(data);
        var october = ehcp.Cases(context, Month.Parse("2024-10"))!;
        october.Cases.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
            [("9990000006", false, "141 days from request to plan"), ("A999000000001", true, "140 days from request to plan")]);
        var figures = ehcp.Figures(context, new MonthRange(Month.Parse("2024-09"), Month.Parse("2025-03"))).ToDictionary(f => f.Month);
        figures[Month.Parse("2024-09")].Value.ShouldBe(0m); // P2, 175 days
        figures[Month.Parse("2024-10")].ShouldBe(october.Figure);
        figures[Month.Parse("2025-03")].Value.ShouldBe(100m); // P5, from the extract
    }

    [Fact]
    public void Read_ListsEveryProblemWithLineElementPersonAndRule()
    {
        var file = Sen2Reader.Read(Data("bad.xml"));

        Snapshot.Match(string.Join("\n", file.Problems.Select(p => (p with { File = "bad.xml" }).ToString())) + "\n", "bad.txt");
        file.Data.Requests.Select(r => (r.PersonId, r.Received)).ShouldBe(
        [
            ("A999000000011", new DateOnly(2024, 6, 3)), // the repeat is left out
            ("A999000000012", new DateOnly(2024, 7, 1)), // its plan, dated before the request, is left out
            ("A999000000012", new DateOnly(2024, 8, 1)),
        ]);
        file.Data.Requests[1].Assessments.ShouldBeEmpty();
    }

    [Fact]
    public void Read_RefusesAFileThatIsNotSen2()
    {
        var error = Should.Throw<InputException>(() => Sen2Reader.Read(RepoPaths.InSamples("cin-census", "CIN_Census_2021.xml")));

        error.Errors.Single().Message.ShouldBe("this is not a SEN2 file: expected Message with Header and Persons.");
    }
}
