using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Benchmarking;

public class StatisticalNeighboursTests
{
    private static NeighbourGroup Group(string code, string name, params string[] neighbours) =>
        new(code, name, neighbours.Select(n => new Neighbour(n, null)).ToArray());

    private static readonly NeighbourModel April2021 = new("April 2021", new FinancialYear(2020),
        [Group("909", "Cumbria", "888", "830"), Group("372", "Rotherham", "370", "371")]);

    private static readonly NeighbourModel May2025 = new("2025", new FinancialYear(2024),
        [Group("942", "Cumberland", "888", "830"), Group("372", "Rotherham", "370", "371")]);

    [Theory]
    [InlineData(2015, "April 2021")] // before every model: the oldest
    [InlineData(2020, "April 2021")]
    [InlineData(2023, "April 2021")]
    [InlineData(2024, "2025")]
    [InlineData(2030, "2025")]
    public void For_ChoosesTheModelInForceWhenTheYearWasPublished(int startYear, string model) =>
        new NeighbourModels([May2025, April2021]).For(new FinancialYear(startYear)).Name.ShouldBe(model);

    [Fact]
    public void Select_AnAuthorityWithAGroup_UsesItsOwn()
    {
        var selection = April2021.Select("372", Reorganisation.England)!;

        selection.Group.Name.ShouldBe("Rotherham");
        selection.Note.ShouldBeNull();
    }

    [Fact]
    public void Select_ASuccessorMissingFromAnOlderModel_UsesItsPredecessorsGroup_AndSaysSo()
    {
        var selection = April2021.Select("943", Reorganisation.England)!; // Westmorland and Furness

        selection.Group.Code.ShouldBe("909");
        selection.Note.ShouldNotBeNull().ShouldContain("Cumbria split");
    }

    [Fact]
    public void Select_APredecessorMissingFromANewerModel_UsesASuccessorsGroup() =>
        May2025.Select("909", Reorganisation.England)!.Group.Code.ShouldBe("942");

    [Fact]
    public void Select_AnUnknownAuthority_HasNoGroup() =>
        May2025.Select("999", Reorganisation.England).ShouldBeNull();

    [Fact]
    public void NeighbourGroup_ListingItself_IsRefused() =>
        Should.Throw<ArgumentException>(() => Group("372", "Rotherham", "370", "372"));

    [Fact]
    public void NeighbourGroup_ListingANeighbourTwice_IsRefused() =>
        Should.Throw<ArgumentException>(() => Group("372", "Rotherham", "370", "370"));

    [Fact]
    public void NeighbourModels_TwoModelsForTheSameFirstYear_AreRefused() =>
        Should.Throw<ArgumentException>(() => new NeighbourModels([May2025, new NeighbourModel("other", new FinancialYear(2024), [])]));
}
