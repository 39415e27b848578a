using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Outturn.Formats;

namespace Outturn.Testing.Fuzz;

/// <summary>What a reader did with a mutated file.</summary>
public enum FuzzOutcome
{
    /// <summary>It read the file (for a transparent mutation, exactly as it reads the seed).</summary>
    Read,

    /// <summary>It refused the file with errors that each name the file and say what is wrong.</summary>
    LocatedError,

    /// <summary>Anything else: another exception, an error naming no file, or a transparent mutation read differently.</summary>
    Other,

    /// <summary>It did not finish within the time allowed.</summary>
    Hang,
}

/// <summary>One case: which reader, which seed file, which mutation; reproduced by the run's seed and the case's index.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Index">The case's index in the run.</param>
/// <param name="Target">The reader.</param>
/// <param name="File">The seed file mutated.</param>
/// <param name="Mutation">The mutation.</param>
public sealed record FuzzCase(int Seed, int Index, string Target, string File, Mutation Mutation)
{
    /// <inheritdoc />
    public override string ToString() => $"seed {Seed} case {Index}: {Target}, {File}, {Mutation.Family}/{Mutation.Name}";
}

/// <summary>The outcome of one case, with what was read or the error, and how long the read took.</summary>
/// <param name="Case">The case.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Detail">The summary read, the first error, or the exception.</param>
/// <param name="Elapsed">The time the read took.</param>
/// <param name="Kept">Where the case's files were kept (for an outcome that is not a read or a located error).</param>
/// <param name="Mutating">The time the mutation took.</param>
public sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome, string Detail, TimeSpan Elapsed, string? Kept = null, TimeSpan Mutating = default);

