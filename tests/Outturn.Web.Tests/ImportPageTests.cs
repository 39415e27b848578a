using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Outturn.Domain.Periods;

namespace Outturn.Web.Tests;

/// <summary>Imports: an upload is checked (nothing stored), then accepted by its uploader and only then imported.</summary>
public sealed partial class ImportPageTests
{
    public static TheoryData<string> Providers() => TestSite.Providers();

    [GeneratedRegex("name=\"token\" value=\"([0-9a-f]{64})\"")]
    internal static partial Regex HeldToken();

    /// <summary>Uploads files as the page's form does.</summary>
    internal static Task<HttpResponseMessage> Upload(HttpClient client, string kind, params (string Name, byte[] Content)[] files) =>
        Upload(client, kind, release: null, files);

    /// <summary>Uploads files as the page's form does, naming the release of published statistics.</summary>
    internal static async Task<HttpResponseMessage> Upload(HttpClient client, string kind, string? release, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestSite.FormToken(client, "/")), "__RequestVerificationToken" },
            { new StringContent(kind), "kind" },
        };
        if (release is not null)
        {
            form.Add(new StringContent(release), "release");
        }

        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        return await client.PostAsync("/imports", form);
    }

    /// <summary>Posts the accept or cancel form of a held upload.</summary>
    internal static async Task<HttpResponseMessage> Decide(HttpClient client, string handler, string token) =>
        await client.PostAsync($"/imports?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestSite.FormToken(client, "/"),
            ["token"] = token,
        }));

    private static (decimal Green, decimal? Amber, string By) Held(TestSite site) =>
        site.Store().Targets().Where(t => t.Target.IndicatorId == "assess-45wd" && t.Target.Year == FinancialYear.Parse("2024-25"))
            .Select(t => (t.Target.Thresholds.Green, t.Target.Thresholds.Amber, t.SetBy)).Single();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATargetsFile_IsCheckedWithNothingStored_ThenSetWhenAccepted_AndItsTokenThenSpent(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");
        var before = (Held(site), site.Store().History().Count);

        using var checkedUpload = await Upload(client, "targets", ("targets.csv", "indicator,year,green,amber\nassess-45wd,2024-25,93,86\n"u8.ToArray()));

        checkedUpload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await checkedUpload.Content.ReadAsStringAsync();
        page.ShouldContain("Checked: nothing is stored until you accept");
        page.ShouldContain("Targets: 1 for 2024-25");
        (Held(site), site.Store().History().Count).ShouldBe(before);
        var token = HeldToken().Match(page).Groups[1].Value;

        using var accepted = await Decide(client, "accept", token);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await accepted.Content.ReadAsStringAsync();
        done.ShouldContain("1 target(s) set.");
        Held(site).ShouldBe((93m, (decimal?)86m, "analyst"));
        site.Store().History().Count.ShouldBe(before.Item2 + 1);
        Regex.IsMatch(done, "<td class=\"govuk-table__cell\">analyst</td><td class=\"govuk-table__cell\">Targets</td><td class=\"govuk-table__cell\">assess-45wd 2024-25: green 93, amber 86</td>").ShouldBeTrue();
        using var again = await Decide(client, "accept", token);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("The upload is no longer held");
        Directory.GetFileSystemEntries(site.HeldFolder).ShouldBeEmpty();
    }

    /// <summary>
    /// A newer release of a DfE table, uploaded as published statistics: checked (what each measure would be read from,
    /// the uploaded file among them) with nothing stored, then imported when accepted, superseding the release held,
    /// named as the analyst named it; the import history shows it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ANewerReleaseOfPublishedStatistics_IsCheckedThenImportedWhenAccepted_SupersedingTheOneHeld(string provider)
    {
        using var site = new TestSite(provider);
        using var client = await site.SignedIn("analyst");
        var held = site.Store().BenchmarkReleaseOf("cin-rate")!;
        var newer = Encoding.UTF8.GetBytes(File.ReadAllText(Outturn.Testing.RepoPaths.InPublished("b1_children_in_need_2013_to_2025.csv")).Replace("Children in Need,756120,704430,396870,371550,353720,334060,402400,", "Children in Need,756120,704430,396870,371550,353720,334060,402401,", StringComparison.Ordinal));
        var changes = site.Store().History().Count;

        using var checkedUpload = await Upload(client, "published", "reporting year 2026 (October 2026)", ("b1_children_in_need_2013_to_2026.csv", newer));

        checkedUpload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await checkedUpload.Content.ReadAsStringAsync();
        page.ShouldContain("Checked: nothing is stored until you accept");
        page.ShouldContain("<td class=\"govuk-table__cell\">b1_children_in_need_2013_to_2026.csv</td><td class=\"govuk-table__cell\">cin-rate: ");
        page.ShouldContain("reporting year 2026 (October 2026) (uploaded)");
        page.ShouldContain("(from the configured folder)");
        var token = HeldToken().Match(page).Groups[1].Value;
        Outturn.Testing.Snapshot.Match(TestSite.MainOf(page).Replace(token, "(held)", StringComparison.Ordinal), "imports-published-checked.html");
        site.Store().BenchmarkReleaseOf("cin-rate").ShouldBe(held);
        site.Store().History().Count.ShouldBe(changes);

        using var accepted = await Decide(client, "accept", token);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await accepted.Content.ReadAsStringAsync();
        done.ShouldContain("Published statistics imported:");
        done.ShouldContain($"Supersedes {held.FileName}");
        var now = site.Store().BenchmarkReleaseOf("cin-rate")!;
        (now.FileName, now.Release, now.ImportedBy).ShouldBe(("b1_children_in_need_2013_to_2026.csv", "uploaded by analyst on 14 April 2025, reporting year 2026 (October 2026)", "analyst"));
        site.Store().History()[^1].Action.ShouldBe("benchmarks");
        done.ShouldContain("<td class=\"govuk-table__cell\">Published statistics</td>");
    }

    [Fact]
    public async Task PublishedStatistics_NotReadFromOrWithoutARelease_AreRefusedNamingWhy_AndNothingIsHeld()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");
        var csv = "time_period,geographic_level\n2025,National\n"u8.ToArray();

        using var stray = await Upload(client, "published", "reporting year 2026 (October 2026)", ("children_in_need_2026.csv", csv));
        using var unnamed = await Upload(client, "published", ("b1_children_in_need_2013_to_2026.csv", csv));
        using var unreadable = await Upload(client, "published", "reporting year 2026 (October 2026)", ("b1_children_in_need_2013_to_2026.csv", csv));

        stray.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stray.Content.ReadAsStringAsync()).ShouldContain("children_in_need_2026.csv: 1 problem(s)");
        (await stray.Content.ReadAsStringAsync()).ShouldContain("not a file the published statistics are read from");
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unnamed.Content.ReadAsStringAsync()).ShouldContain("Name the release the files are of");
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unreadable.Content.ReadAsStringAsync()).ShouldContain("b1_children_in_need_2013_to_2026.csv: ");
        Directory.Exists(site.HeldFolder).ShouldBeTrue();
        Directory.GetFileSystemEntries(site.HeldFolder).ShouldBeEmpty();
    }

    /// <summary>
    /// An upload over <c>Outturn:MaxUploadMegabytes</c> is refused (413) with a page naming the limit, whether its length
    /// is declared (refused before it is read) or not (cut off at the limit as it is read); nothing is held.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnUploadOverTheLimit_IsRefusedNamingTheLimit_AndNothingIsHeld(bool lengthDeclared)
    {
        using var site = new TestSite("sqlite") { Configured = { ["Outturn:MaxUploadMegabytes"] = "1" } };
        using var client = await site.SignedIn("analyst");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TestSite.FormToken(client, "/")), "__RequestVerificationToken" },
            { new StringContent("returns"), "kind" },
            { new ByteArrayContent(new byte[1536 * 1024]), "files", "CIN_Census_2024-25.xml" },
        };
        HttpContent body = form;
        if (!lengthDeclared)
        {
            body = new Unmeasured(form);
            body.Headers.ContentType = form.Headers.ContentType;
        }

        using var response = await client.PostAsync("/imports", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("The upload is too large");
        page.ShouldContain("Outturn takes uploads of up to 1 MB.");
        (Directory.Exists(site.HeldFolder) ? Directory.GetFileSystemEntries(site.HeldFolder) : []).ShouldBeEmpty();
    }

    /// <summary>A body sent without its length (chunked), as a client streaming a file may send it.</summary>
    private sealed class Unmeasured(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task ATargetsFileWithAnError_IsReportedByFileRowAndField_AndNothingIsHeldToAccept()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("admin");
        var before = site.Store().History().Count;

        using var response = await Upload(client, "targets", ("../../board targets.csv", "indicator,year,green,amber\nassess-45wd,2024-25,ninety,86\n"u8.ToArray()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("The upload was refused: nothing was stored");
        page.ShouldContain("Problems in board targets.csv (1)");
        Regex.IsMatch(page, "<td class=\"govuk-table__cell\">2</td><td class=\"govuk-table__cell\">green</td>").ShouldBeTrue();
        page.ShouldNotContain("Accept and import");
        Directory.Exists(site.HeldFolder).ShouldBe(true);
        Directory.GetFileSystemEntries(site.HeldFolder).ShouldBeEmpty();
        site.Store().History().Count.ShouldBe(before);
    }

    [Fact]
    public async Task AReturn_IsReadWhenChecked_AndAcceptedByItsUploaderOnly_ElseRefused()
    {
        using var site = new TestSite("sqlite");
        using var analyst = await site.SignedIn("analyst");
        using var admin = await site.SignedIn("admin");
        var census = File.ReadAllBytes(Path.Combine(Demo.DemoCache.Ensure(Demo.DemoCache.In(Path.GetTempPath())), "cin-census", "CIN_Census_2024-25.xml"));
        var before = site.Store().History().Count;

        using var bad = await Upload(analyst, "returns", ("CIN_Census_2024-25.xml", census[..(census.Length / 2)]));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Problems in CIN_Census_2024-25.xml");

        using var good = await Upload(analyst, "returns", ("CIN_Census_2024-25.xml", census));
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await good.Content.ReadAsStringAsync();
        page.ShouldContain("<td class=\"govuk-table__cell\">CIN_Census_2024-25.xml</td><td class=\"govuk-table__cell\">cin-census 2024-25");
        var token = HeldToken().Match(page).Groups[1].Value;

        // Another person cannot accept it, and the first can cancel it.
        (await Decide(admin, "accept", token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Decide(analyst, "cancel", token)).Headers.Location!.ToString().ShouldBe("/imports?cancelled=1");
        (await Decide(analyst, "accept", token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Held again and accepted: the same file as the one held, so nothing changes, and it is said.
        using var again = await Upload(analyst, "returns", ("CIN_Census_2024-25.xml", census));
        using var accepted = await Decide(analyst, "accept", HeldToken().Match(await again.Content.ReadAsStringAsync()).Groups[1].Value);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync()).ShouldContain("Nothing changed: every file was already imported.");
        site.Store().History().Count.ShouldBe(before);
    }

    [Fact]
    public async Task AHeldUpload_GoesAfterAnHour()
    {
        using var site = new TestSite("sqlite");
        using var client = await site.SignedIn("analyst");
        using var upload = await Upload(client, "targets", ("targets.csv", "indicator,year,green,amber\nassess-45wd,2024-25,93,86\n"u8.ToArray()));
        var token = HeldToken().Match(await upload.Content.ReadAsStringAsync()).Groups[1].Value;

        // The session has expired too by then: the same person signs in again.
        site.Clock.Now += TimeSpan.FromMinutes(61);
        using var again = await site.SignedIn("analyst");
        using var late = await Decide(again, "accept", token);

        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Held(site).Green.ShouldNotBe(93m);
        Directory.GetFileSystemEntries(site.HeldFolder).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AManagerOrMember_CannotUploadAcceptOrCancel(string provider)
    {
        using var site = new TestSite(provider);
        using var analyst = await site.SignedIn("analyst");
        using var upload = await Upload(analyst, "targets", ("targets.csv", "indicator,year,green,amber\nassess-45wd,2024-25,93,86\n"u8.ToArray()));
        var token = HeldToken().Match(await upload.Content.ReadAsStringAsync()).Groups[1].Value;

        foreach (var role in new[] { "manager", "member" })
        {
            using var client = await site.SignedIn(role);
            (await Upload(client, "targets", ("targets.csv", "indicator,year,green\nassess-45wd,2024-25,1\n"u8.ToArray()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await Decide(client, "accept", token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
            (await Decide(client, "cancel", token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, role);
        }

        Held(site).Green.ShouldNotBe(93m);
        Directory.GetDirectories(site.HeldFolder).ShouldHaveSingleItem();
    }
}
