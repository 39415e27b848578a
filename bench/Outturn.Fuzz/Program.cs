using System.Globalization;
using System.Text;
using Outturn.Fuzz;
using Outturn.Testing.Fuzz;

// The long fuzz run: every reader over seeded mutations of the repository's samples, as the test suite's fuzz test but
// for as many files as asked. Prints the reader x mutation family table and every case that was neither a read nor a
// located error (its files kept under the work folder); exits 1 when there is one. With --markdown, writes its section of
// the reliability document (between its marker comments, the rest kept): the table, the packages with their
// licences, and the feed's word on vulnerabilities.
//   dotnet run -c Release --project bench/Outturn.Fuzz -- [--seed N] [--count N] [--timeout SECONDS] [--work FOLDER]
//       [--markdown docs/reliability.md]
var seed = Option("--seed", 15);
var count = Option("--count", 100_000);
var timeout = TimeSpan.FromSeconds(Option("--timeout", 20));
var work = Text("--work") ?? Path.Combine(Path.GetTempPath(), $"outturn-fuzz-{seed}");
var markdown = Text("--markdown");

var clock = System.Diagnostics.Stopwatch.StartNew();
var results = FuzzRun.Run(seed, count, work, timeout);
var table = FuzzRun.Table(results);
var summary = string.Create(CultureInfo.InvariantCulture, $"seed {seed}, {results.Count} files, {clock.Elapsed.TotalSeconds:0} s on {Environment.ProcessorCount} cores");
Console.Out.Write(table);
Console.Out.WriteLine($"\n{summary}; cells are files tried: read / located error / other.");
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutating {results.Sum(r => r.Mutating.TotalSeconds):0} s, reading {results.Sum(r => r.Elapsed.TotalSeconds):0} s in all; the slowest:"));
Console.Out.WriteLine(FuzzRun.Slowest(results));
var failures = results.Where(r => r.Outcome is FuzzOutcome.Other or FuzzOutcome.Hang).ToList();
foreach (var f in failures)
{
    Console.Out.WriteLine($"{f.Case}: {f.Outcome}: {f.Detail} (kept in {f.Kept})");
}

if (markdown is not null)
{
    // Only the tool's own section is replaced: the sections written by hand (Faults) are kept.
    var existing = File.Exists(markdown) ? File.ReadAllText(markdown) : null;
    File.WriteAllText(markdown, ReliabilityDocument.Merge(existing, Reliability(table, summary, failures.Count, count)), new UTF8Encoding(false));
    Console.Out.WriteLine($"wrote {markdown}");
}

return failures.Count == 0 ? 0 : 1;

int Option(string name, int fallback) => Text(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string Reliability(string table, string summary, int failures, int count)
{
    var solution = Outturn.Testing.RepoPaths.InRepo("Outturn.slnx");
    var text = new StringBuilder();
    text.Append(CultureInfo.InvariantCulture, $"""
        # Reliability

        This part, up to the "Faults" section, is written by
        `dotnet run -c Release --project bench/Outturn.Fuzz -- --count {count} --markdown docs/reliability.md`;
        do not edit it by hand. The test suite runs the same harness over 10,000 files
        (`tests/Outturn.Formats.Tests/Fuzz/FuzzTests.cs`), and every file that once failed is kept under
        `tests/Outturn.Formats.Tests/Fuzz/regressions/` and read again there.

        ## Hostile input: each reader x mutation family

        Each reader is given mutated copies of the repository's own samples (`tests/Outturn.Testing/Fuzz/Mutators.cs`:
        truncation, flipped bytes, dropped and doubled columns, encodings (UTF-16, BOMs, Latin-1, NULs, invalid UTF-8),
        huge and negative numbers, bad dates, XML entity tricks and deep nesting, zip bombs and corrupted parts inside
        workbooks, out-of-range cells). A cell is `files tried: read / located error / other`; *read* is a correct read
        (a transparent mutation, such as a byte order mark, must read exactly as its seed), *located error* a refusal
        naming the file (and row and field where there is one), *other* anything else: an exception, an error naming
        nothing, a transparent mutation read differently, or no outcome within the time allowed.
        The limits every reader keeps to are in `src/Outturn.Formats/InputLimits.cs`.

        {summary}; {failures} other.


        """);
    text.Append(table);
    text.Append("""

        ## Packages

        Every package of every project, direct or transitive (`dotnet list Outturn.slnx package --include-transitive`),
        with the licence its package declares.

        | package | version | direct | licence |
        | --- | --- | --- | --- |

        """);
    foreach (var (id, version, direct, licence) in Packages.List(solution))
    {
        text.Append(CultureInfo.InvariantCulture, $"| {id} | {version} | {(direct ? "yes" : "")} | {licence} |\n");
    }

    text.Append("""

        ## Known vulnerabilities

        `dotnet list Outturn.slnx package --vulnerable --include-transitive`, as the feed answered:

        ```text

        """);
    text.Append(Packages.Vulnerable(solution).TrimEnd()).Append("\n```\n");
    return text.ToString();
}
