using System.Net;

namespace Outturn.Web.Tests;

/// <summary>Signing in and out, lock-out, anti-forgery and the security headers, through the real pipeline.</summary>
public sealed class SignInTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_WithTheRightPassword_GivesAnHttpOnlyCookieThatExpiresWithoutUse_AndTheScorecard(string provider)
    {
        using var site = new TestSite(provider);
        using var client = site.Client();

        using var response = await TestSite.Post(client, "/sign-in", new() { ["name"] = "manager", ["password"] = TestSite.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("outturn=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldNotContain("expires", Case.Insensitive); // a session cookie: it ends with the browser, or after 20 minutes unused
        (await client.GetStringAsync("/")).ShouldContain("Sign out manager (manager)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_AWrongPassword_IsRefusedWithAnErrorSummary_AndCounted(string provider)
    {
        using var site = new TestSite(provider);
        using var client = site.Client();

        using var response = await TestSite.Post(client, "/sign-in", new() { ["name"] = "analyst", ["password"] = "wrong" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("Enter a correct name and password");
        site.Store().FindAccount("analyst")!.FailedAttempts.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_TheFifthWrongPasswordInARow_LocksTheAccountFor15Minutes_EvenForTheRightPassword(string provider)
    {
        using var site = new TestSite(provider);
        using var client = site.Client();
        for (var i = 0; i < 4; i++)
        {
            (await TestSite.Post(client, "/sign-in", new() { ["name"] = "member", ["password"] = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var fifth = await (await TestSite.Post(client, "/sign-in", new() { ["name"] = "member", ["password"] = "wrong" })).Content.ReadAsStringAsync();
        using var right = await TestSite.Post(client, "/sign-in", new() { ["name"] = "member", ["password"] = TestSite.Password });

        fifth.ShouldContain("This account is locked after 5 wrong passwords in a row");
        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        site.Store().History()[^1].Detail.ShouldBe("member: locked until 2025-04-14T09:15:00.000Z after 5 failed sign-ins");

        site.Clock.Now = site.Clock.Now.AddMinutes(15);
        using var later = await TestSite.Post(client, "/sign-in", new() { ["name"] = "member", ["password"] = TestSite.Password });
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_AnUnknownName_IsRefusedAsAWrongPasswordIs()
    {
        using var site = new TestSite("sqlite");
        using var client = site.Client();

        using var response = await TestSite.Post(client, "/sign-in", new() { ["name"] = "nobody", ["password"] = TestSite.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Enter a correct name and password");
    }

    [Fact]
    public async Task APost_WithoutTheAntiForgeryToken_IsRefused_AndChangesNothing()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("admin");
        var before = site.Store().History().Count;

        using var response = await client.PostAsync("/publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["period"] = "2025-02" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        site.Store().History().Count.ShouldBe(before);
        site.Store().Publications().Select(p => p.Period).ShouldNotContain("2025-02");
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiForgeryToken_IsRefused()
    {
        using var site = new TestSite("sqlite");
        using var client = site.Client();

        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "admin", ["password"] = TestSite.Password }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");

        using var response = await TestSite.Post(client, "/sign-out", [], formPage: "/");
        using var after = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldStartWith("http://localhost/sign-in");
    }

    [Fact]
    public async Task TheSession_EndsAfter20MinutesWithoutARequest()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");

        site.Clock.Now = site.Clock.Now.AddMinutes(19);
        (await client.GetAsync("/reports")).StatusCode.ShouldBe(HttpStatusCode.OK);
        site.Clock.Now = site.Clock.Now.AddMinutes(21);
        using var after = await client.GetAsync("/reports");

        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/")]
    [InlineData("/govuk/govuk-frontend.min.css")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("member");

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldStartWith("default-src 'self'; script-src 'self' 'nonce-");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }
}