/// <summary>
/// Runs seeded mutations of the repository's samples through every reader, in process: case <c>i</c> of seed <c>s</c>
/// always mutates the same file the same way, so a failure is reproduced from the two numbers alone.
/// </summary>
public static class FuzzRun
{
    /// <summary>Runs <paramref name="count"/> cases, spread evenly over the readers, in parallel on every core.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="count">The number of mutated files.</param>
    /// <param name="workFolder">Where case files are written; a failing case's files are kept there.</param>
    /// <param name="timeout">The time a read may take before it counts as a hang.</param>
    /// <param name="targets">The readers (every reader when null).</param>
    public static IReadOnlyList<FuzzResult> Run(int seed, int count, string workFolder, TimeSpan timeout, IReadOnlyList<FuzzTarget>? targets = null)
    {
        targets ??= FuzzTargets.All;
        var baselines = targets.Select(t => t.Seeds.Select(s => Baseline(t, s, workFolder)).ToList()).ToList();
        var results = new ConcurrentBag<FuzzResult>();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var targetIndex = i % targets.Count;
            var target = targets[targetIndex];
            var seedIndex = random.Next(target.Seeds.Count);
            var files = target.Seeds[seedIndex];
            var file = files[random.Next(files.Count)];
            var mutation = target.Mutations[random.Next(target.Mutations.Count)];
            var @case = new FuzzCase(seed, i, target.Name, file.Name, mutation);
            byte[] mutated;
            var mutating = Stopwatch.StartNew();
            try
            {
                mutated = mutation.Apply(file.Content, random);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{@case}: the mutation itself failed.", e);
            }

            mutating.Stop();
            var dir = Path.Combine(workFolder, string.Create(CultureInfo.InvariantCulture, $"case-{seed}-{i}"));
            results.Add(Try(@case, target, dir, files.Select(f => f == file ? f with { Content = mutated } : f), baselines[targetIndex][seedIndex], timeout) with { Mutating = mutating.Elapsed });
        });

        return [.. results.OrderBy(r => r.Case.Index)];
    }

    /// <summary>Reads a file kept from an earlier run in place of the seed file of the same name.</summary>
    /// <param name="target">The reader.</param>
    /// <param name="file">The kept file: its name is <c>anything--</c> followed by the seed file's name.</param>
    /// <param name="workFolder">Where the case's files are written.</param>
    /// <param name="timeout">The time the read may take.</param>
    public static FuzzResult Replay(FuzzTarget target, string file, string workFolder, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        var name = Path.GetFileName(file);
        var seedName = name[(name.IndexOf("--", StringComparison.Ordinal) + 2)..];
        var files = target.Seeds.First(s => s.Any(f => f.Name == seedName));
        var replay = new Mutation("regression", name, (b, _) => b);
        var @case = new FuzzCase(0, 0, target.Name, seedName, replay);
        var dir = Path.Combine(workFolder, "replay-" + Guid.NewGuid().ToString("N"));
        return Try(@case, target, dir, files.Select(f => f.Name == seedName ? f with { Content = File.ReadAllBytes(file) } : f), null, timeout);
    }

    private static string? Baseline(FuzzTarget target, IReadOnlyList<SeedFile> files, string workFolder)
    {
        var dir = Path.Combine(workFolder, "baseline-" + Guid.NewGuid().ToString("N"));
        Write(dir, files);
        try
        {
            return target.Read(dir);
        }
        catch (InputException e)
        {
            return "refused: " + e.Errors.Count;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Write(string dir, IEnumerable<SeedFile> files)
    {
        Directory.CreateDirectory(dir);
        foreach (var f in files)
        {
            File.WriteAllBytes(Path.Combine(dir, f.Name), f.Content);
        }
    }

    private static FuzzResult Try(FuzzCase @case, FuzzTarget target, string dir, IEnumerable<SeedFile> files, string? baseline, TimeSpan timeout)
    {
        Write(dir, files);
        var clock = Stopwatch.StartNew();
        var read = Task.Factory.StartNew(() => target.Read(dir), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        FuzzResult result;
        try
        {
            if (!read.Wait(timeout))
            {
                // The read cannot be stopped; its thread is left to finish, and the case's files are kept.
                return new FuzzResult(@case, FuzzOutcome.Hang, $"no outcome after {timeout.TotalSeconds:0} s", clock.Elapsed, dir);
            }

            var summary = read.Result;
            result = @case.Mutation.Transparent && baseline is not null && summary != baseline
                ? new FuzzResult(@case, FuzzOutcome.Other, $"read as '{summary}', the seed as '{baseline}'", clock.Elapsed)
                : new FuzzResult(@case, FuzzOutcome.Read, summary, clock.Elapsed);
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is InputException e)
        {
            var unlocated = e.Errors.FirstOrDefault(x => string.IsNullOrWhiteSpace(x.File) || string.IsNullOrWhiteSpace(x.Message));
            result = e.Errors.Count == 0 || unlocated is not null
                ? new FuzzResult(@case, FuzzOutcome.Other, $"an error naming no file or saying nothing: {unlocated}", clock.Elapsed)
                : @case.Mutation.Transparent && baseline is not null && baseline != "refused: " + e.Errors.Count
                    ? new FuzzResult(@case, FuzzOutcome.Other, $"refused ({e.Errors[0]}), the seed read as '{baseline}'", clock.Elapsed)
                    : new FuzzResult(@case, FuzzOutcome.LocatedError, e.Errors[0].ToString(), clock.Elapsed);
        }
        catch (AggregateException wrapped)
        {
            var e = wrapped.InnerException!;
            result = new FuzzResult(@case, FuzzOutcome.Other, $"{e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}", clock.Elapsed);
        }

        if (result.Outcome == FuzzOutcome.Other)
        {
            return result with { Kept = dir };
        }

        Directory.Delete(dir, true);
        return result;
    }

    /// <summary>
    /// The table of reader by mutation family: files tried, then how many were read, refused with a located error, or
    /// neither (another exception, or a hang), as Markdown.
    /// </summary>
    public static string Table(IReadOnlyList<FuzzResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var families = results.Select(r => r.Case.Mutation.Family).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("| reader | ").AppendJoin(" | ", families).Append(" | all |\n");
        text.Append("| --- |").Append(string.Concat(families.Select(_ => " --- |"))).Append(" --- |\n");
        foreach (var target in results.GroupBy(r => r.Case.Target).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("| ").Append(target.Key).Append(" | ");
            text.AppendJoin(" | ", families.Select(f => Cell(target.Where(r => r.Case.Mutation.Family == f).ToList())));
            text.Append(" | ").Append(Cell([.. target])).Append(" |\n");
        }

        text.Append("| all | ").AppendJoin(" | ", families.Select(f => Cell(results.Where(r => r.Case.Mutation.Family == f).ToList())))
            .Append(" | ").Append(Cell(results)).Append(" |\n");
        return text.ToString();
    }

    /// <summary>The reader and mutation pairs that took longest in all (the mutation and the read), as lines of text.</summary>
    public static string Slowest(IReadOnlyList<FuzzResult> results, int count = 12)
    {
        ArgumentNullException.ThrowIfNull(results);
        return string.Join('\n', results.GroupBy(r => (r.Case.Target, r.Case.Mutation.Name))
            .Select(g => (g.Key, Mutating: g.Sum(r => r.Mutating.TotalSeconds), Reading: g.Sum(r => r.Elapsed.TotalSeconds), Files: g.Count()))
            .OrderByDescending(x => x.Mutating + x.Reading).Take(count)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key.Target} {x.Key.Name}: {x.Mutating:0.0} s mutating and {x.Reading:0.0} s reading {x.Files} files")));
    }

    /// <summary>"tried: read / located error / other", e.g. <c>52: 10 / 42 / 0</c>.</summary>
    private static string Cell(IReadOnlyList<FuzzResult> results) => results.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
        $"{results.Count}: {results.Count(r => r.Outcome == FuzzOutcome.Read)} / {results.Count(r => r.Outcome == FuzzOutcome.LocatedError)} / {results.Count(r => r.Outcome is FuzzOutcome.Other or FuzzOutcome.Hang)}");
}
