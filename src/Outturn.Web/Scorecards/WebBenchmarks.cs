using Outturn.App;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Formats.Published;
using Outturn.Store;

namespace Outturn.Web.Scorecards;

/// <summary>An indicator's published benchmarks as a page shows them: every year's block, where they come from and how recent.</summary>
/// <param name="Benchmarks">The measure and every published year.</param>
/// <param name="Vintage">The source and its last and next update.</param>
/// <param name="Source">The release the figures were imported from, in words.</param>
public sealed record WebIndicatorBenchmarks(IndicatorBenchmarks Benchmarks, PublishedVintage Vintage, string Source);

/// <summary>
/// Our authority's benchmarks from the published statistics the store holds, for every indicator (national, or local
/// with a <c>benchmark_measure</c>) mapped to a published measure.
/// </summary>
/// <param name="Authority">Our authority as configured (<c>Outturn:Authority</c>).</param>
/// <param name="Us">The authority the published statistics know by it; null when <see cref="Problem"/> says why not.</param>
/// <param name="Indicators">Each mapped indicator's benchmarks, by indicator id.</param>
/// <param name="Columns">The same, as the scorecard's benchmark columns.</param>
/// <param name="Problem">Why there are none: the authority is not in the published statistics, or what the store holds is in error.</param>
public sealed record OurBenchmarks(string Authority, LocalAuthority? Us, IReadOnlyDictionary<string, WebIndicatorBenchmarks> Indicators,
    IReadOnlyList<Benchmark> Columns, string? Problem);

/// <summary>
/// The benchmark columns of every web scorecard and report, and the indicator page's published benchmarks: computed
/// from the store's published statistics (<see cref="StorePublishedStatistics"/>, the same figures as
/// <c>outturn scorecard --la</c> gives) for our authority, once for each release and local catalogue held and kept until another is imported.
/// Nothing when no authority is configured or the store holds no published statistics.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="settings">Our authority.</param>
/// <param name="logger">Where a problem with the published statistics is logged (once per release).</param>
public sealed class WebBenchmarks(OutturnStore store, OutturnSettings settings, ILogger<WebBenchmarks> logger)
{
    private readonly Lock _gate = new();
    private (long Release, long Catalogue, OurBenchmarks? Value)? _cached;

    /// <summary>Our authority's benchmarks from the latest releases the store holds; null when there is no authority or no release.</summary>
    public OurBenchmarks? Current()
    {
        if (settings.Authority is not { } authority)
        {
            return null;
        }

        var release = store.LatestBenchmarkRelease();
        var catalogue = store.LocalCatalogueVersion();
        lock (_gate)
        {
            if (_cached is not { } cached || cached.Release != release || cached.Catalogue != catalogue)
            {
                cached = (release, catalogue, release == 0 ? null : Compute(authority));
                _cached = cached;
            }

            return cached.Value;
        }
    }

    /// <summary>The input with its benchmark columns filled for our authority (those given in the input win); the input as it was when there are none.</summary>
    public ScorecardInput Fill(ScorecardInput input) =>
        Current() is { Us: not null } ours ? PublishedBenchmarks.Filled(input, ours.Columns) : input;

    private OurBenchmarks Compute(string authority)
    {
        var statistics = new StorePublishedStatistics(store);
        var benchmarks = new PublishedBenchmarks(statistics);
        try
        {
            if (benchmarks.ForOurs(authority, store.Catalogue()) is not { } ours)
            {
                return new OurBenchmarks(authority, null, new Dictionary<string, WebIndicatorBenchmarks>(), [],
                    "no indicator is mapped to a measure the store holds published figures for.");
            }

            return new OurBenchmarks(authority, ours.Us,
                ours.Indicators.ToDictionary(i => i.Indicator.Id, i => new WebIndicatorBenchmarks(i, statistics.VintageOf(i.Measure), statistics.SourceOf(i.Measure)), StringComparer.OrdinalIgnoreCase),
                PublishedBenchmarks.Columns(ours.Indicators), null);
        }
        catch (Exception e) when (e is LookupException or InputException)
        {
            logger.LogWarning("No benchmarks for {Authority}: {Problem}", authority, e.Message);
            return new OurBenchmarks(authority, null, new Dictionary<string, WebIndicatorBenchmarks>(), [], e.Message);
        }
    }
}
