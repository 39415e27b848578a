using Microsoft.Extensions.Configuration;
using Outturn.Store;
using Outturn.Web.Accounts;

namespace Outturn.Web.Tests;

/// <summary>The host's settings from configuration, and Entra ID's groups as roles.</summary>
public sealed class SettingsTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void TheStore_IsOutturnDatabase_ThenOutturnDb_ThenTheCommandLinesFile()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);

        OutturnWeb.SettingsFrom(Configuration(("Outturn:Database", "/srv/a.db"), ("OUTTURN_DB", "/srv/b.db")), TimeProvider.System).Database.ShouldBe("/srv/a.db");
        OutturnWeb.SettingsFrom(Configuration(("OUTTURN_DB", "/srv/b.db")), TimeProvider.System).Database.ShouldBe("/srv/b.db");
        OutturnWeb.SettingsFrom(Configuration(("Outturn:Database", " ")), TimeProvider.System).Database.ShouldBe(StoreTarget.DefaultIn(local).Location);
    }

    [Fact]
    public void Entra_IsOffUnlessItsAuthorityAndClientAreConfigured()
    {
        EntraSignIn.IsConfigured(Configuration()).ShouldBeFalse();
        EntraSignIn.IsConfigured(Configuration(("Outturn:Entra:Authority", "https://login.microsoftonline.com/t/v2.0"))).ShouldBeFalse();
        EntraSignIn.IsConfigured(Configuration(("Outturn:Entra:Authority", "https://login.microsoftonline.com/t/v2.0"), ("Outturn:Entra:ClientId", "c"))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(new[] { "g-members", "g-analysts" }, "analyst")] // the most trusted role of the groups
    [InlineData(new[] { "G-MANAGERS" }, "manager")] // group ids ignore case
    [InlineData(new[] { "g-other" }, null)] // no mapped group: refused
    [InlineData(new string[0], null)]
    public void Entra_GivesTheMostTrustedRoleTheGroupsMapTo(string[] groups, string? role)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["g-members"] = "member", ["g-analysts"] = "analyst", ["g-managers"] = "manager" };

        EntraSignIn.RoleOf(groups, map).ShouldBe(role);
    }
}
