using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Formats.National;
using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>
/// The caseload view: a team's figures by worker naming no child (nothing logged), a worker's children through the
/// store's audited call, and the CSV of a list written to the access log before it is sent; no child id in an address
/// or a title; managers and admins only.
/// </summary>
public sealed class CaseloadPageTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    /// <summary>The first team and its first named worker holding cases behind the demo's latest figures, and every child they hold.</summary>
    private static (string Team, string Worker, IReadOnlySet<string> TeamChildren, IReadOnlySet<string> WorkerChildren) Holder(TestSite site)
    {
        // Read as the store keeps them (the test's own reads are logged too, so the log is counted from here on).
        var store = site.Store();
        var month = store.LatestMonth()!.Value;
        var lists = NationalIndicators.All.Select(i => store.Cases(i, month, CaseFilter.All)).OfType<IndicatorCases>().ToList();
        var team = lists.SelectMany(l => l.Cases).Select(c => c.Team).OfType<string>().Order(StringComparer.OrdinalIgnoreCase).First();
        var worker = lists.SelectMany(l => l.Cases).Where(c => c.Team == team).Select(c => c.Worker).OfType<string>().Order(StringComparer.OrdinalIgnoreCase).First();
        return (team, worker,
            lists.SelectMany(l => l.Cases).Where(c => c.Team == team).Select(c => c.ChildId).ToHashSet(StringComparer.Ordinal),
            lists.SelectMany(l => l.Cases).Where(c => c.Team == team && c.Worker == worker).Select(c => c.ChildId).ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATeam_IsShownByWorker_NamingNoChild_ThenAWorkersChildrenAreLogged_AndTheirCsvLoggedBeforeItGoes(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("manager");
        var (team, worker, teamChildren, workerChildren) = Holder(site);
        var logged = site.Store().AccessLog().Count;

        // The team: its workers and figures, no child named, nothing logged.
        using var teamView = await TestSite.Post(client, "/caseload", new() { ["team"] = team }, formPage: "/caseload");
        teamView.StatusCode.ShouldBe(HttpStatusCode.OK);
        var teamPage = await teamView.Content.ReadAsStringAsync();
        teamPage.ShouldContain($"Workers in {team}");
        teamPage.ShouldContain($"<th scope=\"row\" class=\"govuk-table__header\">{worker}</th>");
        teamChildren.ShouldNotBeEmpty();
        teamChildren.Where(c => Regex.IsMatch(teamPage, $"\\b{Regex.Escape(c)}\\b")).ShouldBeEmpty();
        site.Store().AccessLog().Count.ShouldBe(logged);

        // The worker: each list the page shows is in the access log, with the children shown.
        using var workerView = await TestSite.Post(client, "/caseload", new() { ["team"] = team, ["worker"] = worker }, formPage: "/caseload");
        workerView.StatusCode.ShouldBe(HttpStatusCode.OK);
        var workerPage = await workerView.Content.ReadAsStringAsync();
        var entries = site.Store().AccessLog().Skip(logged).ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.By == "manager" && e.Purpose.StartsWith("children ", StringComparison.Ordinal));
        var shown = entries.SelectMany(e => e.Children.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        shown.ShouldBe(workerChildren, ignoreOrder: true);
        shown.ShouldAllBe(c => workerPage.Contains($"<td class=\"govuk-table__cell\">{c}</td>", StringComparison.Ordinal));
        workerPage.ShouldContain("<title>Caseload – Outturn</title>");

        // The CSV of one list: the CLI's, logged first, its name naming no child.
        var indicator = Regex.Match(workerPage, "name=\"indicator\" value=\"([^\"]+)\"").Groups[1].Value;
        var before = site.Store().AccessLog().Count;
        using var csv = await TestSite.Post(client, "/caseload?handler=download", new() { ["team"] = team, ["worker"] = worker, ["indicator"] = indicator }, formPage: "/caseload");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var entry = site.Store().AccessLog().Skip(before).ShouldHaveSingleItem();
        entry.Purpose.ShouldBe($"children {indicator} {site.Store().LatestMonth()}");
        var expected = site.Store().Cases(NationalIndicators.Find(indicator)!, site.Store().LatestMonth()!.Value, new CaseFilter(team, worker))!;
        Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').ShouldBe(NationalWriters.ChildrenCsv(expected));
        entry.Children.Split(',').ShouldBe(expected.Cases.Select(c => c.ChildId).Distinct(), ignoreOrder: true);
        var fileName = csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName!;
        fileName.ShouldBe($"children-{indicator}-{site.Store().LatestMonth()}.csv");
    }

    [Fact]
    public async Task TheTeamView_IsTheSnapshot()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("admin");
        var (team, _, _, _) = Holder(site);

        using var response = await TestSite.Post(client, "/caseload", new() { ["team"] = team }, formPage: "/caseload");

        Snapshot.Match(TestSite.MainOf(await response.Content.ReadAsStringAsync()), "caseload-team.html");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATeamOrWorkerNotHeld_IsRefused_AndNothingLogged(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("manager");
        var (team, _, _, _) = Holder(site);
        var logged = site.Store().AccessLog().Count;

        using var noTeam = await TestSite.Post(client, "/caseload", new() { ["team"] = "No such team" }, formPage: "/caseload");
        using var noWorker = await TestSite.Post(client, "/caseload", new() { ["team"] = team, ["worker"] = "No One" }, formPage: "/caseload");
        using var noIndicator = await TestSite.Post(client, "/caseload?handler=download", new() { ["team"] = team, ["worker"] = "No One", ["indicator"] = "assess-45wd" }, formPage: "/caseload");

        noTeam.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noTeam.Content.ReadAsStringAsync()).ShouldContain("Choose a team from the list.");
        noWorker.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noWorker.Content.ReadAsStringAsync()).ShouldContain($"Choose a worker of {team} from the list.");
        noIndicator.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        site.Store().AccessLog().Count.ShouldBe(logged);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAnalystOrMember_IsRefusedThePageTheTeamTheWorkerAndTheDownload(string provider)
    {
        using var site = new TestSite(provider);
        var (team, worker, _, _) = Holder(site);
        var logged = site.Store().AccessLog().Count;
        foreach (var role in new[] { "analyst", "member" })
        {
            using var client = await site.SignedIn(role);
            (await client.GetAsync("/caseload")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
            {
                ("/caseload", new() { ["team"] = team }),
                ("/caseload", new() { ["team"] = team, ["worker"] = worker }),
                ("/caseload?handler=download", new() { ["team"] = team, ["worker"] = worker, ["indicator"] = "assess-45wd" }),
            })
            {
                (await TestSite.Post(client, path, fields, formPage: "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} POST {path}");
            }
        }

        site.Store().AccessLog().Count.ShouldBe(logged);
    }
}
