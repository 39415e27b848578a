using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Outturn.App.ChildLevel;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.AnnexA;
using Outturn.Formats.CinCensus;
using Outturn.Formats.Sen2;
using Outturn.Formats.Ssda903;

namespace Outturn.Engines;

// Outturn against DuckDB over the same records (issue 14): one run reads a synthetic LA's returns with Outturn's
// readers, computes every national indicator for every month of the range with Outturn, loads the same records into
// DuckDB (in-process) and computes each indicator with its SQL file (Sql/<indicator-id>.sql), then compares every
// month's numerator and denominator exactly. Exit code 1 when any figure disagrees.
//   dotnet run -c Release --project bench/Outturn.Engines -- [--children 250000] [--months 36] [--folder DIR]
// --children: the LA's children aged 0-17 (four years of returns to 31 March 2025, seed 1); --months: the months to
// March 2025; --folder: where the returns are generated once and reused (default
// /tmp/outturn-engines-<children>-<build of the generator>). Timings are best of 3 after a warm-up. See bench/README.md.
/// <summary>The comparison run (see the comment above).</summary>
internal static class EnginesRun
{
    private const int Runs = 3;

    public static int Main(string[] args)
    {
        var children = Option(args, "--children", 250_000);
        var monthCount = Option(args, "--months", 36);
        if (monthCount is < 1 or > 36 || children is < DemoSettings.MinChildren or > DemoSettings.MaxChildren)
        {
            Console.Error.WriteLine($"--months is 1 to 36 (the returns hold four years to March 2025); --children {DemoSettings.MinChildren} to {DemoSettings.MaxChildren}.");
            return 2;
        }

        if (Text(args, "--generate") is { } into)
        {
            return Generate(into, children);
        }

        var last = new Month(2025, 3);
        var months = new MonthRange(last.AddMonths(1 - monthCount), last);
        var folder = Text(args, "--folder") ?? Path.Combine(Path.GetTempPath(), $"outturn-engines-{children}-{DemoCache.Build}");
        Console.WriteLine($"Outturn against DuckDB: {children:N0} children, {months} ({months.Count} months), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"Returns: {Ensure(folder, children)}");
        Memory("generated");

        var data = Read(folder);
        var outturn = Outturn(data, months);
        var duck = Duck(data, months);
        return Compare(outturn, duck);
    }

    /// <summary>The figures and best time of one indicator on one engine; null figures when the engine has none.</summary>
    private sealed record Result(string Id, double Ms, IReadOnlyList<(DateOnly Month, decimal Numerator, decimal Denominator)>? Rows, string? Error = null);

    private static ChildLevelData Read(string folder)
    {
        var paths = new DemoFolder(folder).ToChildLevelPaths();
        Console.WriteLine();
        Console.WriteLine($"Reading (each reader alone, best of {Runs} after a warm-up; then ChildLevelFiles.Read once: all four at once, checked, stacked, Annex A applied)");
        Reader("CIN census", paths.Cin!, () => CinCensusReader.ReadFolder(paths.Cin!));
        Reader("SSDA903", paths.Ssda903!, () => Ssda903Reader.ReadFolder(paths.Ssda903!));
        Reader("Annex A", paths.AnnexA!, () => AnnexAReader.Read(paths.AnnexA!));
        Reader("SEN2", paths.Sen2!, () => Sen2Reader.ReadAll(paths.Sen2!));
        var watch = Stopwatch.StartNew();
        var load = ChildLevelFiles.Read(paths);
        watch.Stop();
        var bytes = Bytes(folder);
        Console.WriteLine(Row("ChildLevelFiles.Read", $"{bytes / 1e6,8:F1} MB", $"{watch.Elapsed.TotalMilliseconds,9:F0} ms", $"{bytes / 1e6 / watch.Elapsed.TotalSeconds,7:F1} MB/s"));
        var d = load.Data;
        Console.WriteLine($"Records: {d.Cin.Children.Count:N0} CIN children, {d.Cin.Children.Sum(c => c.Episodes.Count):N0} CIN episodes, {d.LookedAfter.Children.Count:N0} looked-after children, "
            + $"{d.LookedAfter.Children.Sum(c => c.Episodes.Count):N0} SSDA903 episodes, {d.SpecialNeeds.Requests.Count:N0} EHC requests; {load.Problems.Count:N0} problems noted");
        Memory("read");
        return d;
    }

    /// <summary>
    /// One reader, best of <see cref="Runs"/> after a warm-up: MB/s of wall time, and MB per second of the process's
    /// processor time (all threads), the rate per core.
    /// </summary>
    private static void Reader(string name, string path, Func<object> read)
    {
        read();
        double best = double.MaxValue, cpu = double.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            read();
            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
        }

        var bytes = Bytes(path);
        Console.WriteLine(Row(name, $"{bytes / 1e6,8:F1} MB", $"{best * 1000,9:F0} ms", $"{bytes / 1e6 / best,7:F1} MB/s") + $" {bytes / 1e6 / cpu,7:F1} MB/s per core");
    }

