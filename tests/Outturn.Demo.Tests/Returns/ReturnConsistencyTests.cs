using Outturn.Demo.Returns;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Tests.Returns;

/// <summary>The returns of one LA agree with one another and with the calendar, year by year.</summary>
[Collection(DemoCollection.Name)]
public class ReturnConsistencyTests(DemoFixture fixture)
{
    private readonly SyntheticLa _la = fixture.La;

    public static TheoryData<string> Years => new() { "2021-22", "2022-23", "2023-24", "2024-25" };

    [Theory]
    [MemberData(nameof(Years))]
    public void Ssda903_BreaksNoValidationRule(string year)
    {
        var errors = Ssda903Rules.Check(Ssda903Year.For(_la, FinancialYear.Parse(year)));

        errors.Take(20).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void CinCensus_BreaksNoValidationRuleOrQuery(string year)
    {
        var errors = CinCensusRules.Check(CinCensusYear.For(_la, FinancialYear.Parse(year)));

        errors.Take(20).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2, 6, "2025-03-31")] // six years, to check longer histories
    [InlineData(3, 3, "2026-03-31")] // 2025-26, with Sex codes and the newest rules
    [InlineData(4, 2, "2020-06-30")] // years before social worker episodes and the sex change
    public void OtherSeedsAndYears_BreakNoValidationRule(int seed, int years, string asAt)
    {
        var la = DemoGenerator.Generate(new DemoSettings(20_000, years, seed, DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture)));

        var errors = la.Settings.ReportingYears
            .SelectMany(y => Ssda903Rules.Check(Ssda903Year.For(la, y)).Concat(CinCensusRules.Check(CinCensusYear.For(la, y))).Select(e => $"{y} {e}"))
            .ToList();

        errors.Take(20).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void EveryChildLookedAfterInTheYear_IsAChildInThatYearsCinCensus(string year)
    {
        var y = FinancialYear.Parse(year);
        var census = CinCensusYear.For(_la, y).Children.Select(c => c.Child.Id).ToHashSet();

        var missing = Ssda903Year.For(_la, y).Episodes.Select(e => e.Child).Distinct().Where(id => !census.Contains(id)).ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EveryProtectionPlan_StartsAtTheConferenceOfASection47InItsEpisode()
    {
        var orphans = _la.Children
            .SelectMany(c => c.CinEpisodes.SelectMany(e => e.ProtectionPlans
                .Where(p => !e.Section47s.Any(s => s.ConferenceDate == p.Start && s.ResultedInPlan && s.Start <= p.Start))
                .Select(p => $"{c.Id} {p.Start}")))
            .ToList();

        orphans.ShouldBeEmpty();
    }

    [Fact]
    public void CareEpisodes_NeverOverlapAndNeverEndBeforeTheyStart()
    {
        var broken = _la.Children
            .Where(c => c.CareEpisodes.Zip(c.CareEpisodes.Skip(1)).Any(p => p.First.End is null || p.Second.Start < p.First.End)
                || c.CareEpisodes.Any(e => e.End <= e.Start))
            .Select(c => c.Id)
            .ToList();

        broken.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void ReturnDates_FallWithinTheYearOrBeforeIt(string year)
    {
        var y = FinancialYear.Parse(year);
        var ssda903 = Ssda903Year.For(_la, y);
        var census = CinCensusYear.For(_la, y);

        ssda903.Episodes.ShouldAllBe(e => e.Episode.Start <= y.End && (e.Episode.End == null || (e.Episode.End >= y.Start && e.Episode.End <= y.End)));
        ssda903.Reviews.ShouldAllBe(r => y.Contains(r.Date));
        census.Children.SelectMany(c => c.Episodes).ShouldAllBe(e => e.ReferralDate <= y.End && (e.ClosureDate == null || y.Contains(e.ClosureDate.Value)));
    }

    [Fact]
    public void Dates_AreConsistentWithBirth()
    {
        var broken = _la.Children.Where(c =>
                c.Contacts.Any(x => x.Date < c.BirthDate)
                || c.CinEpisodes.Any(e => e.ReferralDate < c.BirthDate || e.ReferralDate >= c.Birthday(18))
                || c.CareEpisodes.Any(e => e.Start < c.BirthDate || (e.Rne == "S" && e.Start >= c.Birthday(18)) || e.End > c.Birthday(18))
                || c.Reviews.Any(r => r.Date < c.BirthDate))
            .Select(c => c.Id)
            .ToList();

        broken.ShouldBeEmpty();
    }

    /// <summary>The imperfections of a real LA are there: the demo should not be a tidy world.</summary>
    [Fact]
    public void Imperfections_OfARealLaArePresent()
    {
        var first = _la.Settings.FirstYear;
        var periods = _la.Children.Select(c => c.CareEpisodes.Count(e => e.Rne == "S" && !e.IsShortBreak)).ToList();

        periods.Count(p => p >= 2).ShouldBeGreaterThan(5, "children who leave care and return");
        _la.Children.Count(c => c.CareEpisodes.Any(e => e.Start < first.Start && (e.End is null || e.End > first.Start))).ShouldBeGreaterThan(300, "episodes open at the start");
        var moves = _la.Children.SelectMany(c => c.CareEpisodes).GroupBy(e => e.Rne).ToDictionary(g => g.Key, g => g.Count());
        moves.Keys.Order().ShouldBe(["B", "L", "P", "S", "T", "U"]);
        _la.Children.SelectMany(c => c.CareEpisodes).Count(e => e.IsTemporary).ShouldBeGreaterThan(10, "temporary placements");
        _la.Children.SelectMany(c => c.CareEpisodes).Count(e => e.IsShortBreak).ShouldBeGreaterThan(50, "short breaks");
        _la.Children.Count(c => c.CinEpisodes.Zip(c.CinEpisodes.Skip(1))
            .Any(p => FinancialYear.Containing(p.First.ReferralDate) != FinancialYear.Containing(p.Second.ReferralDate)
                && p.Second.ReferralDate <= p.First.ReferralDate.AddYears(1))).ShouldBeGreaterThan(100, "re-referrals across years");
        _la.Children.Count(c => c.AdoptionDecisions.Any(d => d.Reversed is not null)).ShouldBeGreaterThan(0, "adoption decisions reversed");
    }
}
