using System.Net;

namespace Outturn.Web.Tests;

/// <summary>
/// Who may see and do what, through the real pipeline: every page and every form action for every role (allowed →
/// 200, or the form's redirect; refused → 403), and every page for someone not signed in (→ sign-in), on each provider.
/// </summary>
public sealed class AccessTests
{
    private static readonly string[] Everyone = ["admin", "analyst", "manager", "member"];

    /// <summary>Every page, and the roles it lets in.</summary>
    private static readonly (string Path, string[] Allowed)[] Pages =
    [
        ("/", Everyone),
        ("/?published=2024-25Q4", Everyone),
        ("/reports", Everyone),
        ("/indicators/assess-45wd", Everyone),
        ("/indicators/assess-45wd/children", ["admin", "manager"]),
        ("/targets", ["admin", "analyst"]),
        ("/commentary", ["admin", "analyst", "manager"]),
        ("/caseload", ["admin", "manager"]),
        ("/actions", ["admin", "analyst", "manager"]),
        ("/actions?edit=1", ["admin", "analyst", "manager"]),
        ("/publish", ["admin", "analyst"]),
        ("/imports", ["admin", "analyst"]),
        ("/admin", ["admin"]),
        ("/admin/logs", ["admin"]),
    ];

    /// <summary>Every form action, the fields it posts, the roles it lets in, and what an allowed post answers.</summary>
    private static readonly (string Path, Dictionary<string, string> Fields, string[] Allowed)[] Actions =
    [
        ("/targets?year=2024-25", new() { ["green-assess-45wd"] = "91", ["amber-assess-45wd"] = "83" }, ["admin", "analyst"]),
        ("/commentary?period=2024-25Q4", new() { ["area"] = NationalArea(), ["workingWell"] = "Visits on time", ["challenges"] = "Assessments", ["status"] = "draft" }, ["admin", "analyst", "manager"]),
        ("/actions?handler=add", new() { ["areaOfFocus"] = "Timeliness of assessments", ["indicators"] = "assess-45wd", ["owner"] = "Head of Service", ["due"] = "30/6/2025" }, ["admin", "analyst", "manager"]),
        ("/actions?handler=update", new() { ["id"] = "1", ["status"] = "done", ["owner"] = "Head of Service", ["due"] = "30/6/2025", ["notes"] = "Done" }, ["admin", "analyst", "manager"]),
        ("/publish", new() { ["period"] = "2025-02" }, ["admin", "analyst"]),
        ("/admin", new() { ["name"] = "new.person", ["role"] = "member", ["password"] = "a-long-password-1" }, ["admin"]),
    ];

    private static readonly Dictionary<string, TestSite> Sites = new(StringComparer.Ordinal);
    private static readonly Dictionary<(string, string), HttpClient> Readers = [];

    /// <summary>A client signed in as the role on the provider's shared site (kept for the test run).</summary>
    private static async Task<HttpClient> Reader(string provider, string role)
    {
        if (!Readers.TryGetValue((provider, role), out var client))
        {
            if (!Sites.TryGetValue(provider, out var site))
            {
                site = new TestSite(provider);
                Sites[provider] = site;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
            }

            client = await site.SignedIn(role);
            Readers[(provider, role)] = client;
        }

        return client;
    }

    private static string NationalArea() => Domain.National.NationalIndicators.Indicators[0].Area;

    public static TheoryData<string, string, string, bool> PageCases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var provider in TestSite.ProviderNames())
        {
            foreach (var (path, allowed) in Pages)
            {
                foreach (var role in Everyone)
                {
                    data.Add(provider, role, path, allowed.Contains(role));
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string, int, bool> ActionCases()
    {
        var data = new TheoryData<string, string, int, bool>();
        foreach (var provider in TestSite.ProviderNames())
        {
            for (var a = 0; a < Actions.Length; a++)
            {
                foreach (var role in Everyone)
                {
                    data.Add(provider, role, a, Actions[a].Allowed.Contains(role));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task EveryPage_ForEveryRole_IsShownOrRefused(string provider, string role, string path, bool allowed)
    {
        // Reading changes nothing a page shows, so one site per provider and one client per role serve every case.
        var client = await Reader(provider, role);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, $"{role} GET {path}");
        if (!allowed)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("You do not have access to this page");
        }
    }

    [Theory]
    [MemberData(nameof(ActionCases))]
    public async Task EveryFormAction_ForEveryRole_IsDoneOrRefused_AndARefusalChangesNothing(string provider, string role, int action, bool allowed)
    {
        var (path, fields, _) = Actions[action];
        using var site = new TestSite(provider);
        using var client = await site.SignedIn(role);
        var before = site.Store().History().Count;

        // The token comes from the scorecard (every role sees it): a refused role cannot open the form's page.
        using var response = await TestSite.Post(client, path, fields, formPage: "/");

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} POST {path}");
            site.Store().History().Count.ShouldBe(before + 1);
            site.Store().History()[^1].By.ShouldBe(role);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} POST {path}");
            site.Store().History().Count.ShouldBe(before);
        }
    }

    /// <summary>
    /// The role table of <c>docs/reliability.md</c> is this class's: every page and form action, each role allowed or
    /// refused, as the tests above check every cell on each provider.
    /// </summary>
    [Fact]
    public void TheRoleTable_InTheReliabilityDocument_IsTheTableTestedHere()
    {
        var table = new System.Text.StringBuilder();
        table.Append("| request | ").Append(string.Join(" | ", Everyone)).Append(" |\n");
        table.Append("| --- |").Append(string.Concat(Everyone.Select(_ => " --- |"))).Append('\n');
        string Cells(string[] allowed, string yes) => string.Join(" | ", Everyone.Select(r => allowed.Contains(r) ? yes : "refused (403)"));
        foreach (var (path, allowed) in Pages)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| GET `{path}` | {Cells(allowed, "shown (200)")} |\n");
        }

        foreach (var (path, fields, allowed) in Actions)
        {
            table.Append(System.Globalization.CultureInfo.InvariantCulture, $"| POST `{path}` ({string.Join(", ", fields.Keys)}) | {Cells(allowed, "done, audited")} |\n");
        }

        table.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"\n{(Pages.Length + Actions.Length) * Everyone.Length} cells, each a test on SQLite and on PostgreSQL (`AccessTests`); every page not signed in goes to sign-in ({Pages.Length} tests).\n");
        Outturn.Testing.Snapshot.MatchSection(table.ToString(), Outturn.Testing.RepoPaths.InRepo("docs", "reliability.md"), "outturn-roles");
    }

    public static TheoryData<string> PagePaths()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Pages)
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task EveryPage_ForSomeoneNotSignedIn_SendsThemToSignIn(string path)
    {
        using var site = new TestSite("sqlite");
        using var client = site.Client();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/sign-in?ReturnUrl=");
    }
}