    private static Dictionary<string, Result> Outturn(ChildLevelData data, MonthRange months)
    {
        Console.WriteLine();
        Console.WriteLine($"Outturn: NationalIndicators.Figures(new NationalContext(data), months), best of {Runs} after a warm-up");
        var results = new Dictionary<string, Result>(StringComparer.Ordinal);
        foreach (var indicator in NationalIndicators.All)
        {
            // Each indicator alone, from a new context, so it pays for the look-ups it needs as each SQL query does.
            var ms = Best(() => indicator.Figures(new NationalContext(data), months), out var own);
            results[indicator.Id] = new(indicator.Id, ms, [.. own.Select(f => (f.Month.FirstDay, f.Numerator, f.Denominator))]);
        }

        // Every indicator in one call, timed after each has run alone (four times), so no engine is timed while the
        // runtime still compiles it.
        var all = Best(() => NationalIndicators.Figures(new NationalContext(data), months), out var figures);
        Console.WriteLine($"  every indicator at once: {all,9:F0} ms, {figures.Count:N0} figures");
        results[""] = new("", all, null);

        Memory("Outturn computed");
        return results;
    }

    private static Dictionary<string, Result> Duck(ChildLevelData data, MonthRange months)
    {
        Console.WriteLine();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        DuckLoad.Execute(connection, $"SET threads = {Environment.ProcessorCount}");
        var watch = Stopwatch.StartNew();
        var rows = DuckLoad.Load(connection, data, months);
        watch.Stop();
        Console.WriteLine($"DuckDB load (appender, {rows:N0} rows into flat tables): {watch.Elapsed.TotalMilliseconds:F0} ms");
        var sql = Path.Combine(AppContext.BaseDirectory, "Sql");
        DuckLoad.Execute(connection, File.ReadAllText(Path.Combine(sql, "_views.sql")));
        Memory("DuckDB loaded");

        Console.WriteLine($"DuckDB: Sql/<indicator-id>.sql each, best of {Runs} after a warm-up, {Environment.ProcessorCount} threads");
        var results = new Dictionary<string, Result>(StringComparer.Ordinal);
        foreach (var indicator in NationalIndicators.All)
        {
            var file = Path.Combine(sql, indicator.Id + ".sql");
            if (!File.Exists(file))
            {
                results[indicator.Id] = new(indicator.Id, 0, null, $"no {Path.GetFileName(file)}");
                continue;
            }

            var text = File.ReadAllText(file);
            try
            {
                var ms = Best(() => Query(connection, text), out var own);
                results[indicator.Id] = new(indicator.Id, ms, own);
            }
            catch (DuckDBException e)
            {
                results[indicator.Id] = new(indicator.Id, 0, null, e.Message.ReplaceLineEndings(" "));
            }
        }

        Memory("DuckDB computed");
        return results;
    }

