using System.Globalization;
using System.Text.RegularExpressions;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;

namespace Outturn.Web.Tests;

/// <summary>
/// Published or latest: a member sees only a publication's frozen figures and targets; the service sees the latest
/// figures with each revised one marked in its cell, or a publication it chooses.
/// </summary>
public sealed partial class PublishedScorecardTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Lowers one current figure's numerator by one, as a later return would revise it; gives the indicator, and its value before and after.</summary>
    private static (Indicator Indicator, decimal? Before, decimal? After) Revise(TestSite site, string indicator, string month)
    {
        var figure = site.Store().Figures().Single(f => f.Figure.Indicator.Id == indicator && f.Figure.Period.ToString() == month).Figure;
        var revised = figure with { Numerator = figure.Numerator - 1 };
        site.Execute($"UPDATE figures SET numerator = '{N(revised.Numerator)}', value = '{N(revised.Value!.Value)}' WHERE is_current = 1 AND indicator = '{indicator}' AND period = '{month}'");
        return (figure.Indicator, figure.Value, revised.Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMembersScorecard_IsThePublicationsFrozenFigures_SoANewerMonthARevisionOrANewTargetChangesNothing(string provider)
    {
        using var site = new TestSite(provider);
        using var member = await site.SignedIn("member");
        using var analyst = await site.SignedIn("analyst");
        var before = TestSite.MainOf(await member.GetStringAsync("/"));

        // A newer month's figures arrive, a published month's figure is revised, and a target is changed.
        site.Execute("INSERT INTO figures (computation_id, indicator, period, numerator, denominator, value, covers_from, covers_to, history_from, is_current) "
            + "SELECT computation_id, indicator, '2025-04', numerator, denominator, value, '2025-04-01', '2025-04-30', history_from, 1 FROM figures WHERE is_current = 1 AND period = '2025-03'");
        Revise(site, "assess-45wd", "2025-01");
        site.Store().SetTargets([new Target("assess-45wd", FinancialYear.Parse("2024-25"), new Thresholds(Polarity.High, 99, 98))]);

        TestSite.MainOf(await member.GetStringAsync("/")).ShouldBe(before);
        (await member.GetStringAsync("/?period=2025-04")).ShouldContain("Scorecard as at the end of March 2025");
        (await member.GetStringAsync("/?published=")).ShouldNotContain("Latest figures");
        (await analyst.GetStringAsync("/")).ShouldContain("Scorecard as at the end of April 2025");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OnTheLatestFigures_ARevisedFigureIsMarkedInItsCell_WithWhatThePublicationShowed(string provider)
    {
        using var site = new TestSite(provider);
        using var analyst = await site.SignedIn("analyst");
        var (indicator, before, after) = Revise(site, "assess-45wd", "2025-01");

        var page = await analyst.GetStringAsync("/");

        var row = Regex.Match(page, "<tr id=\"assess-45wd\">.*?</tr>").Value;
        row.ShouldContain($"<td class=\"noted\">{Display.Value(after, indicator)} <span class=\"note\">revised: 2024-25Q4 showed {Display.Value(before, indicator)}</span></td>");
        Regex.Matches(page, "<span class=\"note\">").Count.ShouldBe(1);
        page.ShouldContain("Revised since published");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheServiceMayChooseAPublication_AndSeesItAsPublished_WithNothingMarked(string provider)
    {
        using var site = new TestSite(provider);
        using var analyst = await site.SignedIn("analyst");
        var (indicator, before, _) = Revise(site, "assess-45wd", "2025-01");
        var published = ScorecardCalculator.Compute(site.Store().PublishedScorecard(site.Store().Publications().Single()).Load(), Month.Parse("2025-03"));

        var page = await analyst.GetStringAsync("/?published=2024-25Q4");

        page.ShouldContain("Published 2024-25Q4, small numbers withheld");
        page.ShouldContain("<option value=\"2024-25Q4\" selected=\"selected\">");
        page.ShouldNotContain("<span class=\"note\">");
        page.ShouldNotContain("Revised since published");
        published.Rows.Single(r => r.Indicator.Id == "assess-45wd").Months[^3].Value.ShouldBe(before);
        Regex.Match(page, "<tr id=\"assess-45wd\">.*?</tr>").Value.ShouldContain($"<td>{Display.Value(before, indicator)}</td>");
    }

    /// <summary>
    /// A member's downloads are of the publication, small numbers withheld: each format the same file the service gets
    /// when it chooses that publication, whatever the latest figures now say; never the latest figures.
    /// </summary>
    [Theory]
    [InlineData("csv")]
    [InlineData("html")]
    public async Task AMembersDownloads_AreThePublishedScorecard_NotTheLatestFigures(string format)
    {
        using var site = new TestSite("sqlite");
        using var member = await site.SignedIn("member");
        using var analyst = await site.SignedIn("analyst");
        Revise(site, "assess-45wd", "2025-01");

        var members = await member.GetStringAsync($"/?handler=download&format={format}");

        members.ShouldBe(await analyst.GetStringAsync($"/?published=2024-25Q4&handler=download&format={format}"));
        members.ShouldNotBe(await analyst.GetStringAsync($"/?handler=download&format={format}"));
        (await member.GetStringAsync($"/?published=&period=2025-03&handler=download&format={format}")).ShouldBe(members);
    }
}
