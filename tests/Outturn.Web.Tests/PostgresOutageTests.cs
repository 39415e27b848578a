using System.Net;
using Outturn.Domain.Periods;
using Xunit.Abstractions;

namespace Outturn.Web.Tests;

/// <summary>
/// PostgreSQL going away under the web app and coming back (<see cref="TestSite.Outage"/>: every connection to the
/// store's database ended by the server, as at a restart, and new ones refused meanwhile), with the app's connections
/// pooled as when deployed. The requests made meanwhile get a page saying the store cannot be reached (503), never a
/// stack trace or a hang; a target edit posted meanwhile is not half-made; once the server is back every page answers at
/// the first try, and the store holds what it held.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper log)
{
    private static readonly string[] Pages = ["/", "/indicators/assess-45wd", "/targets?year=2024-25", "/actions", "/reports"];

    [Fact]
    public async Task PostgreSqlGoingAwayAndComingBack_CostsTheRequestsMadeMeanwhile_NotData()
    {
        if (!TestSite.ProviderNames().Contains("postgres"))
        {
            log.WriteLine($"Not run: no PostgreSQL server is given (${TestSite.PostgresVariable}); CI always gives one.");
            return;
        }

        using var site = new TestSite("postgres", pooled: true);
        using var analyst = await site.SignedIn("analyst");
        foreach (var page in Pages)
        {
            (await analyst.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, page);
        }

        var token = await TestSite.FormToken(analyst, "/targets?year=2024-25");
        var before = Held(site);

        site.Outage(down: true);
        try
        {
            foreach (var page in Pages)
            {
                using var meanwhile = await analyst.GetAsync(page);
                var body = await meanwhile.Content.ReadAsStringAsync();
                meanwhile.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, page);
                body.ShouldContain("The store cannot be reached");
                body.ShouldNotContain("   at ");
                body.ShouldNotContain("Npgsql");
            }

            using var edit = await analyst.PostAsync("/targets?year=2024-25", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["green-assess-45wd"] = "97",
                ["amber-assess-45wd"] = "93",
            }));
            edit.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            site.Outage(down: false);
        }

        foreach (var page in Pages)
        {
            (await analyst.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{page}, the server back");
        }

        Held(site).ShouldBe(before);
    }

    /// <summary>What the store holds, in brief: figures, targets (the edit's among them), the audit trail, publications.</summary>
    private static string Held(TestSite site)
    {
        var store = site.Store();
        var target = store.Targets().Single(t => t.Target.IndicatorId == "assess-45wd" && t.Target.Year == FinancialYear.Parse("2024-25")).Target.Thresholds;
        return $"{store.Figures().Count} figures, {store.Targets().Count} targets (assess-45wd green {target.Green}), {store.History().Count} changes, {store.Publications().Count} publications";
    }
}
