using Dapper;
using Outturn.App.ChildLevel;
using Outturn.App.Imports;
using Outturn.App.Scorecards;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.National;

namespace Outturn.Store.Tests;

/// <summary>The store on each provider: migrations, imports, revisions, failures, figures, targets, the audit trail.</summary>
public sealed class OutturnStoreTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    private static IReadOnlyList<ReturnFile> Returns(string root) => ReturnFiles.Detect([root]);

    [Theory]
    [MemberData(nameof(Providers))]
    public void Open_CreatesTheStoreAtTheCurrentSchemaVersion_AndOpeningAgainChangesNothing(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.StoredVersion().ShouldBe(OutturnStore.SchemaVersion);
        var before = t.Snapshot();

        t.Open("analyst.two").StoredVersion().ShouldBe(OutturnStore.SchemaVersion);

        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Open_AStoreWrittenByANewerOutturn_IsRefusedWithAClearMessage_AndLeftAsItWas(string provider)
    {
        using var t = new TestStore(provider);
        using (var c = t.Connect())
        {
            c.Execute("UPDATE outturn_schema SET version = 99");
        }

        var before = t.Snapshot();

        var e = Should.Throw<StoreException>(() => t.Open("analyst.one"));

        e.Message.ShouldContain($"was written by a newer Outturn (schema version 99; this one knows up to {OutturnStore.SchemaVersion})");
        t.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void Open_ASqliteFileThatIsNotAStore_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("outturn-store-other-").FullName;
        try
        {
            var path = Path.Combine(folder, "other.db");
            using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
            {
                c.Open();
                c.Execute("CREATE TABLE customers (id INTEGER)");
            }

            using var t = new TestStore("sqlite");
            Should.Throw<StoreException>(() => OutturnStore.Open(new StoreTarget(StoreProvider.Sqlite, path), t.Settings("a")))
                .Message.ShouldContain("is not an Outturn store");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Import_KeepsEachFileAsReceivedWithWhoAndWhen_AndTheFiguresComputedFromIt(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);

        var result = t.Store.Import(Returns(root));

        result.Files.ShouldAllBe(f => f.Outcome == ImportOutcome.New && f.Revision == 1);
        result.Files.GroupBy(f => f.File.Kind).Select(g => (g.Key, g.Count())).Order().ShouldBe([("cin-census", 2), ("population", 1), ("ssda903", 22)]);
        result.Months.ShouldBe(new MonthRange(new(2023, 4), new(2025, 3)));
        result.Figures.ShouldBeGreaterThan(0);
        using var c = t.Connect();
        var kept = c.Query<(string Name, byte[] Content, string Sha256, string By, string At)>(
            "SELECT name, content, sha256, imported_by, imported_at FROM imports WHERE slot = 'cin-census 2024-25'").Single();
        kept.Content.ShouldBe(File.ReadAllBytes(Path.Combine(root, "cin-census", "CIN_Census_2024-25.xml")));
        kept.Sha256.ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(kept.Content)).ToLowerInvariant());
        (kept.By, kept.At).ShouldBe(("analyst.one", "2025-04-10T09:30:00.000Z"));
        c.ExecuteScalar<long>("SELECT count(*) FROM figures WHERE is_current = 1").ShouldBe(result.Figures);
        c.ExecuteScalar<long>("SELECT count(*) FROM problems").ShouldBe(result.Problems.Count);
        t.Store.History().Single().Action.ShouldBe("import");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Import_TheSameFilesAgain_ChangesNothing_AndSaysSo(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(Returns(root));
        var before = t.Snapshot();
        t.Clock.Now = t.Clock.Now.AddDays(1);

        var again = t.Store.Import(Returns(root));

        again.Unchanged.ShouldBeTrue();
        again.Files.ShouldAllBe(f => f.Outcome == ImportOutcome.Unchanged && f.Earlier == "imported 2025-04-10T09:30:00.000Z by analyst.one");
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Import_ANewerReturnForTheSamePeriod_ReplacesTheOldAsARevision_AndTheFiguresFollowIt(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(Returns(root));
        var first = t.Store.Figures();

        // The 2024-25 return resubmitted with a second child starting to be looked after in May 2024.
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "header.csv"), "K2,M,01/01/2015,WBRI,UN2,,\n");
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "episodes.csv"), "K2,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
        t.Clock.Now = t.Clock.Now.AddMonths(1);
        var result = t.Open("analyst.two").Import(ReturnFiles.Detect([Path.Combine(root, "ssda903", "2024-25")]));

        result.Files.Count(f => f.Outcome == ImportOutcome.Unchanged).ShouldBe(9);
        result.Files.Where(f => f.Outcome != ImportOutcome.Unchanged).Select(f => (f.File.Slot, f.Outcome, f.Revision)).Order().ShouldBe(
        [
            ("ssda903 2024-25 episodes", ImportOutcome.Revised, 2),
            ("ssda903 2024-25 header", ImportOutcome.Revised, 2),
        ]);
        using var c = t.Connect();
        c.Query<(long Revision, long IsCurrent, string By)>("SELECT revision, is_current, imported_by FROM imports WHERE slot = 'ssda903 2024-25 episodes' ORDER BY revision")
            .ShouldBe([(1L, 0L, "analyst.one"), (2L, 1L, "analyst.two")]);
        var second = t.Store.Figures();
        Figure(second, "cla-count", "2025-03").Numerator.ShouldBe(Figure(first, "cla-count", "2025-03").Numerator + 1);
        c.ExecuteScalar<long>("SELECT count(DISTINCT computation_id) FROM figures").ShouldBe(2);
        t.Store.History().Select(h => (h.Action, h.By)).ShouldBe([("import", "analyst.one"), ("import", "analyst.two")]);
    }

    private static Domain.National.IndicatorFigure Figure(IReadOnlyList<StoredFigure> figures, string id, string month) =>
        figures.Single(f => f.Figure.Indicator.Id == id && f.Figure.Period.ToString() == month).Figure;

    [Theory]
    [MemberData(nameof(Providers))]
    public void Import_OfAReturnThatCannotBeRead_IsRefusedWhole_AndLeavesTheStoreExactlyAsItWas(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(Returns(root));
        var before = t.Snapshot();

        // A newer CIN census for the same year, cut off mid-file: its header says what it is, its body cannot be read.
        var census = Path.Combine(root, "cin-census", "CIN_Census_2024-25.xml");
        var text = File.ReadAllText(census);
        File.WriteAllText(census, text[..(text.Length / 2)]);
        var e = Should.Throw<InputException>(() => t.Store.Import(Returns(root)));

        e.Errors.ShouldContain(x => x.File.StartsWith("CIN_Census_2024-25.xml (import #", StringComparison.Ordinal));
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Scorecard_FromTheStore_HasTheFiguresComputedFromTheReturnsThemselves(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        t.Store.Import(Returns(root));

        var stored = t.Store.Scorecard().Load();

        var direct = new NationalScorecardSource(
            new ChildLevelFiles(new ChildLevelPaths(Path.Combine(root, "ssda903"), Path.Combine(root, "cin-census"), Population: Path.Combine(root, "population", "ons_mid-year_population_estimates.csv"))),
            new MonthRange(new(2023, 4), new(2025, 3))).Load();
        stored.Measures.Select(m => (m.IndicatorId, m.Period, m.Observation)).ShouldBe(direct.Measures.Select(m => (m.IndicatorId, m.Period, m.Observation)));
        t.Store.LatestMonth().ShouldBe(new Month(2025, 3));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Scorecard_FromAnEmptyStore_SaysHowToFillIt(string provider)
    {
        using var t = new TestStore(provider);

        Should.Throw<StoreException>(() => t.Store.Scorecard().Load()).Message.ShouldContain("holds no figures yet: import returns (outturn import FILES...) or load the demo LA (outturn demo load)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Targets_SetAgain_ReplaceTheOld_WhichIsKept_WithWhoAndWhenInTheAuditTrail(string provider)
    {
        using var t = new TestStore(provider);
        var year = new FinancialYear(2025);
        t.Store.SetTargets([new Target("assess-45wd", year, new Thresholds(Polarity.High, 90m, 82m))]);
        t.Clock.Now = t.Clock.Now.AddDays(3);
        t.Open("head.of.performance").SetTargets([new Target("assess-45wd", year, new Thresholds(Polarity.High, 92.5m, null))]);

        var (target, by, at) = t.Store.Targets().ShouldHaveSingleItem();

        target.ShouldBe(new Target("assess-45wd", year, new Thresholds(Polarity.High, 92.5m, null)));
        (by, at).ShouldBe(("head.of.performance", "2025-04-13T09:30:00.000Z"));
        using var c = t.Connect();
        c.ExecuteScalar<long>("SELECT count(*) FROM targets").ShouldBe(2);
        t.Store.History().Select(h => h.Detail).ShouldBe(["assess-45wd 2025-26: green 90, amber 82", "assess-45wd 2025-26: green 92.5, amber none"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheAuditTrail_IsAppendOnly(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.SetTargets([new Target("assess-45wd", new FinancialYear(2025), new Thresholds(Polarity.High, 90m, 82m))]);
        using var c = t.Connect();

        Should.Throw<Exception>(() => c.Execute("UPDATE audit_trail SET done_by = 'someone else'")).Message.ShouldContain("append-only");
        Should.Throw<Exception>(() => c.Execute("DELETE FROM audit_trail")).Message.ShouldContain("append-only");
        t.Store.History().ShouldHaveSingleItem().By.ShouldBe("analyst.one");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TwoImportsAtOnce_BothLand_OneAfterTheOther(string provider)
    {
        using var t = new TestStore(provider);
        var root = TestReturns.CopyTo(t.Folder);
        var census = ReturnFiles.Detect([Path.Combine(root, "cin-census"), Path.Combine(root, "population")]);
        var ssda903 = ReturnFiles.Detect([Path.Combine(root, "ssda903")]);
        var a = t.Open("analyst.one");
        var b = t.Open("analyst.two");

        var results = new[] { Task.Run(() => a.Import(census)), Task.Run(() => b.Import(ssda903)) }.Select(x => x.GetAwaiter().GetResult()).ToList();

        results.ShouldAllBe(r => !r.Unchanged);
        using var c = t.Connect();
        c.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE is_current = 1").ShouldBe(25);
        // The later computation saw both imports: nothing computed from half of them is current.
        var last = c.ExecuteScalar<string>("SELECT imports FROM computations ORDER BY id DESC LIMIT 1")!.Split(',').Length;
        last.ShouldBe(25);
        c.ExecuteScalar<long>("SELECT count(DISTINCT computation_id) FROM figures WHERE is_current = 1").ShouldBe(1);
    }

    [Fact]
    public void Backup_WritesACopyThatOpensAsTheSameStore()
    {
        using var t = new TestStore("sqlite");
        t.Store.Import(Returns(TestReturns.CopyTo(t.Folder)));
        var path = Path.Combine(t.Folder, "backup", "outturn-backup.db");

        t.Store.Backup(path);

        var copy = OutturnStore.Open(new StoreTarget(StoreProvider.Sqlite, path), t.Settings("restorer"));
        copy.Figures().ShouldBe(t.Store.Figures());
        Should.Throw<StoreException>(() => t.Store.Backup(path)).Message.ShouldContain("exists");
        t.Store.History().Last().Action.ShouldBe("backup");
    }

    [Fact]
    public void ThePostgresqlRuns_AreNotLeftOutInCi() =>
        (!TestStore.IsCi || TestStore.PostgresWanted).ShouldBeTrue("CI must run the store tests on PostgreSQL too");

    [Theory]
    [InlineData("Host=127.0.0.1;Database=outturn;Username=outturn;Password=secret", StoreProvider.Postgres, "PostgreSQL (Host=127.0.0.1;Database=outturn)")]
    [InlineData("server=db.council.local;database=outturn", StoreProvider.Postgres, "PostgreSQL (server=db.council.local;database=outturn)")]
    public void ATarget_IsPostgresqlWhenItNamesAHost_AndShowsNoPassword(string text, StoreProvider provider, string shown)
    {
        var target = StoreTarget.Parse(text);

        (target.Provider, target.ToString()).ShouldBe((provider, shown));
    }

    [Fact]
    public void ATarget_IsASqliteFileOtherwise() =>
        StoreTarget.Parse("my store.db").ShouldBe(new StoreTarget(StoreProvider.Sqlite, Path.GetFullPath("my store.db")));
}
