using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outturn.Formats.Pdf;

namespace Outturn.Web.Tests;

/// <summary>
/// The app on a real Kestrel port in Debian's Chromium (through Playwright; no browser is downloaded): each role's
/// work done as a person does it, axe-core on every page (no serious or critical violation), sign-in by keyboard alone.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _site = new TestSite("sqlite");
        _site.UseKestrel(0);
        _site.StartServer();
        _base = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var chromium = ChromiumPdf.FindExecutable(null);
        chromium.ShouldNotBeNull("Chromium is needed: apt-get install chromium (.ci/run installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _site.Dispose();
    }

    private async Task<IPage> SignedIn(string role)
    {
        var page = await (await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true })).NewPageAsync();
        await page.GotoAsync(_base + "/sign-in");
        await page.FillAsync("#name", role);
        await page.FillAsync("#password", TestSite.Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(_base + "/");
        return page;
    }

    /// <summary>Runs axe on the page: no serious or critical violation.</summary>
    private static async Task Accessible(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        bad.ShouldBeEmpty($"axe on {page.Url}");
    }

    [Fact]
    public async Task SignIn_ByKeyboardAlone_FromTheSkipLinkToTheScorecard()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_base + "/sign-in");
        await Accessible(page);

        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "name"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("name");
        await page.Keyboard.TypeAsync("manager");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("password");
        await page.Keyboard.TypeAsync(TestSite.Password);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(_base + "/");
        (await page.TitleAsync()).ShouldBe("Scorecard, March 2025 – Outturn");
    }

    [Fact]
    public async Task AWrongPassword_ShowsAnAccessibleErrorSummary()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_base + "/sign-in");
        await page.FillAsync("#name", "analyst");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("button:has-text('Sign in')");

        (await page.InnerTextAsync(".govuk-error-summary")).ShouldContain("Enter a correct name and password");
        await Accessible(page);
    }

    [Theory]
    // axe reads every page once, as the admin who sees them all, and the member's scorecard (small numbers withheld).
    [InlineData("admin", true, new[] { "/", "/reports", "/indicators/assess-45wd", "/indicators/assess-45wd/children", "/targets", "/commentary", "/actions", "/actions?edit=1", "/caseload", "/publish", "/imports", "/admin", "/admin/logs" })]
    [InlineData("analyst", false, new[] { "/", "/reports", "/indicators/cpp-2yrs", "/targets", "/commentary", "/actions", "/publish", "/imports" })]
    [InlineData("manager", false, new[] { "/", "/indicators/cpp-2yrs", "/indicators/cpp-2yrs/children", "/commentary", "/actions", "/caseload" })]
    [InlineData("member", true, new[] { "/", "/reports", "/indicators/assess-45wd" })]
    public async Task EachRole_OpensTheScorecard_DrillsIntoAnIndicator_AndEveryPageItMaySeeIsAccessible(string role, bool axe, string[] pages)
    {
        var page = await SignedIn(role);
        await page.ClickAsync("main ul.govuk-list a.govuk-link >> nth=0");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/indicators/"));
        (await page.Locator("svg").CountAsync()).ShouldBeGreaterThan(0);

        foreach (var path in pages)
        {
            var response = await page.GotoAsync(_base + path);
            response!.Status.ShouldBe(200, path);
            if (axe)
            {
                await Accessible(page);
            }
        }
    }

    [Fact]
    public async Task AManagerSeesTheChildren_AndAMemberIsRefused()
    {
        var manager = await SignedIn("manager");
        await manager.ClickAsync("a[href='/indicators/assess-45wd']");
        await manager.ClickAsync("text=The children behind the latest figure");
        (await manager.InnerTextAsync("h1")).ShouldStartWith("Children behind");
        _site.Store().AccessLog().ShouldContain(e => e.By == "manager");

        // The caseload: a team by worker, then a worker's children and the download of one list, by keyboard and mouse alike.
        await manager.ClickAsync("a[href='/caseload']");
        await manager.ClickAsync("button:has-text('Show the team')");
        (await manager.InnerTextAsync("main")).ShouldContain("Workers in");
        await Accessible(manager);
        await manager.ClickAsync("button:has-text('Show the children') >> nth=0");
        (await manager.InnerTextAsync("h2.govuk-heading-m")).ShouldStartWith("Children held by");
        await Accessible(manager);
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.ClickAsync("button:has-text('Download the list (CSV)') >> nth=0"));
        download.SuggestedFilename.ShouldStartWith("children-");
        manager.Url.ShouldNotContain("worker");

        var member = await SignedIn("member");
        var refused = await member.GotoAsync(_base + "/indicators/assess-45wd/children");
        refused!.Status.ShouldBe(403);
        (await member.InnerTextAsync("h1")).ShouldBe("You do not have access to this page");
        await Accessible(member);
    }

    [Fact]
    public async Task AnAnalyst_EditsATarget_UploadsABadFile_PublishesAQuarter_AndDownloadsItsPdf()
    {
        var page = await SignedIn("analyst");

        await page.GotoAsync(_base + "/targets?year=2024-25");
        await page.FillAsync("#green-cpp-2yrs", "2.5");
        await page.ClickAsync("button:has-text('Save targets')");
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("1 target saved.");

        await page.GotoAsync(_base + "/imports");
        await page.SetInputFilesAsync("#files", new FilePayload { Name = "notes.csv", MimeType = "text/csv", Buffer = "not,a,return\n"u8.ToArray() });
        await page.ClickAsync("button:has-text('Upload and check')");
        (await page.InnerTextAsync(".govuk-error-summary")).ShouldContain("nothing was stored");
        (await page.InnerTextAsync("main")).ShouldContain("Problems in notes.csv");
        await Accessible(page);

        // A good file is checked, then accepted, and is in the history.
        await page.GotoAsync(_base + "/imports");
        await page.CheckAsync("#kind-targets");
        await page.SetInputFilesAsync("#files", new FilePayload { Name = "targets.csv", MimeType = "text/csv", Buffer = "indicator,year,green,amber\nassess-45wd,2024-25,93,86\n"u8.ToArray() });
        await page.ClickAsync("button:has-text('Upload and check')");
        (await page.InnerTextAsync("main")).ShouldContain("Targets: 1 for 2024-25");
        await Accessible(page);
        await page.ClickAsync("button:has-text('Accept and import')");
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("1 target(s) set.");
        (await page.InnerTextAsync("main")).ShouldContain("assess-45wd 2024-25: green 93, amber 86");

        await page.GotoAsync(_base + "/publish");
        await page.FillAsync("#period", "2024-25Q3");
        await page.ClickAsync("button:has-text('Publish')");
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("2024-25Q3 is published");

        await page.GotoAsync(_base + "/reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='quarter=2024-25Q3'][href*='format=pdf']"));
        var path = await download.PathAsync();
        System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)[..4]).ShouldBe("%PDF");
    }

    [Fact]
    public async Task AManager_WritesCommentary_ThenAgreesIt()
    {
        var page = await SignedIn("manager");
        await page.GotoAsync(_base + "/commentary?period=2025-02");
        var form = page.Locator("form[id^='area-'] >> nth=0");
        await form.Locator("textarea[name='workingWell']").FillAsync("Visits on time");
        await form.Locator("textarea[name='challenges']").FillAsync("Assessments late");
        await form.Locator("button").ClickAsync();
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("Commentary saved");

        form = page.Locator("form[id^='area-'] >> nth=0");
        await form.Locator("input[value='agreed']").CheckAsync();
        await form.Locator("button").ClickAsync();

        _site.Store().CommentaryFor(Domain.Periods.Period.Parse("2025-02")).ShouldAllBe(c => c.Status == "agreed" && c.Author == "manager");
        await Accessible(page);
    }

    /// <summary>
    /// The main pages at 1,400 pixels, as the README shows them: written to <c>docs/screenshots</c> when
    /// <c>OUTTURN_UPDATE_SNAPSHOTS=1</c> (review them before committing), else to a temporary folder, and each must
    /// hold a drawn page.
    /// </summary>
    [Fact]
    public async Task TheMainPages_AreDrawn_AsTheReadmesScreenshots()
    {
        var update = Environment.GetEnvironmentVariable(Testing.Snapshot.UpdateVariable) == "1";
        var folder = update ? Testing.RepoPaths.InRepo("docs", "screenshots") : Directory.CreateTempSubdirectory("outturn-web-shots-").FullName;
        var page = await SignedIn("analyst");
        (string Path, string File, bool Full)[] shots =
        [
            ("/", "web-scorecard.png", false),
            ("/?area=" + Uri.EscapeDataString(Domain.National.NationalIndicators.Indicators[0].Area) + "&rag=red", "web-scorecard-filtered.png", false),
            ("/indicators/assess-45wd", "web-indicator.png", true),
            ("/targets?year=2024-25", "web-targets.png", false),
            ("/commentary?period=2024-25Q4", "web-commentary.png", false),
            ("/actions", "web-actions.png", false),
            ("/imports", "web-imports.png", false),
        ];
        try
        {
            foreach (var (path, file, full) in shots)
            {
                await page.GotoAsync(_base + path);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, file), FullPage = full });
                new FileInfo(System.IO.Path.Combine(folder, file)).Length.ShouldBeGreaterThan(20_000, file);
            }

            // The caseload is a manager's, shown for a team (by worker, no child named).
            var manager = await SignedIn("manager");
            await manager.GotoAsync(_base + "/caseload");
            await manager.ClickAsync("button:has-text('Show the team')");

            // The form's answer is a new page: drawn once it shows the team, not while the browser is leaving the last.
            await manager.Locator("caption:has-text('Workers in')").WaitForAsync();
            await manager.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            await manager.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, "web-caseload.png") });
            new FileInfo(System.IO.Path.Combine(folder, "web-caseload.png")).Length.ShouldBeGreaterThan(20_000, "web-caseload.png");

            var signIn = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 700 } });
            await signIn.GotoAsync(_base + "/sign-in");
            await signIn.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, "web-sign-in.png") });
        }
        finally
        {
            if (!update)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
