using System.Globalization;
using Outturn.Testing;
using Outturn.Testing.Fuzz;

namespace Outturn.Formats.Tests.Fuzz;

/// <summary>
/// Every reader, given thousands of mutated copies of the repository's samples, reads each or refuses it with errors
/// naming the file: never another exception, never a hang. The run is seeded, so a failure names the seed and case
/// that reproduce it; a file that once failed is kept under <c>Fuzz/regressions/&lt;reader&gt;/</c> and read again here.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    /// <summary>The seed of the run in the test suite; <c>OUTTURN_FUZZ_SEED</c> changes it, <c>OUTTURN_FUZZ_COUNT</c> the count.</summary>
    private const int DefaultSeed = 15;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _work = Path.Combine(Path.GetTempPath(), $"outturn-fuzz-{Guid.NewGuid():N}");
    private bool _keep;

    [Fact]
    public void Every_reader_reads_or_refuses_with_located_errors_ten_thousand_mutated_samples()
    {
        // Given
        var seed = Setting("OUTTURN_FUZZ_SEED", DefaultSeed);
        var count = Setting("OUTTURN_FUZZ_COUNT", 10_000);

        // When
        var results = FuzzRun.Run(seed, count, _work, Timeout);

        // Then
        results.Count.ShouldBe(count);
        results.Select(r => r.Case.Target).Distinct().Count().ShouldBe(FuzzTargets.All.Count);
        var failures = results.Where(r => r.Outcome is FuzzOutcome.Other or FuzzOutcome.Hang).ToList();
        _keep = failures.Count > 0;
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(30).Select(f => $"{f.Case}: {f.Outcome}: {f.Detail} (kept in {f.Kept})")));
    }

    [Fact]
    public void Every_transparent_mutation_of_every_reader_reads_as_its_seed()
    {
        // Given: each reader's seeds re-encoded or zipped again, every way its format allows
        var cases = FuzzTargets.All.SelectMany(t => t.Mutations.Where(m => m.Transparent).Select(m => t with { Mutations = [m] })).ToList();

        // When
        var results = FuzzRun.Run(DefaultSeed, cases.Count * 4, _work, Timeout, cases);

        // Then: read, and read as the seed is (a seed refused is refused the same way)
        results.Where(r => r.Outcome is FuzzOutcome.Other or FuzzOutcome.Hang)
            .Select(r => $"{r.Case}: {r.Detail}").ShouldBeEmpty();
    }

    public static TheoryData<string, string> Regressions()
    {
        var data = new TheoryData<string, string>();
        var root = RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Fuzz", "regressions");
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Contains("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_file_that_once_failed_is_read_or_refused_with_located_errors(string reader, string file)
    {
        // Given
        var path = RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Fuzz", "regressions", file);

        // When
        var result = FuzzRun.Replay(FuzzTargets.Named(reader), path, _work, Timeout);

        // Then
        result.Outcome.ShouldBeOneOf([FuzzOutcome.Read, FuzzOutcome.LocatedError], result.Detail);
    }

    public void Dispose()
    {
        if (!_keep && Directory.Exists(_work))
        {
            Directory.Delete(_work, true);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
