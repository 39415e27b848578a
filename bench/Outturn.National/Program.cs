using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Outturn.App.ChildLevel;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats;

namespace Outturn.National;

// A national run: every authority of a set read from its returns and every national indicator computed for each of
// the 36 months to March 2025, authorities in parallel on the cores there are, at most one per core in memory at a
// time (so memory stays flat however many there are), each authority's figures kept as numbers only.
//   dotnet run -c Release --project bench/Outturn.National -- --folder F [--csv FILE] [--parallel P]
//   dotnet run -c Release --project bench/Outturn.National -- --authorities N --children TOTAL [--seed S] [--csv FILE]
// --folder: a set written by `outturn demo generate --authorities N` (one folder per authority, named by its code).
// --authorities/--children: the set is generated (four years to March 2025) into a cache under the temporary folder,
// once per build of the generator, and reused. Prints the total time, the time per authority, children per second,
// the peak memory (VmHWM), and the growth as the authorities complete (1, 2, 4, ... N: time and memory so far); writes
// every authority's figures as one CSV (authority, indicator, month, numerator, denominator) so results are checkable.
/// <summary>The national run (see the comment above).</summary>
internal static class NationalRun
{
    private static readonly MonthRange Months = new(new Month(2022, 4), new Month(2025, 3));

    public static int Main(string[] args)
    {
        var folder = Text(args, "--folder");
        var authorities = Number(args, "--authorities");
        var children = Number(args, "--children");
        var seed = Number(args, "--seed") ?? 1;
        var parallel = Number(args, "--parallel") ?? Environment.ProcessorCount;
        var csv = Text(args, "--csv") ?? Path.Combine(Path.GetTempPath(), "outturn-national-figures.csv");
        if ((folder is null) == (authorities is null || children is null) || parallel < 1)
        {
            Console.Error.WriteLine("Give --folder F (a set made by `outturn demo generate --authorities N`), or --authorities N --children TOTAL [--seed S]; --parallel at least 1.");
            return 2;
        }

        Console.Out.WriteLine(Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; command: {string.Join(' ', args)}"));
        if (folder is null)
        {
            var set = DemoCache.National(authorities!.Value, children!.Value, seed);
            folder = DemoCache.NationalIn(Path.GetTempPath(), authorities.Value, children.Value, seed);
            var generating = !Directory.Exists(folder);
            var generation = Stopwatch.StartNew();
            DemoCache.EnsureNational(folder, set);
            Console.Out.WriteLine(generating
                ? Invariant($"Generated {set.Count} authorities, {children:N0} children, into {folder} in {generation.Elapsed.TotalSeconds:F1} s ({children / generation.Elapsed.TotalSeconds:N0} children/s).")
                : Invariant($"The set is in the cache: {folder}."));

            // The run's memory is its own: the generator's garbage collected and the peak (VmHWM) reset (Linux).
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            ResetPeak();
        }

        var folders = Directory.GetDirectories(folder).Where(d => LocalAuthorityFolder(Path.GetFileName(d))).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0)
        {
            Console.Error.WriteLine($"{folder} holds no authority folders (001, 002, ...): make one with `outturn demo generate --authorities N -o {folder}`.");
            return 2;
        }

        var bytes = folders.Sum(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
        Console.Out.WriteLine(Invariant($"{folders.Count} authorities in {folder}, {bytes / 1e6:N0} MB of returns; every indicator for {Months.Count} months ({Months.From} to {Months.To}), {parallel} authorities at a time."));

        var results = new AuthorityResult[folders.Count];
        var growth = new List<(int Done, long Children, TimeSpan Elapsed, long PeakKiB, long NowKiB)>();
        var done = 0;
        long childrenDone = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            Parallel.For(0, folders.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
            {
                results[i] = Compute(folders[i]);
                lock (growth)
                {
                    done++;
                    childrenDone += results[i].Children;
                    growth.Add((done, childrenDone, clock.Elapsed, Status("VmHWM"), Status("VmRSS")));
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is InputException))
        {
            foreach (var error in e.InnerExceptions.Cast<InputException>().SelectMany(x => x.Errors))
            {
                Console.Error.WriteLine($"  {error}");
            }

            return 2;
        }

        var total = clock.Elapsed;
        var peak = Status("VmHWM");
        var allChildren = results.Sum(r => r.Children);
        Console.Out.WriteLine();
        Console.Out.WriteLine(Invariant($"Total {total.TotalSeconds:F1} s for {results.Length} authorities, {allChildren:N0} children: {total.TotalSeconds / results.Length:F2} s per authority of the run, {allChildren / total.TotalSeconds:N0} children/s, {bytes / 1e6 / total.TotalSeconds:F1} MB/s; peak memory (VmHWM) {peak / 1024.0:N0} MiB."));
        var each = results.Select(r => r.Read + r.Compute).Order().ToList();
        Console.Out.WriteLine(Invariant($"Each authority (on its core): median {Median(each).TotalSeconds:F2} s, min {each[0].TotalSeconds:F2} s, max {each[^1].TotalSeconds:F2} s; reading {Sum(results, r => r.Read).TotalSeconds:F1} s and computing {Sum(results, r => r.Compute).TotalSeconds:F1} s in all."));
        Console.Out.WriteLine(Invariant($"{results.Sum(r => r.Figures.Length):N0} figures; problems the returns carry (none refused): {results.Sum(r => r.Problems):N0}."));
        Console.Out.WriteLine();
        Console.Out.WriteLine("Growth, as the authorities complete (time and peak memory from the start of the run):");
        Console.Out.WriteLine();
        Console.Out.WriteLine("| authorities | children | seconds | seconds per authority | children/s | peak MiB (VmHWM) | resident MiB (VmRSS) |");
        Console.Out.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in growth.Where(g => IsPowerOfTwo(g.Done) || g.Done == results.Length))
        {
            Console.Out.WriteLine(Invariant($"| {row.Done} | {row.Children:N0} | {row.Elapsed.TotalSeconds:F1} | {row.Elapsed.TotalSeconds / row.Done:F2} | {row.Children / row.Elapsed.TotalSeconds:N0} | {row.PeakKiB / 1024.0:N0} | {row.NowKiB / 1024.0:N0} |"));
        }

        WriteCsv(csv, results);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Figures of every authority: {csv}");
        return 0;
    }

    /// <summary>One authority read and computed; only its numbers are kept.</summary>
    private static AuthorityResult Compute(string folder)
    {
        var clock = Stopwatch.StartNew();
        var load = ChildLevelFiles.Read(new DemoFolder(folder).ToChildLevelPaths());
        var read = clock.Elapsed;
        var figures = NationalIndicators.Figures(new NationalContext(load.Data), Months)
            .Select(f => new FigureNumbers(f.Indicator.Id, f.Period.ToString(), f.Numerator, f.Denominator))
            .ToArray();
        var population = load.Data.Population.Count == 0 ? 0 : (long)load.Data.Population[load.Data.Population.Keys.Max()];
        return new AuthorityResult(load.Data.Authority, population, figures, load.Problems.Count, read, clock.Elapsed - read);
    }

    private static void WriteCsv(string path, IEnumerable<AuthorityResult> results)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("authority,indicator,month,numerator,denominator");
        foreach (var result in results)
        {
            foreach (var f in result.Figures)
            {
                writer.WriteLine(Invariant($"{result.Authority},{f.Indicator},{f.Month},{f.Numerator},{f.Denominator}"));
            }
        }
    }

