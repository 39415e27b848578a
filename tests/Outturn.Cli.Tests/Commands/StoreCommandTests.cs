using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Outturn.App;
using Outturn.Store;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// The store from the command line: demo load then scorecard, import reports, and the faults run as real processes
/// (a kill mid-import, two imports at once).
/// </summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly StoreFolder _store = new("outturn-store-cli-");

    public void Dispose() => _store.Dispose();

    private string Folder => _store.Path;

    private string Db => _store.Db;

    private OutturnSettings Settings => _store.Settings;

    /// <summary>A small synthetic LA's returns, written by the demo generator.</summary>
    private string SmallLa(int children = 2000)
    {
        var la = Path.Combine(Folder, $"la-{children}");
        CliRun.With(Settings, "demo", "generate", "-n", children.ToString(CultureInfo.InvariantCulture), "-y", "2", "-s", "3", "-o", la).ExitCode.ShouldBe(0);
        return la;
    }

    [Fact]
    public void DemoLoad_ThenScorecard_ShowsTheDemoScorecardFromTheStore()
    {
        var load = CliRun.With(Settings, "demo", "load");
        load.ExitCode.ShouldBe(0, load.Error);
        load.Output.ShouldBe($"Loaded the demo LA into {Db}: 54 return files, 1,449 figures (each month 2021-04 to 2025-03 and each year), the targets in samples/demo-la, commentary drafted for 2024-25Q4, 4 actions from the performance board (outturn actions list), the published statistics of 15 measures (outturn benchmarks list) and 2024-25Q4 published (#1). Try: outturn scorecard\n");

        var scorecard = CliRun.With(Settings, "scorecard", "--format", "csv");

        scorecard.ExitCode.ShouldBe(0, scorecard.Error);
        Snapshot.Match(scorecard.Output, "scorecard-store-demo-2025-03.csv");

        // indicators reads the store too, and shows what it computes from the returns, for a month and for a year.
        CliRun.With(Settings, "indicators", "--format", "csv").Output.ShouldBe(CliRun.With(Settings, "indicators", "--demo", "--format", "csv", "--month", "2025-03").Output);
        CliRun.With(Settings, "indicators", "--format", "csv", "--year", "2024-25").Output.ShouldBe(CliRun.With(Settings, "indicators", "--demo", "--format", "csv", "--year", "2024-25").Output);
        // children reads the cases the store keeps, through the store's access log, and lists what the returns give.
        CliRun.With(Settings, "children", "assess-45wd", "--outside", "--format", "csv").Output
            .ShouldBe(CliRun.With(Settings, "children", "assess-45wd", "--demo", "--outside", "--format", "csv").Output);
        CliRun.With(Settings, "children", "cp-rate", "--year", "2024-25", "--by", "team").Output
            .ShouldBe(CliRun.With(Settings, "children", "cp-rate", "--demo", "--year", "2024-25", "--by", "team").Output);
        var logged = OutturnStore.Open(StoreTarget.Parse(Db), Settings).AccessLog().ShouldHaveSingleItem();
        (logged.By, logged.Purpose).ShouldBe(("analyst.one", "children assess-45wd 2025-03"));
        var early = CliRun.With(Settings, "children", "assess-45wd", "--month", "2023-03");
        early.ExitCode.ShouldBe(1);
        early.Error.ShouldBe("The store keeps the children behind the figures of April 2024 to March 2025 and the year 2024-25, not 2023-03: give the returns (--903, --cin, ...) to list an earlier period's.\n");
        CliRun.With(Settings, "commentary", "set", "--period", "2024-25Q4", "--area", "children looked after", "--text", "Placement stability held through the winter.", "--status", "agreed")
            .Output.ShouldBe($"Wrote Commentary on Children looked after for 2024-25Q4 (agreed) in {Db}.\n");
        var report = CliRun.With(Settings, "report", "-o", Path.Combine(Folder, "report.html"));
        report.ExitCode.ShouldBe(0, report.Error);
        File.ReadAllText(Path.Combine(Folder, "report.html")).ShouldContain("Placement stability held through the winter.");

        // The board's actions on the red indicators: the report lists those still open, the one overdue at March 2025 in words.
        Snapshot.Match(CliRun.With(Settings, "actions", "list", "--as-at", "2025-03-31", "--width", "160").Output, "actions-demo.txt");
        var html = File.ReadAllText(Path.Combine(Folder, "report.html"));
        html.ShouldContain("<h2>Actions from the performance board</h2>");
        html.ShouldContain("<td>In progress, overdue</td>");
        html.ShouldNotContain("<td>Done</td>");
        CliRun.With(Settings, "history").Output.Split('\n').Select(l => l.Split("  ").ElementAtOrDefault(2)).Where(a => a is not null)
            .ShouldBe(["import", "targets", "commentary", "action", "action", "benchmarks", "publish", "commentary"]);
        var again = CliRun.With(Settings, "demo", "load");
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldBe($"The store {Db} already holds data: the demo LA is loaded into an empty store only.\n");
    }

    [Fact]
    public void Import_SaysWhatBecameOfEachFile_AndTheSameFilesAgainChangeNothing()
    {
        var la = SmallLa();

        var first = CliRun.With(Settings, "import", Path.Combine(la, "cin-census"), Path.Combine(la, "population"));
        var again = CliRun.With(Settings, "import", Path.Combine(la, "cin-census"));

        first.ExitCode.ShouldBe(0, first.Error);
        Snapshot.Match(first.Output.Replace(Db, "DB", StringComparison.Ordinal), "import-first.txt");
        again.ExitCode.ShouldBe(0, again.Error);
        var when = CliRun.With(Settings, "history").Output.Split("  ")[0];
        Snapshot.Match(again.Output.Replace(Db, "DB", StringComparison.Ordinal).Replace(when, "WHEN", StringComparison.Ordinal), "import-again.txt");
    }

    [Fact]
    public void Scorecard_FromTheStore_ListsEachPublishedFigureALaterReturnRevised_WithBoth()
    {
        var la = SmallLa();
        CliRun.With(Settings, "import", la).ExitCode.ShouldBe(0);
        var published = CliRun.With(Settings, "publish", "--month", "2025-03");
        published.ExitCode.ShouldBe(0, published.Error);
        published.Output.ShouldStartWith("Published 2025-03 (publication #1, ");
        File.AppendAllText(Path.Combine(la, "ssda903", "2024-25", "header.csv"), "K2,M,01/01/2015,WBRI,UN2,,\n");
        File.AppendAllText(Path.Combine(la, "ssda903", "2024-25", "episodes.csv"), "K2,01/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
        CliRun.With(Settings, "import", Path.Combine(la, "ssda903", "2024-25")).ExitCode.ShouldBe(0);

        var scorecard = CliRun.With(Settings, "scorecard", "--format", "csv");

        scorecard.ExitCode.ShouldBe(0, scorecard.Error);
        scorecard.Error.ShouldStartWith("Revised since published (");
        scorecard.Error.ShouldContain("  cla-count 2025-03: published ");
        scorecard.Error.ShouldContain(" in 2025-03 (");
        CliRun.With(Settings, "publish", "--month", "2025-03").Error.ShouldContain("a publication never changes.");
    }

    [Theory]
    [InlineData("scorecard")]
    [InlineData("indicators")]
    [InlineData("report", "-o", "report.html")]
    public void AnEmptyStore_SaysHowToFillIt(params string[] args)
    {
        var run = CliRun.With(Settings, args);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe($"The store {Db} holds no figures yet: import returns (outturn import FILES...) or load the demo LA (outturn demo load).\n");
    }

    [Fact]
    public void Import_OfAFileThatIsNotAReturn_IsRefusedNamingIt_AndNothingIsStored()
    {
        var path = Path.Combine(Folder, "notes.txt");
        File.WriteAllText(path, "minutes of the performance board");

        var run = CliRun.With(Settings, "import", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"The input has an error:\n  {path}: not a return Outturn reads: expected CIN census or SEN2 XML, SSDA903 CSV tables or XML, the Annex A workbook (.xlsx), the staff list or the ONS population (CSV), or a local catalogue or measures file (CSV or XLSX).\nNothing was written.\n");
        File.Exists(Db).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_KilledMidImport_LeavesTheStoreExactlyAsItWas()
    {
        var la = SmallLa(20_000);
        CliRun.With(Settings, "import", Path.Combine(la, "cin-census")).ExitCode.ShouldBe(0);
        var before = Dump(Db);

        using var child = Cli("import", Path.Combine(la, "ssda903"), Path.Combine(la, "population"), "--db", Db);
        var reading = new TaskCompletionSource();
        var stderr = new StringBuilder();
        child.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            // The files are written, uncommitted, before the returns held are read back: kill it there.
            if (e.Data?.StartsWith("Reading the ", StringComparison.Ordinal) == true)
            {
                reading.TrySetResult();
            }
        };
        child.Start();
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        var reached = await Task.WhenAny(reading.Task, Task.Delay(TimeSpan.FromMinutes(3)));
        (reached == reading.Task).ShouldBeTrue($"the import never reached its reading step: {stderr}");
        child.HasExited.ShouldBeFalse("the import finished before it could be killed");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        Dump(Db).ShouldBe(before);
        var after = CliRun.With(Settings, "db", "info");
        after.Output.ShouldContain("Latest month with figures: 2025-03");
    }

    [Fact]
    public async Task TwoImportsAtOnce_FromTwoProcesses_BothLand_AndTheFiguresSeeBoth()
    {
        var la = SmallLa();
        using var a = Cli("import", Path.Combine(la, "cin-census"), "--db", Db);
        using var b = Cli("import", Path.Combine(la, "ssda903"), Path.Combine(la, "population"), "--db", Db);

        a.Start();
        b.Start();
        var outputs = new[] { a, b }.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        await a.WaitForExitAsync();
        await b.WaitForExitAsync();

        a.ExitCode.ShouldBe(0, await outputs[0].Err);
        b.ExitCode.ShouldBe(0, await outputs[1].Err);
        using var c = new SqliteConnection($"Data Source={Db};Pooling=false");
        c.Open();
        c.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE is_current = 1").ShouldBe(25);
        c.ExecuteScalar<long>("SELECT count(*) FROM computations").ShouldBe(2);
        c.ExecuteScalar<string>("SELECT imports FROM computations ORDER BY id DESC LIMIT 1")!.Split(',').Length.ShouldBe(25);
        c.ExecuteScalar<long>("SELECT count(DISTINCT computation_id) FROM figures WHERE is_current = 1").ShouldBe(1);
    }

    /// <summary>The real command line as a process of its own, as a user starts it.</summary>
    private static Process Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outturn.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new Process { StartInfo = start };
    }

    /// <summary>Every row of every table of a SQLite store, as text (contents by digest).</summary>
    private static string Dump(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=false");
        c.Open();
        var text = new StringBuilder();
        foreach (var table in c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            text.Append(CultureInfo.InvariantCulture, $"[{table}]\n");
            foreach (var row in c.Query($"SELECT * FROM \"{table}\"").Cast<IDictionary<string, object?>>()
                .Select(r => string.Join("|", r.Select(kv => kv.Value is byte[] b ? Convert.ToHexString(SHA256.HashData(b)) : Convert.ToString(kv.Value, CultureInfo.InvariantCulture))))
                .Order(StringComparer.Ordinal))
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }
}
