using Dapper;
using Outturn.Store;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary><c>outturn audit verify</c> on each provider: intact logs, and the first entry changed behind Outturn's back.</summary>
public sealed class AuditCommandTests
{
    public static TheoryData<string> Providers() => CliStore.Providers();

    /// <summary>Three target settings a minute apart: three entries in the audit trail.</summary>
    private static void SetTargets(CliStore store)
    {
        foreach (var (green, amber) in new[] { ("90", "82"), ("92.5", "85"), ("95", "90") })
        {
            CliRun.With(store.Settings, "targets", "set", "--indicator", "assess-45wd", "--year", "2025-26", "--green", green, "--amber", amber).ExitCode.ShouldBe(0);
            store.Clock.Now = store.Clock.Now.AddMinutes(1);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_OfIntactLogs_GivesEachLogsCountAndLastHash(string provider)
    {
        using var store = new CliStore(provider);
        SetTargets(store);

        var run = CliRun.With(store.Settings, "audit", "verify");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();

        // The same entries hash the same on both providers: one expected file.
        Snapshot.Match(run.Output, "audit-verify-intact.txt");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AfterAnEntryIsChanged_NamesIt_AndExitsOne(string provider)
    {
        using var store = new CliStore(provider);
        SetTargets(store);
        using (var c = store.Connect())
        {
            c.Execute(store.Target.Provider == StoreProvider.Sqlite ? "DROP TRIGGER audit_trail_append_only_update" : "DROP TRIGGER audit_trail_append_only ON audit_trail");
            c.Execute("UPDATE audit_trail SET detail = 'assess-45wd 2025-26: green 80, amber 70' WHERE id = 2");
        }

        var run = CliRun.With(store.Settings, "audit", "verify");

        run.ExitCode.ShouldBe(1);
        Snapshot.Match(run.Output + "--- error\n" + run.Error.Replace(store.Target.ToString(), "<store>", StringComparison.Ordinal), "audit-verify-broken.txt");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_AfterAnEntryIsDeleted_NamesTheEntryAfterIt(string provider)
    {
        using var store = new CliStore(provider);
        SetTargets(store);
        using (var c = store.Connect())
        {
            c.Execute(store.Target.Provider == StoreProvider.Sqlite ? "DROP TRIGGER audit_trail_append_only_delete" : "DROP TRIGGER audit_trail_append_only ON audit_trail");
            c.Execute("DELETE FROM audit_trail WHERE id = 2");
        }

        var run = CliRun.With(store.Settings, "audit", "verify");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldStartWith("audit trail: 2 entries, broken at entry #3 (2025-04-10T09:32:00.000Z, targets: assess-45wd 2025-26: green 95, amber 90): it does not follow entry #1: an entry was removed, inserted or moved here\n");
    }
}
