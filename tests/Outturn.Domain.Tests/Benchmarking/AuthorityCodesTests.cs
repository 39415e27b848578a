using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Benchmarking;

public class AuthorityCodesTests
{
    // The DfE's published files (b1_children_in_need_2013_to_2025.csv, ons_mid-year_population_estimates): North
    // Yorkshire is "815,E10000023" to 2022 and "815,E06000065" from 2023; 816 is York throughout.
    [Theory]
    [InlineData("815", "815", "2018-19", CodeMatch.Same)]
    [InlineData("E10000023", "E06000065", "2022-23", CodeMatch.Former)]
    [InlineData("E10000023", "E06000065", "2023-24", CodeMatch.Other)]
    [InlineData("E06000065", "E06000065", "2023-24", CodeMatch.Same)]
    [InlineData("E06000065", "E06000065", "2021-22", CodeMatch.Other)]
    [InlineData("816", "815", "2024-25", CodeMatch.Other)]
    public void Match_AcceptsACodeForTheYearsItWasValid(string given, string ours, string year, CodeMatch expected) =>
        AuthorityCodes.Match(given, ours, FinancialYear.Parse(year)).ShouldBe(expected);

    // Reorganisation.England: "Cumbria split into Cumberland and Westmorland and Furness on 1 April 2023" (909 into 942, 943).
    [Theory]
    [InlineData("909", "942", "2022-23", CodeMatch.Predecessor)]
    [InlineData("909", "942", "2023-24", CodeMatch.Other)]
    [InlineData("942", "942", "2022-23", CodeMatch.Other)]
    [InlineData("909", "909", "2023-24", CodeMatch.Other)]
    [InlineData("943", "942", "2024-25", CodeMatch.Other)]
    public void Match_TakesAPredecessorsReturnsForTheYearsBeforeTheReorganisation(string given, string ours, string year, CodeMatch expected) =>
        AuthorityCodes.Match(given, ours, FinancialYear.Parse(year)).ShouldBe(expected);
}
