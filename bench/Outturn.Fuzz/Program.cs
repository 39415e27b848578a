using System.Globalization;
using Outturn.Testing.Fuzz;

// The long fuzz run: every reader over seeded mutations of the repository's samples, as the test suite's fuzz test but
// for as many files as asked. Prints the reader x mutation family table and every case that was neither a read nor a
// located error (its files kept under the work folder); exits 1 when there is one.
//   dotnet run -c Release --project bench/Outturn.Fuzz -- [--seed N] [--count N] [--timeout SECONDS] [--work FOLDER]
var seed = Option("--seed", 15);
var count = Option("--count", 100_000);
var timeout = TimeSpan.FromSeconds(Option("--timeout", 20));
var work = args.SkipWhile(a => a != "--work").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"outturn-fuzz-{seed}");

var clock = System.Diagnostics.Stopwatch.StartNew();
var results = FuzzRun.Run(seed, count, work, timeout);
Console.Out.Write(FuzzRun.Table(results));
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nseed {seed}, {results.Count} files, {clock.Elapsed.TotalSeconds:0} s on {Environment.ProcessorCount} cores; cells are files tried: read / located error / other."));
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutating {results.Sum(r => r.Mutating.TotalSeconds):0} s, reading {results.Sum(r => r.Elapsed.TotalSeconds):0} s in all; the slowest:"));
Console.Out.WriteLine(FuzzRun.Slowest(results));
Console.Out.WriteLine(string.Join(", ", results.GroupBy(r => r.Case.Target).OrderByDescending(g => g.Sum(r => r.Elapsed.TotalSeconds))
    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Sum(r => r.Elapsed.TotalSeconds):0.0} s"))));
var failures = results.Where(r => r.Outcome is FuzzOutcome.Other or FuzzOutcome.Hang).ToList();
foreach (var f in failures)
{
    Console.Out.WriteLine($"{f.Case}: {f.Outcome}: {f.Detail} (kept in {f.Kept})");
}

return failures.Count == 0 ? 0 : 1;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