    private static List<(DateOnly Month, decimal Numerator, decimal Denominator)> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(DateOnly, decimal, decimal)>();
        while (reader.Read())
        {
            var month = reader.GetValue(0) switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                var other => throw new InvalidOperationException($"month is {other.GetType().Name}, not a date"),
            };
            rows.Add((month, Number(reader.GetValue(1)), Number(reader.GetValue(2))));
        }

        return rows;
    }

    /// <summary>A count or a population as a decimal: <c>sum</c> of integers is a HUGEINT, read as a BigInteger.</summary>
    private static decimal Number(object value) =>
        value is System.Numerics.BigInteger big ? (decimal)big : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    private static int Compare(Dictionary<string, Result> outturn, Dictionary<string, Result> duck)
    {
        Console.WriteLine();
        Console.WriteLine($"{"indicator",-26} {"Outturn ms",10} {"DuckDB ms",10} {"months",6} {"numerators",10}  agree");
        var disagreements = 0;
        double outturnSum = 0, duckSum = 0;
        foreach (var indicator in NationalIndicators.All)
        {
            var ours = outturn[indicator.Id];
            var theirs = duck[indicator.Id];
            outturnSum += ours.Ms;
            duckSum += theirs.Ms;
            var difference = theirs.Error ?? Difference(ours.Rows!, theirs.Rows!);
            disagreements += difference is null ? 0 : 1;
            Console.WriteLine($"{indicator.Id,-26} {ours.Ms,10:F1} {theirs.Ms,10:F1} {ours.Rows!.Count,6} {ours.Rows!.Sum(r => r.Numerator),10:0.##}  {(difference is null ? "yes" : "NO: " + difference)}");
        }

        var whole = outturn[""].Ms;
        Console.WriteLine($"{"total (each alone)",-26} {outturnSum,10:F1} {duckSum,10:F1}");
        Console.WriteLine($"{"total (Outturn at once)",-26} {whole,10:F1} {duckSum,10:F1}");
        Console.WriteLine($"Outturn/DuckDB: {whole / duckSum:F2} (every indicator at once against the SQL files' sum); {outturnSum / duckSum:F2} indicator by indicator");
        Console.WriteLine(disagreements == 0 ? "Every numerator and denominator agrees." : $"{disagreements} indicator(s) disagree.");
        return disagreements == 0 ? 0 : 1;
    }

    /// <summary>The first month whose figures differ, in words; null when every month agrees.</summary>
    private static string? Difference(IReadOnlyList<(DateOnly Month, decimal Numerator, decimal Denominator)> ours, IReadOnlyList<(DateOnly Month, decimal Numerator, decimal Denominator)> theirs)
    {
        var byMonth = theirs.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (month, numerator, denominator) in ours)
        {
            if (!byMonth.TryGetValue(month, out var found))
            {
                return $"{Iso(month)}: Outturn {numerator}/{denominator}, DuckDB no row";
            }

            if (found.Count > 1 || found[0].Numerator != numerator || found[0].Denominator != denominator)
            {
                return $"{Iso(month)}: Outturn {numerator}/{denominator}, DuckDB {string.Join(", ", found.Select(f => $"{f.Numerator}/{f.Denominator}"))}";
            }
        }

        var extra = theirs.Select(r => r.Month).Except(ours.Select(r => r.Month)).Order().ToList();
        return extra.Count > 0 ? $"{Iso(extra[0])}: Outturn no figure, DuckDB {theirs.First(r => r.Month == extra[0]).Numerator}/{theirs.First(r => r.Month == extra[0]).Denominator} ({extra.Count} month(s) more)" : null;
    }

    /// <summary>The best of <see cref="Runs"/> timed runs after one warm-up, in milliseconds, with the last run's result.</summary>
    private static double Best<T>(Func<T> run, out T result)
    {
        result = run();
        var best = double.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = run();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    /// <summary>Generates the LA's returns into <paramref name="folder"/> unless they are there.</summary>
    private static string Ensure(string folder, int children)
    {
        if (Directory.Exists(folder))
        {
            return $"{folder} (kept from an earlier run)";
        }

        // Generated by a process of its own, so this one's peak memory is the engines', not the generator's.
        var watch = Stopwatch.StartNew();
        var host = Environment.ProcessPath!;
        string[] arguments = ["--generate", folder, "--children", children.ToString(CultureInfo.InvariantCulture)];
        using var generator = Process.Start(host, Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(EnginesRun).Assembly.Location, .. arguments] : arguments);
        generator.WaitForExit();
        if (generator.ExitCode != 0 || !Directory.Exists(folder))
        {
            throw new InvalidOperationException($"generating {folder} failed (exit code {generator.ExitCode}).");
        }

        return $"{folder} (generated in {watch.Elapsed.TotalSeconds:F0} s)";
    }

    /// <summary>Writes the LA's returns into <paramref name="folder"/>, built beside it and moved into place when whole.</summary>
    private static int Generate(string folder, int children)
    {
        var building = $"{folder}.{Environment.ProcessId}";
        DemoWriter.Write(DemoGenerator.Generate(new DemoSettings(children, 4, 1, new DateOnly(2025, 3, 31))), building);
        Directory.Move(building, folder);
        return 0;
    }

    private static long Bytes(string path) =>
        File.Exists(path) ? new FileInfo(path).Length : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static void Memory(string phase)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var kb = line is null ? 0 : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
        Console.WriteLine($"  peak memory (VmHWM) after {phase}: {kb / 1024.0:F0} MiB");
    }

    private static string Row(string name, string size, string time, string rate) => $"  {name,-22} {size} {time} {rate}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
