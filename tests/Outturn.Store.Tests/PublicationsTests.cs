using Dapper;
using Outturn.App.Audit;
using Outturn.App.Imports;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Store.Tests;

/// <summary>Publications, commentary, the access log, and a store written by an older Outturn, on each provider.</summary>
public sealed class PublicationsTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public void APublishedQuarter_KeepsItsFiguresTargetsAndCommentaryAsShown_AndALaterRevisionShowsBoth(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(ReturnFiles.Detect([root]));
        t.Store.SetTargets([new Target("assess-45wd", new FinancialYear(2024), new Thresholds(Polarity.High, 90m, 82m))]);
        var quarter = new Quarter(new FinancialYear(2024), 4);
        t.Store.WriteCommentary([new Commentary("2024-25Q4", "Children looked after", null, "What's working well", "- Fewer moves", "agreed", "Head of Service")]);
        var asShown = t.Store.Figures().Single(f => f.Figure.Indicator.Id == "cla-count" && f.Figure.Period.ToString() == "2025-03").Figure;

        var publication = t.Store.Publish(quarter);

        t.Store.Revisions().ShouldBeEmpty();
        Should.Throw<StoreException>(() => t.Store.Publish(quarter)).Message.ShouldBe($"2024-25Q4 was published on {publication.At} by analyst.one; a publication never changes.");

        // Then the 2024-25 SSDA903 return is resubmitted with one more child looked after.
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "header.csv"), "K2,M,01/01/2015,WBRI,UN2,,\n");
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "episodes.csv"), "K2,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
        t.Clock.Now = t.Clock.Now.AddDays(20);
        t.Store.Import(ReturnFiles.Detect([Path.Combine(root, "ssda903", "2024-25")]));

        var revised = t.Store.Revisions().Where(r => r.Indicator == "cla-count" && r.Period == "2025-03").ShouldHaveSingleItem();
        (revised.Published, revised.Now, revised.Publication.Period).ShouldBe((asShown.Value, asShown.Value + 1, "2024-25Q4"));
        t.Store.PublishedFigures(publication)[("cla-count", "2025-03")].ShouldBe(asShown.Value);
        using var c = t.Connect();
        c.ExecuteScalar<string>("SELECT body FROM published_commentary").ShouldBe("- Fewer moves");
        c.ExecuteScalar<string>("SELECT green FROM published_targets WHERE indicator = 'assess-45wd'").ShouldBe("90");
        Should.Throw<Exception>(() => c.Execute("UPDATE published_figures SET value = '0'")).Message.ShouldContain("never changes");
        Should.Throw<Exception>(() => c.Execute("DELETE FROM publications")).Message.ShouldContain("never changes");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Publish_WithoutFiguresForItsLastMonth_IsRefused(string provider)
    {
        using var t = new TestStore(provider);

        Should.Throw<StoreException>(() => t.Store.Publish(new Month(2025, 3))).Message.ShouldBe("The store has no figures for 2025-03: import its returns before publishing 2025-03.");
        t.Store.Publications().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Commentary_WrittenAgain_ReplacesTheOld_WhichIsKept(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.WriteCommentary([new Commentary("2025-03", "Children in need", null, "Commentary", "First draft", "draft", "Team manager")]);
        t.Store.WriteCommentary([new Commentary("2025-03", "Children in need", null, "Commentary", "Agreed text", "agreed", "Head of Service")]);

        t.Store.CommentaryFor(new Month(2025, 3)).ShouldBe([new Commentary("2025-03", "Children in need", null, "Commentary", "Agreed text", "agreed", "Head of Service")]);
        using var c = t.Connect();
        c.ExecuteScalar<long>("SELECT count(*) FROM commentary").ShouldBe(2);
        Should.Throw<StoreException>(() => t.Store.WriteCommentary([new Commentary("2025-03", "Children in need", null, "Commentary", "x", "final", "a")]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheAccessLogInTheStore_RecordsEachDisclosure_AndIsAppendOnly(string provider)
    {
        using var t = new TestStore(provider);
        IAccessLog log = new StoreAccessLog(t.Store);

        log.Record(new AccessRecord(t.Clock.Now, "social.worker", "children assess-45wd 2025-03", ["C2", "C1", "C2"]));

        t.Store.AccessLog().ShouldBe([new AccessEntry("2025-04-10T09:30:00.000Z", "social.worker", "children assess-45wd 2025-03", "C1,C2")]);
        using var c = t.Connect();
        Should.Throw<Exception>(() => c.Execute("DELETE FROM access_log")).Message.ShouldContain("append-only");
    }

    [Fact]
    public void TheAccessLogInTheStore_ThatCannotBeWritten_SaysSo_SoNoChildIsShown()
    {
        using var t = new TestStore("sqlite");
        IAccessLog log = new StoreAccessLog(t.Store);
        using (var c = t.Connect())
        {
            c.Execute("DROP TABLE access_log");
        }

        // The same exception as a file log that cannot be written: the CLI's guard then says no child was shown.
        Should.Throw<AccessLogException>(() => log.Record(new AccessRecord(t.Clock.Now, "social.worker", "children cpp-2yrs 2025-03", ["C1"])))
            .Message.ShouldStartWith($"The access log in {t.Target} cannot be written:");
    }

    [Fact]
    public void AStoreWrittenByTheFirstVersion_IsMigrated_KeepingWhatItHeld()
    {
        using var t = new TestStore("sqlite");
        var old = Path.Combine(t.Folder, "store-v1.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "stores", "store-v1.db"), old);
        var target = new StoreTarget(StoreProvider.Sqlite, old);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=false"))
        {
            c.Open();
            c.ExecuteScalar<long>("SELECT version FROM outturn_schema").ShouldBe(1);
        }

        var store = OutturnStore.Open(target, t.Settings("analyst.one"));

        store.StoredVersion().ShouldBe(OutturnStore.SchemaVersion);
        store.Targets().Select(x => x.Target).ShouldBe([new Target("assess-45wd", new FinancialYear(2024), new Thresholds(Polarity.High, 90m, 82m))]);
        store.History().ShouldHaveSingleItem().Action.ShouldBe("targets");

        // Its audit trail, written before the logs were chained, is chained when it is first opened.
        store.VerifyLogs().Select(x => (x.Log, x.Entries, x.Intact)).ShouldBe([("audit trail", 1L, true), ("access log", 0L, true)]);
        using var after = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=false");
        after.Open();
        after.ExecuteScalar<long>("SELECT count(*) FROM audit_trail WHERE chain_hash IS NULL").ShouldBe(0);
    }
}

/// <summary>Retention, on each provider.</summary>
public sealed class RetentionTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public void Purge_EmptiesTheChildLevelReturnsOlderThanTheYearsKept_AndKeepsTheirFigures(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(ReturnFiles.Detect([root]));
        var before = t.Store.Figures();

        // 10 April 2025, keeping one year: the 2023-24 returns (ended 31 March 2024) go; 2024-25 and the population stay.
        var purged = t.Store.Purge(1);

        purged.CaseLists.ShouldBeEmpty();
        var files = purged.Files;
        files.Count.ShouldBe(12);
        files.ShouldContain("CIN_Census_2023-24.xml");
        files.ShouldAllBe(name => name.StartsWith("2023-24/", StringComparison.Ordinal) || name == "CIN_Census_2023-24.xml");
        t.Store.Figures().ShouldBe(before);
        using (var c = t.Connect())
        {
            c.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE purged_at IS NOT NULL AND length(content) = 0").ShouldBe(12);
            c.ExecuteScalar<long>("SELECT count(*) FROM problems p JOIN imports i ON i.id = p.import_id WHERE i.purged_at IS NOT NULL").ShouldBe(0);
        }

        // A later import recomputes the months the returns held cover, and keeps the earlier months as computed.
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "header.csv"), "K2,M,01/01/2015,WBRI,UN2,,\n");
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "episodes.csv"), "K2,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
        var result = t.Store.Import(ReturnFiles.Detect([Path.Combine(root, "ssda903", "2024-25")]));

        result.Months.ShouldBe(new MonthRange(new(2024, 4), new(2025, 3)));
        var after = t.Store.Figures();
        after.Where(f => f.Figure.Period.LastMonth < new Month(2024, 4)).ShouldBe(before.Where(f => f.Figure.Period.LastMonth < new Month(2024, 4)));
        t.Store.History().Select(h => h.Action).ShouldBe(["import", "purge", "import"]);
    }
}
