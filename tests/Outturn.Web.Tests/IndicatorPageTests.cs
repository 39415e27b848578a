using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Outturn.App.Benchmarks;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>
/// The indicator page's published benchmarks and the scorecard's benchmark columns, for our authority
/// (<c>Outturn:Authority</c>): computed from the published statistics the store holds, and equal to what the
/// repository's files give through the command line's calculation.
/// </summary>
public sealed partial class IndicatorPageTests
{
    private const string Us = "Rotherham";

    public static TheoryData<string> Providers() => TestSite.Providers();

    [Fact]
    public async Task WithOurAuthority_TheIndicatorPage_ShowsEveryPublishedYear_WithItsSourceAndVintage_AsTheSnapshot()
    {
        using var site = new TestSite("sqlite", Us);
        using var client = await site.SignedIn("analyst");

        var page = await client.GetStringAsync("/indicators/cin-rate");

        page.ShouldContain("<h2 class=\"govuk-heading-m\">Published benchmarks</h2>");
        Snapshot.Match(TestSite.MainOf(page), "indicator-cin-rate-rotherham.html");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ThePublishedBenchmarks_AreThoseTheRepositorysFilesGive_ForEveryMappedIndicatorAndYear(string provider)
    {
        using var site = new TestSite(provider, Us);
        using var client = await site.SignedIn("manager");
        var files = new PublishedBenchmarks(PublishedFiles.Open(RepoPaths.Published));
        var mapped = NationalIndicators.Indicators.Where(i => files.MeasureFor(i) is not null).ToList();
        var us = files.Statistics.Authority(Us, mapped.Select(i => files.MeasureFor(i)!));
        var expected = files.ForCatalogue(us, mapped);
        expected.Count.ShouldBeGreaterThan(10);

        foreach (var indicator in expected)
        {
            var section = PublishedSection(await client.GetStringAsync($"/indicators/{indicator.Indicator.Id}"));
            var rows = RowPattern().Matches(section).Select(m => m.Value).ToList();
            rows.Count.ShouldBe(indicator.Years.Count, indicator.Indicator.Id);
            foreach (var (year, row) in indicator.Years.Reverse().Zip(rows))
            {
                var i = indicator.Indicator;
                var cells = CellPattern().Matches(row).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
                var n = year.Neighbours;
                cells.ShouldBe(
                [
                    year.Year.ToString(),
                    Display.Published(year.Value, i),
                    n?.Average is { } av ? $"{Display.Value(av, i)} ({n.Used} of {n.Total})" : Display.Missing,
                    n?.Best is { } best ? $"{best.Name}, {Display.Published(best.Value, i)}" : Display.Missing,
                    year.Regional is { } r ? Display.Published(r.Value, i) : Display.Missing,
                    Display.Published(year.National, i),
                    year.Standing?.TopQuartileThreshold is { } top ? Display.Value(top, i) : Display.Missing,
                    year.Standing?.Band?.ToString() ?? Display.Missing,
                    year.Standing is { Rank: { } rank } s ? $"{rank} of {s.Ranked}" : Display.Missing,
                ], $"{i.Id} {year.Year}");
            }
        }
    }

    [Fact]
    public async Task WithOurAuthority_TheScorecardsBenchmarkColumns_AreTheCommandLines()
    {
        using var site = new TestSite("sqlite", Us);
        using var client = await site.SignedIn("analyst");
        var files = new PublishedBenchmarks(PublishedFiles.Open(RepoPaths.Published));
        var card = ScorecardCalculator.Compute(files.WithOurBenchmarks(site.Store().Scorecard().Load(), Us), Month.Parse("2025-03"));
        var expected = new StringBuilder();
        ScorecardHtml.AppendTable(expected, ScorecardView.Build(card), (_, _) => null, monthLines: true);

        var page = await client.GetStringAsync("/");

        card.Rows.Count(r => r.Benchmarks?.StatNeighbourAverage is not null).ShouldBeGreaterThan(5);
        page.ShouldContain(expected.ToString());
    }

    [Fact]
    public async Task WithNoAuthority_TheIndicatorPage_SaysWhyThereAreNoPublishedBenchmarks()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");

        var section = PublishedSection(await client.GetStringAsync("/indicators/cin-rate"));

        section.ShouldContain("None: no authority is configured (<code>Outturn:Authority</code>)");
        RowPattern().IsMatch(section).ShouldBeFalse();
    }

    [Fact]
    public async Task AnAuthorityThePublishedStatisticsDoNotKnow_IsSaidOnThePage_AndTheScorecardStillShows()
    {
        using var site = new TestSite("sqlite", "Atlantis");
        using var client = await site.SignedIn("analyst");

        var section = PublishedSection(await client.GetStringAsync("/indicators/cin-rate"));
        using var scorecard = await client.GetAsync("/");

        section.ShouldContain("None for Atlantis: ");
        section.ShouldContain("Atlantis");
        scorecard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The page from its published benchmarks heading to the commentary's.</summary>
    private static string PublishedSection(string page)
    {
        var start = page.IndexOf("<h2 class=\"govuk-heading-m\">Published benchmarks</h2>", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "the page has no published benchmarks section");
        return page[start..page.IndexOf("<h2 class=\"govuk-heading-m\">Commentary on ", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\">\\s*<th scope=\"row\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd] [^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
