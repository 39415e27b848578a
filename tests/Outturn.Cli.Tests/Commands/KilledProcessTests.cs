using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Outturn.Store;
using Outturn.Testing;
using Xunit.Abstractions;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// Processes killed for real, on each provider: an import, a publication and a target edit, each started as its own
/// <c>outturn</c> process on a fresh copy of one store and killed after a seeded random delay within the time the same
/// command takes to finish (from a quarter of it to just past its end). Every time, the store holds exactly the before or exactly the after, never a mix, and its
/// logs' chains are intact.
/// </summary>
public sealed partial class KilledProcessTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Kills per command and provider; with the run to completion, four processes each.</summary>
    private const int Kills = 3;

    private readonly List<CliStore> _stores = [];

    public static TheoryData<string> Providers() => CliStore.Providers();

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_Publish_AndTargetsSet_KilledAtRandomPoints_LeaveTheBeforeOrTheAfter_NeverAMix(string provider)
    {
        var template = New(provider);
        var la = Path.Combine(template.Folder, "la");
        CliRun.With(template.Settings, "demo", "generate", "-n", "2000", "-y", "2", "-s", "3", "-o", la).ExitCode.ShouldBe(0);
        CliRun.With(template.Settings, "import", Path.Combine(la, "cin-census")).ExitCode.ShouldBe(0);

        // The import of the SSDA903 returns and the population; its after is where the other two start.
        var imported = await KillAtRandom(template, 11, "import", Path.Combine(la, "ssda903"), Path.Combine(la, "population"));
        var targets = Path.Combine(template.Folder, "targets.csv");
        File.Copy(RepoPaths.InRepo("samples", "demo-la", "targets.csv"), targets);

        await KillAtRandom(imported, 12, "publish", "--month", "2025-03");
        await KillAtRandom(imported, 13, "targets", "set", "--file", targets);
    }

    /// <summary>
    /// Runs <paramref name="args"/> to completion on a copy of <paramref name="from"/> (the after), then <see cref="Kills"/>
    /// times on fresh copies, killed after a delay drawn from <paramref name="seed"/>; returns the store run to completion.
    /// </summary>
    private async Task<CliStore> KillAtRandom(CliStore from, int seed, params string[] args)
    {
        var before = Normalised(from);
        var done = CopyOf(from);
        var clock = Stopwatch.StartNew();
        var (code, exited) = await Run(done, args, killAfter: null);
        var takes = clock.Elapsed;
        (code, exited).ShouldBe((0, true), $"outturn {string.Join(' ', args)} did not finish by itself");
        var after = Normalised(done);
        after.ShouldNotBe(before, "the command changed nothing, so a kill could not show a mix");

        var random = new Random(seed);
        for (var i = 0; i < Kills; i++)
        {
            var copy = CopyOf(from);
            // From a quarter in (the runtime loaded, the store opened) to just past the end (committed, or about to be).
            var delay = TimeSpan.FromMilliseconds((0.25 + (0.8 * random.NextDouble())) * takes.TotalMilliseconds);
            var (exitCode, byItself) = await Run(copy, args, delay);
            var now = Normalised(copy);
            var state = now == before ? "before" : now == after ? "after" : "a mix";
            log.WriteLine($"{copy.Target.Provider} outturn {args[0]}: killed at {delay.TotalMilliseconds:F0} ms of {takes.TotalMilliseconds:F0} ms{(byItself ? $" (had exited, code {exitCode})" : "")}: {state}");
            state.ShouldNotBe("a mix", $"outturn {string.Join(' ', args)} killed at {delay.TotalMilliseconds:F0} ms left neither the before nor the after");
            if (byItself && exitCode == 0)
            {
                state.ShouldBe("after");
            }

            OutturnStore.Open(copy.Target, copy.Settings).VerifyLogs().ShouldAllBe(x => x.Intact);
            _stores.Remove(copy);
            copy.Dispose();
        }

        return done;
    }

    /// <summary>Runs the real command line as its own process on <paramref name="store"/>, killed after <paramref name="killAfter"/> unless it has exited.</summary>
    private static async Task<(int Code, bool Exited)> Run(CliStore store, string[] args, TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outturn.dll"));
        foreach (var arg in args.Append("--db").Append(store.Db))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (killAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay)) != exited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Settled(store);
            return (-1, false);
        }

        await exited.WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, true);
    }

    /// <summary>PostgreSQL: waits until the killed client's server process has gone (its transaction rolled back).</summary>
    private static async Task Settled(CliStore store)
    {
        if (store.Target.Provider != StoreProvider.Postgres)
        {
            return;
        }

        using var c = store.Connect();
        for (var i = 0; i < 100 && c.ExecuteScalar<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") > 0; i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Every row of every table, with the moments (which the clock gives each run) and the chain hashes (taken over
    /// them) blanked: equal between two runs that wrote the same rows.
    /// </summary>
    /// <summary>
    /// The store's rows with moments and chain hashes replaced, each table's rows sorted again after: the dump sorts
    /// them as stored, so two audit entries whose hashes (over their moments) fall the other way round would otherwise
    /// make the same store look different.
    /// </summary>
    private static string Normalised(CliStore store)
    {
        var text = Hash().Replace(Moment().Replace(store.Dump(), "<moment>"), "<hash>");
        var sorted = new System.Text.StringBuilder();
        var rows = new List<string>();
        void Flush()
        {
            foreach (var row in rows.Order(StringComparer.Ordinal))
            {
                sorted.Append(row).Append('\n');
            }

            rows.Clear();
        }

        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Flush();
                sorted.Append(line).Append('\n');
            }
            else
            {
                rows.Add(line);
            }
        }

        Flush();
        return sorted.ToString();
    }

    private CliStore New(string provider)
    {
        var store = new CliStore(provider);
        _stores.Add(store);
        return store;
    }

    /// <summary>A new store holding exactly what <paramref name="from"/> holds: the SQLite file copied, or the PostgreSQL database made from it as a template.</summary>
    private CliStore CopyOf(CliStore from)
    {
        var copy = new CliStore(from.Target.Provider == StoreProvider.Sqlite ? "sqlite" : "postgres", from);
        _stores.Add(copy);
        return copy;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")]
    private static partial Regex Moment();

    [GeneratedRegex("(?<=chain_(?:prev|hash)=)[0-9a-f]{64}")]
    private static partial Regex Hash();
}
