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
}
