using System.Net;

namespace Outturn.Web.Tests;

/// <summary>
/// The GOV.UK Frontend files as shipped: its styles and images served, its GDS Transport typeface not (it is for
/// services on GOV.UK only), so every page is set in the styles' fallback, Arial.
/// </summary>
public sealed class FrontendTests
{
    [Fact]
    public async Task TheFrontendStylesAreServed_WithoutTheGovUkTypeface()
    {
        using var site = new TestSite("sqlite");
        using var client = site.Client();

        var css = await client.GetStringAsync("/govuk/govuk-frontend.min.css");

        css.ShouldContain("font-family:GDS Transport,arial,sans-serif");
        css.ShouldNotContain("@font-face");
        css.ShouldNotContain("/assets/fonts/");
        (await client.GetAsync("/assets/images/favicon.ico")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Directory.Exists(Outturn.Testing.RepoPaths.InRepo("src", "Outturn.Web", "wwwroot", "govuk", "assets", "fonts")).ShouldBeFalse();
    }
}
