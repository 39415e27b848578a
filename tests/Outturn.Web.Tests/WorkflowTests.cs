using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Outturn.Domain.Periods;
using Outturn.Store;

namespace Outturn.Web.Tests;

/// <summary>What each role does through the pages: children, targets, commentary, publishing, imports, accounts.</summary>
public sealed partial class WorkflowTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    [GeneratedRegex("<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">([^<]+)</td>\\s*<td class=\"govuk-table__cell\">(Yes|No)</td>")]
    private static partial Regex CaseRow();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AManagersViewOfTheChildren_IsInTheAccessLog_WithEveryChildShown_AndNoChildInTheAddressOrTitle(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("manager");
        site.Store().AccessLog().ShouldBeEmpty();

        var page = await client.GetStringAsync("/indicators/assess-45wd/children?concern=true");

        var shown = CaseRow().Matches(page).Select(m => m.Groups[1].Value).ToList();
        shown.ShouldNotBeEmpty();
        var entry = site.Store().AccessLog().ShouldHaveSingleItem();
        (entry.By, entry.Purpose).ShouldBe(("manager", "children assess-45wd 2025-03"));
        entry.Children.Split(',').ShouldBe(shown.Distinct().Order(StringComparer.Ordinal), ignoreOrder: true);
        page.ShouldContain("<title>Children behind Assessments completed within 45 working days – Outturn</title>".Replace("Assessments completed within 45 working days", Domain.National.NationalIndicators.Find("assess-45wd")!.Indicator.Name, StringComparison.Ordinal));
        page.ShouldContain("By team");
    }

    [Fact]
    public async Task WhenTheAccessLogCannotBeWritten_NoChildIsShown()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("admin");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Target.Location};Pooling=false"))
        {
            c.Open();
            c.Execute("CREATE TRIGGER access_log_refuses BEFORE INSERT ON access_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }

        using var response = await client.GetAsync("/indicators/assess-45wd/children");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var page = await response.Content.ReadAsStringAsync();
        CaseRow().Matches(page).ShouldBeEmpty();
        page.ShouldNotContain("By team");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAnalyst_EditsATarget_WhichIsSetAndAudited(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");

        using var response = await TestSite.Post(client, "/targets?year=2024-25", new() { ["green-assess-45wd"] = "92", ["amber-assess-45wd"] = "85" }, formPage: "/targets?year=2024-25");

        response.Headers.Location!.ToString().ShouldBe("/targets?year=2024-25&saved=1");
        var held = site.Store().Targets().Single(t => t.Target.IndicatorId == "assess-45wd" && t.Target.Year == FinancialYear.Parse("2024-25"));
        (held.Target.Thresholds.Green, held.Target.Thresholds.Amber, held.SetBy).ShouldBe((92m, (decimal?)85m, "analyst"));
        site.Store().History()[^1].Detail.ShouldBe("assess-45wd 2024-25: green 92, amber 85");
        (await client.GetStringAsync("/targets?year=2024-25&saved=1")).ShouldContain("1 target saved.");
    }

    [Fact]
    public async Task ATargetThatIsNotANumber_RefusesTheForm_NamingTheField_AndNothingIsSet()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("admin");
        var before = site.Store().History().Count;

        using var response = await TestSite.Post(client, "/targets?year=2024-25", new() { ["green-assess-45wd"] = "ninety", ["green-cpp-2yrs"] = "2" }, formPage: "/targets?year=2024-25");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<a href=\"#green-assess-45wd\">Enter the green threshold for");
        page.ShouldContain("value=\"ninety\"");
        site.Store().History().Count.ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AManager_WritesAndAgreesCommentary_WhichTheNextPublicationTakes(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("manager");
        var area = Domain.National.NationalIndicators.Indicators[0].Area;
        var fields = new Dictionary<string, string> { ["area"] = area, ["workingWell"] = "Visits on time\n\nPlans reviewed", ["challenges"] = "Assessments late", ["status"] = "draft" };

        (await TestSite.Post(client, "/commentary?period=2025-02", fields, formPage: "/commentary?period=2025-02")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fields["status"] = "agreed";
        (await TestSite.Post(client, "/commentary?period=2025-02", fields, formPage: "/commentary?period=2025-02")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var held = site.Store().CommentaryFor(Period.Parse("2025-02"));
        held.Select(c => (c.Heading, c.Body, c.Status, c.Author)).ShouldBe(
        [
            (Commentary.WorkingWell, "Visits on time\nPlans reviewed", "agreed", "manager"),
            (Commentary.Challenges, "Assessments late", "agreed", "manager"),
        ]);
        site.Store().CommentaryHistory(area).Count(c => !c.Current && c.Commentary.Period == "2025-02").ShouldBe(2);
        (await client.GetStringAsync("/commentary?period=2025-02")).ShouldContain("Last written by manager.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAnalyst_PublishesAQuarter_AndEveryoneDownloadsItsReport(string provider)
    {
        using var site = new TestSite(provider);
        using var analyst = await site.SignedIn("analyst");

        using var published = await TestSite.Post(analyst, "/publish", new() { ["period"] = "2024-25Q3" }, formPage: "/publish");
        using var again = await TestSite.Post(analyst, "/publish", new() { ["period"] = "2024-25Q3" }, formPage: "/publish");

        published.Headers.Location!.ToString().ShouldBe("/publish?published=2024-25Q3");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("2024-25Q3 was published on");
        using var member = await site.SignedIn("member");
        (await member.GetStringAsync("/reports")).ShouldContain("2024-25Q3");
        using var html = await member.GetAsync("/reports?handler=download&quarter=2024-25Q3&format=html");
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await html.Content.ReadAsStringAsync()).ShouldContain("Quarter 3 2024/25 (October to December 2024)");
        (await member.GetAsync("/reports?handler=download&quarter=2023-24Q3&format=html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUploadWithABadFile_IsRefusedWithTheProblemsOfThatFile_AndNothingIsStored()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");
        var before = site.Store().History().Count;
        var page = await client.GetStringAsync("/imports");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent("not,a,return\n1,2,3\n"u8.ToArray()), "files", "notes.csv" },
        };

        using var response = await client.PostAsync("/imports", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var report = await response.Content.ReadAsStringAsync();
        report.ShouldContain("The upload was refused: nothing was stored");
        report.ShouldContain("Problems in notes.csv");
        site.Store().History().Count.ShouldBe(before);
    }

    [Fact]
    public async Task AnAdmin_CreatesAnAccount_WhoCanThenSignIn()
    {
        using var site = new TestSite("sqlite");
        using var admin = await site.SignedIn("admin");

        using var response = await TestSite.Post(admin, "/admin", new() { ["name"] = "jo.bloggs", ["role"] = "manager", ["password"] = "correct-horse-battery" }, formPage: "/admin");

        response.Headers.Location!.ToString().ShouldBe("/admin?created=jo.bloggs");
        site.Store().FindAccount("jo.bloggs")!.Role.ShouldBe("manager");
        using var jo = site.Client();
        (await TestSite.Post(jo, "/sign-in", new() { ["name"] = "jo.bloggs", ["password"] = "correct-horse-battery" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await jo.GetAsync("/indicators/assess-45wd/children")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var logs = await admin.GetStringAsync("/admin/logs?user=admin");
        logs.ShouldContain("created jo.bloggs (manager)");
        logs.ShouldMatch(@"Audit trail: [0-9,]+ entries, chain intact\.");
    }

    [Fact]
    public async Task TheLogsPage_SaysWhereTheAuditTrailsChainIsBroken()
    {
        using var site = new TestSite("sqlite");
        using var admin = await site.SignedIn("admin");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={site.Target.Location};Pooling=false"))
        {
            c.Open();
            c.Execute("DROP TRIGGER audit_trail_append_only_update; UPDATE audit_trail SET done_by = 'someone else' WHERE id = 1;");
        }

        var logs = await admin.GetStringAsync("/admin/logs");

        logs.ShouldContain("Audit trail: chain broken at entry #1 (");
        logs.ShouldContain("its fields do not match its hash: it was changed after it was written. Run outturn audit verify.");
        logs.ShouldContain("Access log: ");
    }

    [Fact]
    public async Task TheIndicatorPage_HasTheReportsChartsEachWithATable_AndTheDraftedCommentary()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("member");

        var page = await client.GetStringAsync("/indicators/assess-45wd");

        Regex.Matches(page, "<svg").Count.ShouldBeGreaterThanOrEqualTo(2);
        page.ShouldContain("by month</caption>");
        page.ShouldContain("The process chart's points</caption>");
        page.ShouldContain("Outturn (drafted from the data)");
        page.ShouldNotContain("/children");
        (await client.GetAsync("/indicators/no-such-indicator")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
