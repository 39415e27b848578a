using System.Net;
using System.Text.RegularExpressions;
using Outturn.Store;
using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>The actions page: the board's actions listed with overdue ones in words, raised and changed through the store (audited), bad input refused.</summary>
public sealed class ActionsPageTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    [Fact]
    public async Task TheDemoActions_AreListed_AsTheSnapshot()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("manager");

        var page = await client.GetStringAsync("/actions");

        site.Store().Actions().ShouldNotBeEmpty();
        Snapshot.Match(TestSite.MainOf(page), "actions-manager.html");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnActionRaised_IsListedOverdueInWords_ThenChanged_WithEachVersionKeptAndAudited(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("manager");
        var before = (Actions: site.Store().Actions().Count, Audit: site.Store().History().Count);

        // Due on 1 April 2025; the site's clock is at 14 April 2025.
        using var raised = await TestSite.Post(client, "/actions?handler=add", new()
        {
            ["areaOfFocus"] = "Assessments on time in the east team",
            ["indicators"] = "assess-45wd",
            ["owner"] = "Head of Service, Assessment",
            ["due"] = "1/4/2025",
        }, formPage: "/actions");

        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var action = site.Store().Actions()[^1];
        site.Store().Actions().Count.ShouldBe(before.Actions + 1);
        (action.AreaOfFocus, action.Owner, action.Due, action.Status, action.RaisedBy).ShouldBe(("Assessments on time in the east team", "Head of Service, Assessment", new DateOnly(2025, 4, 1), ActionStatus.Open, "manager"));
        raised.Headers.Location!.ToString().ShouldBe($"/actions?raised={action.Id}");
        var list = await client.GetStringAsync(raised.Headers.Location.ToString());
        list.ShouldContain($"Action #{action.Id} raised.");
        Row(list, action.Id).ShouldContain("1 April 2025<br><strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>");

        using var changed = await TestSite.Post(client, "/actions?handler=update", new()
        {
            ["id"] = action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "done",
            ["owner"] = "Team Manager, East",
            ["due"] = "1/4/2025",
            ["notes"] = "Backlog cleared",
        }, formPage: "/actions");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var now = site.Store().Actions().Single(a => a.Id == action.Id);
        (now.Status, now.Owner, now.Notes, now.UpdatedBy).ShouldBe((ActionStatus.Done, "Team Manager, East", "Backlog cleared", "manager"));
        Row(await client.GetStringAsync("/actions"), action.Id).ShouldNotContain("Overdue");
        site.Store().ActionHistory(action.Id).Count.ShouldBe(2);
        site.Store().History().Count.ShouldBe(before.Audit + 2);
        site.Store().History()[^1].Detail.ShouldBe($"#{action.Id} changed: status 'open' to 'done', notes '' to 'Backlog cleared', owner 'Head of Service, Assessment' to 'Team Manager, East'");
        var edit = await client.GetStringAsync($"/actions?edit={action.Id}");
        edit.ShouldContain($"<title>Change action #{action.Id} – Outturn</title>");
        edit.ShouldContain("1 (raised)");
        edit.ShouldContain("Backlog cleared");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadFields_AreEachNamed_AndNothingIsStored(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");
        var before = (Actions: site.Store().Actions(), Audit: site.Store().History().Count);

        using var add = await TestSite.Post(client, "/actions?handler=add", new() { ["areaOfFocus"] = " ", ["indicators"] = "no-such-indicator", ["owner"] = "", ["due"] = "31/2/2025" }, formPage: "/actions");
        using var update = await TestSite.Post(client, "/actions?handler=update", new() { ["id"] = "1", ["status"] = "finished", ["owner"] = "Head of Service", ["due"] = "soon" }, formPage: "/actions");
        using var missing = await TestSite.Post(client, "/actions?handler=update", new() { ["id"] = "999999", ["status"] = "done", ["owner"] = "Head of Service", ["due"] = "1/4/2025" }, formPage: "/actions");

        add.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await add.Content.ReadAsStringAsync();
        page.ShouldContain("<title>Error: Actions – Outturn</title>");
        foreach (var (field, message) in new[] { ("areaOfFocus", "Enter the area of focus"), ("indicators", "Choose the indicators the action concerns"), ("owner", "Enter who owns the action"), ("due", "Enter the due date as a date, like 31/3/2025 (&#x27;31/2/2025&#x27; is not one)") })
        {
            page.ShouldContain($"<li><a href=\"#{field}\">{message}</a></li>");
        }

        update.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var updatePage = await update.Content.ReadAsStringAsync();
        updatePage.ShouldContain("<li><a href=\"#status\">Choose the status</a></li>");
        updatePage.ShouldContain("value=\"soon\"");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        site.Store().Actions().ShouldBe(before.Actions);
        site.Store().History().Count.ShouldBe(before.Audit);
    }

    private static string Row(string page, long id)
    {
        var match = Regex.Match(page, $"<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">{id}</td>.*?</tr>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"no row for action #{id}");
        return match.Value;
    }
}