    /// <summary>A line of /proc/self/status in KiB (VmHWM: the peak resident set; VmRSS: now); 0 where there is none.</summary>
    private static long Status(string field)
    {
        if (!File.Exists("/proc/self/status"))
        {
            return 0;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Resets VmHWM to the resident set now (writing 5 to /proc/self/clear_refs, Linux 4.0 on); nothing elsewhere.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Out.WriteLine("(The peak memory could not be reset: it includes the generation.)");
        }
    }

    private static bool LocalAuthorityFolder(string name) => name.Length == 3 && name.All(char.IsAsciiDigit);

    private static bool IsPowerOfTwo(int n) => (n & (n - 1)) == 0;

    private static TimeSpan Median(List<TimeSpan> sorted) => sorted[sorted.Count / 2];

    private static TimeSpan Sum(IEnumerable<AuthorityResult> results, Func<AuthorityResult, TimeSpan> part) =>
        results.Aggregate(TimeSpan.Zero, (sum, r) => sum + part(r));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? Number(string[] args, string name) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>One figure's numbers.</summary>
    private readonly record struct FigureNumbers(string Indicator, string Month, decimal Numerator, decimal Denominator);

    /// <summary>An authority's figures, numbers only, and what reading and computing them took.</summary>
    private sealed record AuthorityResult(string Authority, long Children, FigureNumbers[] Figures, int Problems, TimeSpan Read, TimeSpan Compute);
}
