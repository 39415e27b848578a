using System.Net;
using System.Text.RegularExpressions;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>The scorecard page: what each role sees, the period and the filters, and the downloads.</summary>
public sealed partial class ScorecardPageTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    /// <summary>The page's main content, without the per-request tokens.</summary>
    [Fact]
    public async Task TheAnalystsScorecard_IsTheLatestMonthGroupedByArea_AsTheSnapshot()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");

        var page = await client.GetStringAsync("/");

        page.ShouldContain("<title>Scorecard, March 2025 – Outturn</title>");
        Snapshot.Match(TestSite.MainOf(page), "scorecard-analyst.html");
    }

    [Fact]
    public async Task TheMembersScorecard_IsThePublishedQuarterWithSmallNumbersWithheld_AsTheSnapshot()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("member");

        var page = await client.GetStringAsync("/");

        page.ShouldContain("Published 2024-25Q4, small numbers withheld");
        Snapshot.Match(TestSite.MainOf(page), "scorecard-member.html");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheScorecard_TheSameOnEitherProvider(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");

        Snapshot.Match(TestSite.MainOf(await client.GetStringAsync("/")), "scorecard-analyst.html");
    }

    /// <summary>
    /// A scorecard worked out once is kept until the store changes: a target set through another store (as another
    /// instance, or the CLI, would) is on the next page, on either provider.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AKeptScorecard_IsForgotten_WhenAnotherInstanceChangesTheStore(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");
        static string Row(string page) => Regex.Match(page, "<tr id=\"assess-45wd\">.*?</tr>").Value;
        var before = Row(await client.GetStringAsync("/"));
        Row(await client.GetStringAsync("/")).ShouldBe(before);

        site.Store().SetTargets([new Target("assess-45wd", FinancialYear.Parse("2024-25"), new Thresholds(Polarity.High, 99.9m, 99.8m))]);

        var after = Row(await client.GetStringAsync("/"));
        after.ShouldNotBe(before);
        after.ShouldContain("99.9");
    }

    [Fact]
    public async Task EachRow_HasALineOfItsMonths_HiddenFromScreenReaders_BesideTheLabelledQuarterlyTrend()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("manager");
        var card = ScorecardCalculator.Compute(site.Store().Scorecard().Load(), Month.Parse("2025-03"));

        var page = await client.GetStringAsync("/");

        var rows = Regex.Matches(page, "<tr id=\"[^\"]+\">.*?</tr>").Select(m => m.Value).ToList();
        rows.Count.ShouldBe(card.Rows.Count);
        rows.ShouldAllBe(r => Regex.Matches(r, "<svg [^>]*class=\"sparkline months\"[^>]*aria-hidden=\"true\" focusable=\"false\"").Count == 1
            && Regex.Matches(r, "role=\"img\" aria-label=\"Trend over 4 quarters").Count == 1);
        page.ShouldNotContain("<title>Months");
    }

    [Fact]
    public async Task AMember_CannotSeeAMonthAfterThePublishedOne()
    {
        using var site = new TestSite("sqlite");
        var store = site.Store();
        using var client = await site.SignedIn("member");

        var page = await client.GetStringAsync("/?period=2025-03");
        store.Publications().Select(p => p.Period).ShouldBe(["2024-25Q4"]);
        page.ShouldContain("Scorecard as at the end of March 2025");

        // A quarter published later is what members see from then on; an earlier month stays reachable.
        (await client.GetStringAsync("/?period=2024-12")).ShouldContain("Scorecard as at the end of December 2024");
    }

    [Theory]
    [InlineData("?period=2024-25Q3", "December 2024")]
    [InlineData("?period=2023-24", "March 2024")]
    [InlineData("?period=2025-01", "January 2025")]
    [InlineData("?period=2030-01", "March 2025")] // beyond the latest month: the latest
    public async Task ThePeriod_IsAMonthQuarterOrYear_ShownAsAtItsLastMonth(string query, string month)
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("manager");

        (await client.GetStringAsync("/" + query)).ShouldContain($"Scorecard as at the end of {month}");
    }

    [Fact]
    public async Task TheFilters_KeepTheRowsOfTheAreaRagAndKindAsked()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");
        var input = site.Store().Scorecard().Load();
        var card = ScorecardCalculator.Compute(input, Month.Parse("2025-03"));
        var area = card.Rows[0].Indicator.Area;
        var expected = card.Rows.Where(r => r.Indicator.Area == area && r.RagYear == Domain.Indicators.Rag.Red).ToList();

        var page = await client.GetStringAsync($"/?area={Uri.EscapeDataString(area)}&rag=red");

        page.ShouldContain($"{expected.Count} of {card.Rows.Count} indicators.");
        foreach (var row in card.Rows)
        {
            page.Contains($"<tr id=\"{row.Indicator.Id}\">", StringComparison.Ordinal).ShouldBe(expected.Contains(row), row.Indicator.Id);
        }
    }

    [Fact]
    public async Task TheCsvDownload_IsTheCsvWritersScorecard_OfTheRowsShown()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");
        var card = ScorecardCalculator.Compute(site.Store().Scorecard().Load(), Month.Parse("2025-03"));

        using var response = await client.GetAsync("/?kind=benchmarking&handler=download&format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("outturn-scorecard-2025-03.csv");
        (await response.Content.ReadAsStringAsync()).ShouldBe(ScorecardCsv.ToText(card with { Rows = [.. card.Rows.Where(r => r.Indicator.Kind == Domain.Indicators.IndicatorKind.Benchmarking)] }));
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData("html", "text/html", "<!DOCTYPE html>")]
    [InlineData("pdf", "application/pdf", "%PDF")]
    public async Task TheOtherDownloads_AreTheirWritersFiles(string format, string type, string start)
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("member");

        using var response = await client.GetAsync($"/?handler=download&format={format}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, start.Length).ShouldBe(start);
    }
}
