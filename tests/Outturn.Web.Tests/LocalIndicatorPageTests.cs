using System.Net;
using Outturn.App.Imports;
using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>
/// A local indicator in the web app: its ready-made figures on the scorecard, and its page showing what it has (no
/// national definition and no list of children).
/// </summary>
public sealed class LocalIndicatorPageTests
{
    [Fact]
    public async Task ALocalIndicatorsPage_ShowsItsReadyMadeFigures_WithNoChildList_AsTheSnapshot()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("manager");
        var sample = RepoPaths.InRepo("samples", "local-indicators");
        site.Store().Import(ReturnFiles.Detect([Path.Combine(sample, "catalogue.csv"), Path.Combine(sample, "measures.csv")]));

        var scorecard = await client.GetStringAsync("/");
        var page = await client.GetStringAsync("/indicators/cp-review-timely");
        var children = await client.GetAsync("/indicators/cp-review-timely/children");

        scorecard.ShouldContain("% of child protection plans reviewed on time");
        page.ShouldContain("Ready-made figures loaded from the measures files imported");
        page.ShouldNotContain("/indicators/cp-review-timely/children");
        Snapshot.Match(TestSite.MainOf(page), "indicator-local-cp-review-timely.html");
        children.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/indicators/no-such-indicator")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACatalogueAndMeasuresUpload_IsCheckedAgainstTheStore_ThenLoadedWhenAccepted()
    {
        using var site = new TestSite("sqlite");
        using var analyst = await site.SignedIn("analyst");
        var sample = RepoPaths.InRepo("samples", "local-indicators");
        var catalogue = File.ReadAllBytes(Path.Combine(sample, "catalogue.csv"));
        var measures = File.ReadAllBytes(Path.Combine(sample, "measures.csv"));
        var before = site.Store().History().Count;

        // Measures alone: their indicators are not in the store's catalogue, which the check says, holding nothing.
        using var alone = await ImportPageTests.Upload(analyst, "returns", ("measures.csv", measures));
        alone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await alone.Content.ReadAsStringAsync()).ShouldContain("Problems in measures.csv");

        using var both = await ImportPageTests.Upload(analyst, "returns", ("catalogue.csv", catalogue), ("measures.csv", measures));
        both.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await both.Content.ReadAsStringAsync();
        page.ShouldContain("<td class=\"govuk-table__cell\">measures.csv</td><td class=\"govuk-table__cell\">measures");
        var token = ImportPageTests.HeldToken().Match(page).Groups[1].Value;
        using var accepted = await ImportPageTests.Decide(analyst, "accept", token);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync()).ShouldContain("Imported: 3 local indicator(s) defined, 36 ready-made figure(s) loaded.");
        site.Store().History().Count.ShouldBe(before + 1);
        site.Store().LocalMeasures().Count.ShouldBe(36);
    }

    [Fact]
    public async Task ALocalIndicatorMappedToAPublishedMeasure_HasOurAuthoritysBenchmarks()
    {
        using var site = new TestSite("sqlite", "Rotherham");
        using var client = await site.SignedIn("analyst");
        var folder = Directory.CreateTempSubdirectory("outturn-local-web-").FullName;
        try
        {
            var catalogue = Path.Combine(folder, "catalogue.csv");
            var measures = Path.Combine(folder, "measures.csv");
            File.WriteAllText(catalogue, "id,name,area,kind,unit,polarity,aggregation,benchmark_measure\ncin-rate-ours,Children in need per 10000 (our count),Children in Need,local,rate,low,snapshot,cin-rate\n");
            File.WriteAllText(measures, "indicator,period,value,numerator,denominator\n" + string.Concat(Enumerable.Range(0, 12).Select(m => $"cin-rate-ours,{new Domain.Periods.Month(2024, 4).AddMonths(m)},{310 + m},,\n")));
            site.Store().Import(ReturnFiles.Detect([catalogue, measures]));

            var page = await client.GetStringAsync("/indicators/cin-rate-ours");

            page.ShouldContain("<dt class=\"govuk-summary-list__key\">Published measure</dt>");
            page.ShouldNotContain("This indicator is mapped to no published measure.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
