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
}
