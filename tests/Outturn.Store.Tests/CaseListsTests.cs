using Dapper;
using Outturn.App.Audit;
using Outturn.App.ChildLevel;
using Outturn.App.Imports;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.Store.Tests;

/// <summary>The cases behind the figures, kept at import and given back only through the audited call, on each provider.</summary>
public sealed class CaseListsTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    private sealed class Discarded : IAccessLog
    {
        public void Record(AccessRecord record)
        {
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCasesKept_AreTheLatestTwelveMonthsAndYear_AsTheReturnsGiveThem_AndEachListShownIsLoggedFirst(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(ReturnFiles.Detect([root]));

        var year = FinancialYear.Parse("2024-25");
        t.Store.CasePeriods().ShouldBe([.. MonthRange.Of(year).Reverse().SelectMany(m => m == year.LastMonth ? new Period[] { m, year } : [m])]);

        // The same lists the returns give, read from the files and counted now.
        var load = ChildLevelFiles.Read(ReturnFiles.Lay(ReturnFiles.Detect([root]), Path.Combine(t.Folder, "laid"), null).Paths);
        var context = new NationalContext(load.Data);
        var now = new CaseLists(new Discarded(), t.Clock);
        var compared = 0;
        foreach (var indicator in NationalIndicators.All)
        {
            foreach (var period in new Period[] { new Month(2024, 4), new Month(2025, 3), year })
            {
                var expected = now.List(context, indicator, period, CaseFilter.All, "test");
                var kept = t.Store.Cases(indicator, period, CaseFilter.All);
                if (expected is null)
                {
                    kept.ShouldBeNull($"{indicator.Id} {period}");
                    continue;
                }

                kept.ShouldNotBeNull($"{indicator.Id} {period}");
                kept.Figure.ShouldBe(expected.Figure, $"{indicator.Id} {period}");
                kept.Cases.Select(Line).ShouldBe(expected.Cases.Select(Line), $"{indicator.Id} {period}");
                compared += expected.Cases.Count;
            }
        }

        compared.ShouldBeGreaterThan(1000);

        // Every list shown was logged, with its children; the figures by team name no child and log nothing.
        var before = t.Store.AccessLog().Count;
        var assess = NationalIndicators.Find("assess-45wd")!;
        var late = t.Store.Cases(assess, new Month(2025, 3), new CaseFilter(Outside: true))!;
        late.Cases.ShouldNotBeEmpty();
        t.Store.AccessLog().Count.ShouldBe(before + 1);
        t.Store.AccessLog()[^1].ShouldBe(new AccessEntry("2025-04-10T09:30:00.000Z", "analyst.one", "children assess-45wd 2025-03", string.Join(",", late.Cases.Select(c => c.ChildId).Distinct().Order(StringComparer.Ordinal))));
        t.Store.CasesByHolder(assess, new Month(2025, 3), CaseFilter.All, byTeam: true)!.Sum(g => g.Denominator).ShouldBe(t.Store.Cases(assess, new Month(2025, 3), CaseFilter.All)!.Figure.Denominator);
        t.Store.AccessLog().Count.ShouldBe(before + 2);

        // A period the store keeps no list for gives none and logs nothing.
        t.Store.Cases(assess, new Month(2024, 3), CaseFilter.All).ShouldBeNull();
        t.Store.AccessLog().Count.ShouldBe(before + 2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCasesKept_AreNotShown_WhenTheAccessLogCannotBeWritten(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.Import(ReturnFiles.Detect([TestReturns.CopyTo(t.Folder)]));
        using (var c = t.Connect())
        {
            c.Execute("DROP TABLE access_log");
        }

        Should.Throw<AccessLogException>(() => t.Store.Cases(NationalIndicators.Find("cpp-2yrs")!, new Month(2025, 3), CaseFilter.All));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Retention_DeletesTheCasesOfPeriodsEndedBeforeTheCutOff_AndKeepsTheFigures(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.Import(ReturnFiles.Detect([TestReturns.CopyTo(t.Folder)]));
        var figures = t.Store.Figures();

        // 10 April 2026, keeping one year: 2024-25 ended on 31 March 2025, before 10 April 2025.
        t.Clock.Now = new DateTimeOffset(2026, 4, 10, 9, 30, 0, TimeSpan.Zero);
        var purged = t.Store.Purge(1);

        purged.CaseLists.Count.ShouldBe(13);
        t.Store.CasePeriods().ShouldBeEmpty();
        t.Store.Figures().ShouldBe(figures);
        t.Store.History()[^1].Detail.ShouldContain("the cases behind 2024-04");
    }

    private static string Line(CaseOutcome c) =>
        $"{c.ChildId} {c.InNumerator} {c.Reason} {c.Team} {c.Worker} {string.Join(";", c.Dates.Select(d => $"{d.Label}={d.Date:yyyy-MM-dd}"))}";
}
