using Dapper;
using Outturn.App.Imports;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Testing;

namespace Outturn.Store.Tests;

/// <summary>
/// Local indicators in the store on each provider: a catalogue and ready-made measures imported as files, kept beside
/// the national indicators computed from the returns, published, revised, and refused when they break a rule.
/// </summary>
public sealed class LocalIndicatorsTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    /// <summary>The shipped example: three local indicators and their months April 2024 to March 2025.</summary>
    private static string Sample(string name) => RepoPaths.InRepo("samples", "local-indicators", name);

    /// <summary>A file of the test's own, in a folder of its own (so a newer file of the same name can follow).</summary>
    private static string Write(TestStore t, string folder, string name, string text)
    {
        var path = Path.Combine(t.Folder, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static ImportResult ImportSample(TestStore t) => t.Store.Import(ReturnFiles.Detect([Sample("catalogue.csv"), Sample("measures.csv")]));

    [Theory]
    [MemberData(nameof(Providers))]
    public void ACatalogueAndMeasures_AreKeptAsImports_AndTheScorecardFromTheStoreHasTheLocalRows(string provider)
    {
        using var t = new TestStore(provider);

        var result = ImportSample(t);

        result.Files.Select(f => (f.File.Kind, f.File.Slot, f.Outcome)).ShouldBe([("catalogue", "catalogue", ImportOutcome.New), ("measures", "measures", ImportOutcome.New)]);
        (result.LocalIndicators, result.LocalMeasures, result.Computation).ShouldBe((3, 36, null));
        t.Store.LocalCatalogue().Select(i => (i.Id, i.Kind, i.Unit, i.Polarity, i.Aggregation)).ShouldBe(
        [
            ("cp-review-timely", IndicatorKind.Local, Unit.Percent, Polarity.High, Aggregation.Ratio),
            ("sw-caseload", IndicatorKind.Local, Unit.Number, Polarity.Low, Aggregation.Mean),
            ("eh-contacts", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Sum),
        ]);
        using (var c = t.Connect())
        {
            c.Query<(string Kind, byte[] Content)>("SELECT kind, content FROM imports ORDER BY id")
                .Select(r => (r.Kind, r.Content.SequenceEqual(File.ReadAllBytes(Sample(r.Kind + ".csv"))))).ShouldBe([("catalogue", true), ("measures", true)]);
            c.ExecuteScalar<long>("SELECT count(*) FROM figures").ShouldBe(0);
        }

        var input = t.Store.Scorecard().Load();
        input.Catalogue.Select(i => i.Id).ShouldContain("cp-review-timely");
        input.Measures.Where(m => m.IndicatorId == "cp-review-timely").Select(m => m.Period.ToString()).ShouldBe([.. Enumerable.Range(0, 12).Select(i => new Month(2024, 4).AddMonths(i).ToString())]);
        var row = ScorecardCalculator.Compute(input, new Month(2025, 3)).Rows.Single(r => r.Indicator.Id == "cp-review-timely");
        row.Months[^1].Value.ShouldBe(96m);
        t.Store.LatestMonth().ShouldBe(new Month(2025, 3));
        var history = t.Store.History().ShouldHaveSingleItem();
        history.Action.ShouldBe("import");
        history.Detail.ShouldEndWith("; 3 local indicator(s) defined; 36 ready-made figure(s) loaded");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AMeasuresWorkbook_IsToldFromAnnexAByItsFirstSheetsHeader_AndLoadedAsTheCsvIs(string provider)
    {
        using var t = new TestStore(provider);
        var workbook = Outturn.Testing.Fuzz.FuzzTargets.ToXlsx(new("measures.csv", File.ReadAllBytes(Sample("measures.csv"))));
        var path = Path.Combine(t.Folder, workbook.Name);
        File.WriteAllBytes(path, workbook.Content);

        var files = ReturnFiles.Detect([Sample("catalogue.csv"), path]);
        var result = t.Store.Import(files);

        files.Select(f => (f.Name, f.Kind)).ShouldBe([("catalogue.csv", "catalogue"), ("measures.xlsx", "measures")]);
        ReturnFiles.Detect(RepoPaths.InSamples("annex-a", "Annex_A.xlsx")).Kind.ShouldBe(ReturnKind.AnnexA);
        result.LocalMeasures.ShouldBe(36);
        t.Store.LocalMeasures().ShouldBe(CsvMeasures());
    }

    /// <summary>The sample's measures as read from the CSV into a store of their own.</summary>
    private static IReadOnlyList<Measure> CsvMeasures()
    {
        using var other = new TestStore("sqlite");
        ImportSample(other);
        return other.Store.LocalMeasures();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheSameFilesAgain_ChangeNothing(string provider)
    {
        using var t = new TestStore(provider);
        ImportSample(t);
        var before = t.Snapshot();
        t.Clock.Now = t.Clock.Now.AddDays(1);

        var again = ImportSample(t);

        again.Unchanged.ShouldBeTrue();
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ANewerMeasuresFile_RevisesTheFiguresItGives_AndAPublishedLocalFigureIsShownRevised(string provider)
    {
        using var t = new TestStore(provider);
        t.Store.Import(ReturnFiles.Detect([TestReturns.CopyTo(t.Folder), Sample("catalogue.csv"), Sample("measures.csv")]));
        t.Store.SetTargets([new Target("cp-review-timely", new FinancialYear(2024), new Thresholds(Polarity.High, 95m, 90m))]);
        var publication = t.Store.Publish(new Month(2025, 3));
        t.Store.Revisions().ShouldBeEmpty();

        // March 2025 resubmitted: 46 of 50 reviews on time, not 48; the caseload's month given again unchanged.
        var newer = Write(t, "april", "measures.csv", "indicator,period,value,numerator,denominator\ncp-review-timely,2025-03,,46,50\nsw-caseload,2025-03,16.8,,\n");
        t.Clock.Now = t.Clock.Now.AddDays(20);
        var result = t.Store.Import(ReturnFiles.Detect([newer]));

        result.Files.ShouldHaveSingleItem().ShouldSatisfyAllConditions(f => f.Outcome.ShouldBe(ImportOutcome.Revised), f => f.Revision.ShouldBe(2));
        (result.LocalMeasures, result.Computation).ShouldBe((2, null));
        var measures = t.Store.LocalMeasures();
        measures.Count.ShouldBe(36);
        measures.Single(m => m.IndicatorId == "cp-review-timely" && m.Period == new Month(2025, 3)).Observation.ShouldBe(new Observation(null, 46m, 50m));
        measures.Single(m => m.IndicatorId == "cp-review-timely" && m.Period == new Month(2025, 2)).Observation.ShouldBe(new Observation(null, 42m, 45m));
        var revised = t.Store.Revisions().ShouldHaveSingleItem();
        revised.ShouldBe(new RevisedFigure(publication, "cp-review-timely", "2025-03", 96m, 92m));

        // The publication still shows what it showed.
        var shown = t.Store.PublishedScorecard(publication).Load();
        shown.Measures.Single(m => m.IndicatorId == "cp-review-timely" && m.Period == new Month(2025, 3)).Observation.ShouldBe(new Observation(null, 48m, 50m));
        shown.Catalogue.Select(i => i.Id).ShouldContain("eh-contacts");
        t.Store.PublishedFigures(publication)[("sw-caseload", "2025-03")].ShouldBe(16.8m);
        using var c = t.Connect();
        c.Query<(long IsCurrent, string Numerator)>("SELECT is_current, numerator FROM measures WHERE indicator = 'cp-review-timely' AND period = '2025-03' ORDER BY row_id")
            .ShouldBe([(0L, "48"), (1L, "46")]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ACatalogueRedefiningANationalIndicator_IsRefusedNamingTheRow_AndNothingIsStored(string provider)
    {
        using var t = new TestStore(provider);
        var before = t.Snapshot();
        var catalogue = Write(t, "local", "catalogue.csv", File.ReadAllText(Sample("catalogue.csv")) + "ASSESS-45WD,Assessments on time,Children in Need,local,percent,high,ratio,1,,,\n");

        var e = Should.Throw<InputException>(() => t.Store.Import(ReturnFiles.Detect([catalogue, Sample("measures.csv")])));

        var error = e.Errors.ShouldHaveSingleItem();
        (error.File, error.Row, error.Field).ShouldBe(("catalogue.csv", 5, "id"));
        error.Message.ShouldStartWith("'ASSESS-45WD' is a national indicator (");
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void MeasuresForAnUnknownOrANationalIndicator_AreRefusedEveryOneListed_AndNothingIsStored(string provider)
    {
        using var t = new TestStore(provider);
        ImportSample(t);
        var before = t.Snapshot();
        var measures = Write(t, "april", "measures.csv", "indicator,period,value,numerator,denominator\ncp-review-timely,2025-04,,40,44\ncp-reviews-timely,2025-04,,1,2\nassess-45wd,2025-04,,40,50\nsw-caseload,2025-13,17,,\n");

        var e = Should.Throw<InputException>(() => t.Store.Import(ReturnFiles.Detect([measures])));

        e.Errors.Select(x => (x.File, x.Row, x.Field)).ShouldBe([("measures.csv", 3, "indicator"), ("measures.csv", 4, "indicator"), ("measures.csv", 5, "period")]);
        e.Errors[0].Message.ShouldBe("'cp-reviews-timely' is not in the catalogue (did you mean 'cp-review-timely'?).");
        e.Errors[1].Message.ShouldStartWith("'assess-45wd' is a national indicator (");
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void MeasuresWithoutACatalogueHeld_AreRefused(string provider)
    {
        using var t = new TestStore(provider);
        var before = t.Snapshot();

        var e = Should.Throw<InputException>(() => t.Store.Import(ReturnFiles.Detect([Sample("measures.csv")])));

        e.Errors.Count.ShouldBe(36);
        e.Errors.ShouldAllBe(x => x.File == "measures.csv" && x.Field == "indicator");
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ANewerCatalogue_SupersedesTheRowsItGives_KeepingTheOld_AndMayNotChangeThePolarityOfATargetedIndicator(string provider)
    {
        using var t = new TestStore(provider);
        ImportSample(t);
        t.Store.SetTargets([new Target("sw-caseload", new FinancialYear(2024), new Thresholds(Polarity.Low, 18m, 20m))]);
        var renamed = Write(t, "renamed", "catalogue.csv", "id,name,area,kind,unit,polarity,aggregation\nsw-caseload,Average caseload per qualified social worker,Workforce,local,number,low,mean\n");

        var result = t.Store.Import(ReturnFiles.Detect([renamed]));

        (result.LocalIndicators, result.Files.Single().Outcome).ShouldBe((1, ImportOutcome.Revised));
        t.Store.LocalCatalogue().Select(i => (i.Id, i.Name)).ShouldBe(
            [("cp-review-timely", "% of child protection plans reviewed on time"), ("sw-caseload", "Average caseload per qualified social worker"), ("eh-contacts", "Early help contacts")]);
        using (var c = t.Connect())
        {
            c.Query<(string Name, long IsCurrent)>("SELECT name, is_current FROM local_indicators WHERE id = 'sw-caseload' ORDER BY row_id")
                .ShouldBe([("Average caseload per social worker", 0L), ("Average caseload per qualified social worker", 1L)]);
        }

        var before = t.Snapshot();
        var flipped = Write(t, "flipped", "catalogue.csv", "id,name,area,kind,unit,polarity,aggregation\nsw-caseload,Average caseload,Workforce,local,number,high,mean\n");
        var e = Should.Throw<InputException>(() => t.Store.Import(ReturnFiles.Detect([flipped])));
        (e.Errors.ShouldHaveSingleItem().Row, e.Errors.Single().Field).ShouldBe((2, "polarity"));
        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AChildLevelImportAfterTheMeasures_KeepsThem_AndTheirIndicatorsTakeTargets(string provider)
    {
        using var t = new TestStore(provider);
        ImportSample(t);
        var measures = t.Store.LocalMeasures();
        var root = TestReturns.CopyTo(t.Folder);

        var result = t.Store.Import(ReturnFiles.Detect([root]));
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "header.csv"), "K2,M,01/01/2015,WBRI,UN2,,\n");
        File.AppendAllText(Path.Combine(root, "ssda903", "2024-25", "episodes.csv"), "K2,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
        t.Store.Import(ReturnFiles.Detect([Path.Combine(root, "ssda903", "2024-25")]));

        result.Computation.ShouldNotBeNull();
        t.Store.LocalMeasures().ShouldBe(measures);
        t.Store.Figures().ShouldNotContain(f => f.Figure.Indicator.Id == "cp-review-timely");
        t.Store.SetTargets([new Target("cp-review-timely", new FinancialYear(2024), new Thresholds(Polarity.High, 95m, 90m))]);
        var row = ScorecardCalculator.Compute(t.Store.Scorecard().Load(), new Month(2025, 3)).Rows.Single(r => r.Indicator.Id == "cp-review-timely");
        row.RagMonth.ShouldBe(Rag.Green);
    }

    [Fact]
    public void AStoreWrittenByVersion7_IsMigrated_KeepingWhatItHeld_AndTakesLocalIndicators()
    {
        // Written by Outturn at schema version 7: a target set, then the population imported (no figures).
        using var t = new TestStore("sqlite");
        var old = Path.Combine(t.Folder, "store-v7.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "stores", "store-v7.db"), old);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=false"))
        {
            c.Open();
            c.ExecuteScalar<long>("SELECT version FROM outturn_schema").ShouldBe(7);
        }

        var store = OutturnStore.Open(new StoreTarget(StoreProvider.Sqlite, old), t.Settings("analyst.one"));

        store.StoredVersion().ShouldBe(OutturnStore.SchemaVersion);
        store.Targets().Select(x => x.Target).ShouldBe([new Target("assess-45wd", new FinancialYear(2024), new Thresholds(Polarity.High, 90m, 82m))]);
        store.History().Select(h => h.Action).ShouldBe(["targets", "import"]);
        store.LocalCatalogue().ShouldBeEmpty();
        var result = store.Import(ReturnFiles.Detect([Sample("catalogue.csv"), Sample("measures.csv")]));
        (result.LocalIndicators, result.LocalMeasures).ShouldBe((3, 36));
        store.Scorecard().Load().Measures.Count.ShouldBe(36);
        store.VerifyLogs().Select(x => (x.Log, x.Entries, x.Intact)).ShouldBe([("audit trail", 3L, true), ("access log", 0L, true)]);
    }
}
