namespace Outturn.Store.Tests;

/// <summary>Accounts, failed sign-ins and lock-outs, and the data protection key ring, on each provider.</summary>
public sealed class AccountsTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreateAccount_KeepsTheAccount_AndTheAuditTrailSaysWhoCreatedIt(string provider)
    {
        using var t = new TestStore(provider);

        t.Store.As("admin.one").CreateAccount("Jo.Bloggs", AccountRoles.Manager, "hash-1");

        var account = t.Store.FindAccount("jo.bloggs").ShouldNotBeNull();
        account.Name.ShouldBe("Jo.Bloggs");
        account.Role.ShouldBe("manager");
        account.PasswordHash.ShouldBe("hash-1");
        account.CreatedBy.ShouldBe("admin.one");
        account.CreatedAt.ShouldBe("2025-04-10T09:30:00.000Z");
        t.Store.Accounts().Select(a => a.Name).ShouldBe(["Jo.Bloggs"]);
        var entry = t.Store.History().ShouldHaveSingleItem();
        (entry.By, entry.Action, entry.Detail).ShouldBe(("admin.one", "account", "created Jo.Bloggs (manager)"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void CreateAccount_ATakenNameInAnotherCase_IsRefused_AndNothingIsAdded(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.CreateAccount("jo", AccountRoles.Member, "h");

        Should.Throw<StoreException>(() => t.Store.CreateAccount("JO", AccountRoles.Admin, "h")).Message.ShouldBe("There is an account named JO already.");

        t.Store.Accounts().Count.ShouldBe(1);
        t.Store.History().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("jo", "owner", "The role 'owner' is not one of admin, analyst, manager, member.")]
    [InlineData("jo bloggs", "member", "The name 'jo bloggs' is not one Outturn takes: 1 to 100 letters, digits, dots, hyphens, underscores or @.")]
    [InlineData("", "member", "The name '' is not one Outturn takes: 1 to 100 letters, digits, dots, hyphens, underscores or @.")]
    public void CreateAccount_ABadNameOrRole_IsRefusedSayingWhy(string name, string role, string message)
    {
        using var t = new TestStore("sqlite");

        Should.Throw<StoreException>(() => t.Store.CreateAccount(name, role, "h")).Message.ShouldBe(message);

        t.Store.Accounts().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RecordFailedSignIn_TheFifthInARow_LocksTheAccountFor15Minutes_AndIsAudited(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.CreateAccount("jo", AccountRoles.Member, "h");

        for (var i = 1; i <= 4; i++)
        {
            t.Store.RecordFailedSignIn("jo", 5, TimeSpan.FromMinutes(15))!.FailedAttempts.ShouldBe(i);
        }

        var locked = t.Store.RecordFailedSignIn("JO", 5, TimeSpan.FromMinutes(15)).ShouldNotBeNull();

        locked.LockedUntil.ShouldBe(new DateTimeOffset(2025, 4, 10, 9, 45, 0, TimeSpan.Zero));
        t.Store.FindAccount("jo")!.IsLockedAt(t.Clock.Now.AddMinutes(14)).ShouldBeTrue();
        t.Store.FindAccount("jo")!.IsLockedAt(t.Clock.Now.AddMinutes(15)).ShouldBeFalse();
        t.Store.History()[^1].Detail.ShouldBe("jo: locked until 2025-04-10T09:45:00.000Z after 5 failed sign-ins");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void RecordSignIn_StartsTheCountAgain(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.CreateAccount("jo", AccountRoles.Member, "h");
        t.Store.RecordFailedSignIn("jo", 5, TimeSpan.FromMinutes(15));
        t.Store.RecordFailedSignIn("jo", 5, TimeSpan.FromMinutes(15));

        t.Store.RecordSignIn("jo");

        t.Store.FindAccount("jo")!.FailedAttempts.ShouldBe(0);
        t.Store.RecordFailedSignIn("nobody", 5, TimeSpan.FromMinutes(15)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void SetRoleAndSetPassword_ChangeTheAccount_AndAreAudited(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.CreateAccount("jo", AccountRoles.Member, "h");
        for (var i = 0; i < 5; i++)
        {
            t.Store.RecordFailedSignIn("jo", 5, TimeSpan.FromMinutes(15));
        }

        t.Store.As("admin.one").SetRole("jo", AccountRoles.Analyst);
        t.Store.As("admin.one").SetPassword("jo", "h2");

        var jo = t.Store.FindAccount("jo")!;
        (jo.Role, jo.PasswordHash, jo.LockedUntil).ShouldBe(("analyst", "h2", (DateTimeOffset?)null));
        t.Store.History().TakeLast(2).Select(e => $"{e.By}: {e.Detail}").ShouldBe(["admin.one: jo: role member to analyst", "admin.one: jo: password set"]);
        Should.Throw<StoreException>(() => t.Store.SetRole("nobody", AccountRoles.Admin)).Message.ShouldBe("There is no account named nobody.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void DataProtectionKeys_AreKeptInOrder_ForEveryInstanceOnTheStore(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.AddDataProtectionKey(new DataProtectionKey("key-1", "<key id=\"1\"/>"));
        t.Store.AddDataProtectionKey(new DataProtectionKey("key-2", "<key id=\"2\"/>"));

        t.Open("another.instance").DataProtectionKeys().ShouldBe([new DataProtectionKey("key-1", "<key id=\"1\"/>"), new DataProtectionKey("key-2", "<key id=\"2\"/>")]);
    }
}
