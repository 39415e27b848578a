using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Published;

namespace Outturn.App.Benchmarks;

/// <summary>
/// An authority's benchmarks computed from published statistics: its statistical neighbours, England and its region
/// as published, its quartile band and rank, its change from the previous year; and the scorecard's benchmark columns
/// filled for "us".
/// </summary>
/// <param name="statistics">Where the published figures come from.</param>
public sealed class PublishedBenchmarks(IPublishedStatistics statistics)
{
    /// <summary>The statistics read.</summary>
    public IPublishedStatistics Statistics { get; } = statistics;

    /// <summary>
    /// The benchmark block for an authority, indicator and year, comparing with the neighbour model in force for
    /// the year unless <paramref name="model"/> is given.
    /// </summary>
    /// <exception cref="LookupException">The year is not published for the indicator; the years that are are listed.</exception>
    /// <exception cref="Formats.InputException">A file is missing or holds errors.</exception>
    public AuthorityBenchmark Benchmark(PublishedMeasure measure, LocalAuthority authority, FinancialYear year,
        NeighbourAverage method = NeighbourAverage.Mean, NeighbourModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(authority);
        var figures = Statistics.Figures(measure);
        if (!figures.TryGetValue(year, out var current))
        {
            var years = figures.Keys.Order().ToList();
            throw new LookupException($"{measure.Id} figure for {year}", Statistics.SourceOf(measure),
                [.. years.OrderBy(y => Math.Abs(y.StartYear - year.StartYear)).Take(3).Select(y => y.ToString())],
                $"Published years are {Span(years)}; the closest");
        }

        var selection = (model ?? Statistics.NeighbourModels.For(year)).Select(authority.Code, Reorganisation.England);
        return BenchmarkCalculator.Compute(measure.Id, measure.Polarity, authority, current,
            figures.GetValueOrDefault(year.Previous()), selection, method);
    }

    /// <summary>
    /// The published measure an indicator of the catalogue is benchmarked against: the one its
    /// <see cref="Indicator.BenchmarkMeasure"/> names (an EES measure or one of LAIT's), else the mapped EES measure with
    /// the indicator's own id; null when there is neither.
    /// </summary>
    /// <remarks>A row mapped to a LAIT measure has none when the source holds no LAIT measures (the store).</remarks>
    /// <exception cref="LookupException">The catalogue names a measure that is not published; the closest are listed.</exception>
    public PublishedMeasure? MeasureFor(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.BenchmarkMeasure is { } named)
        {
            // A source without LAIT (the store holds the EES measures) leaves a row mapped to LAIT as the analyst gave it.
            return named.StartsWith(LaitMeasure.IdPrefix, StringComparison.OrdinalIgnoreCase) && Statistics.Lait.Count == 0 ? null : Statistics.Indicator(named);
        }

        return Statistics.Indicators.FirstOrDefault(m => m.Id.Equals(indicator.Id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Every published year of every catalogue indicator mapped to a published measure (<see cref="MeasureFor"/>;
    /// others are skipped), benchmarked for the authority: its value, neighbours, region, England, band and rank. The
    /// catalogue's polarity is used where it has one, since the authority's catalogue says which way is good for it.
    /// </summary>
    /// <exception cref="LookupException">The catalogue names a measure that is not published.</exception>
    public IReadOnlyList<IndicatorBenchmarks> ForCatalogue(LocalAuthority authority, IEnumerable<Indicator> catalogue, NeighbourAverage method = NeighbourAverage.Mean)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var mapped = Mapped(catalogue);
        Statistics.Prefetch(mapped.Select(m => m.Measure));
        return [.. mapped.Select(p =>
        {
            var judged = p.Indicator.Polarity == Polarity.None ? p.Measure : p.Measure with { Polarity = p.Indicator.Polarity };
            return new IndicatorBenchmarks(p.Indicator, p.Measure, [.. Statistics.Figures(p.Measure).Keys.Order()
                .Select(y => Benchmark(judged, authority, y, method) with { IndicatorId = p.Indicator.Id })]);
        })];
    }

    /// <summary>
    /// Benchmarks for the scorecard of the authority configured as "us": <see cref="ForCatalogue"/> as the scorecard's
    /// benchmark columns.
    /// </summary>
    /// <exception cref="LookupException">The catalogue names a measure that is not published.</exception>
    public IReadOnlyList<Benchmark> ForScorecard(LocalAuthority authority, IEnumerable<Indicator> catalogue, NeighbourAverage method = NeighbourAverage.Mean) =>
        Columns(ForCatalogue(authority, catalogue, method));

    /// <summary>Indicators' benchmarks as the scorecard's benchmark columns, a year each.</summary>
    public static IReadOnlyList<Benchmark> Columns(IEnumerable<IndicatorBenchmarks> benchmarks) =>
        [.. benchmarks.SelectMany(i => i.Years).Select(b => b.ToBenchmark())];

    /// <summary>
    /// Our authority as the published statistics know it (by name or code), and <see cref="ForCatalogue"/> for it; null
    /// when no indicator of the catalogue is mapped to a published measure.
    /// </summary>
    /// <exception cref="LookupException">The authority is not in the published statistics, or the catalogue names a measure that is not.</exception>
    /// <exception cref="Formats.InputException">The published files are missing or hold errors.</exception>
    public (LocalAuthority Us, IReadOnlyList<IndicatorBenchmarks> Indicators)? ForOurs(string authority, IReadOnlyList<Indicator> catalogue)
    {
        var mapped = Mapped(catalogue);
        if (mapped.Count == 0)
        {
            return null;
        }

        var us = Statistics.Authority(authority, mapped.Select(m => m.Measure).Distinct());
        return (us, ForCatalogue(us, catalogue));
    }

    /// <summary>
    /// The scorecard input with its benchmark columns filled for our authority, for every catalogue indicator mapped
    /// to a published measure. Benchmarks already given (the analyst's file) are kept and win over computed ones for
    /// the same indicator and year.
    /// </summary>
    /// <exception cref="LookupException">The authority is not in the published statistics, or the catalogue names a measure that is not.</exception>
    /// <exception cref="Formats.InputException">The published files are missing or hold errors.</exception>
    public ScorecardInput WithOurBenchmarks(ScorecardInput input, string authority)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ForOurs(authority, input.Catalogue) is { } ours ? Filled(input, Columns(ours.Indicators)) : input;
    }

    /// <summary>
    /// The input with computed benchmark columns added for the catalogue's indicators: those already given (the
    /// analyst's file) are kept and win for the same indicator and year; those of indicators not in the catalogue are
    /// left out.
    /// </summary>
    public static ScorecardInput Filled(ScorecardInput input, IEnumerable<Benchmark> computed)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(computed);
        var ids = input.Catalogue.Select(i => i.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var given = input.Benchmarks.Select(b => (b.IndicatorId.ToUpperInvariant(), b.Year)).ToHashSet();
        var added = computed.Where(b => ids.Contains(b.IndicatorId) && !given.Contains((b.IndicatorId.ToUpperInvariant(), b.Year))).ToList();
        return added.Count == 0 ? input : new ScorecardInput(input.Catalogue, input.Targets, input.Measures, [.. input.Benchmarks, .. added]);
    }

    private List<(Indicator Indicator, PublishedMeasure Measure)> Mapped(IEnumerable<Indicator> catalogue) =>
        [.. catalogue.Select(i => (Indicator: i, Measure: MeasureFor(i))).Where(p => p.Measure is not null).Select(p => (p.Indicator, p.Measure!))];

    private static string Span(IReadOnlyList<FinancialYear> years) =>
        years.Count > 2 && years[^1].StartYear - years[0].StartYear == years.Count - 1
            ? $"{years[0]} to {years[^1]}"
            : years.Count == 0 ? "none" : string.Join(", ", years);
}

/// <summary>A catalogue indicator's published benchmarks: the measure it is mapped to, and each published year's block.</summary>
/// <param name="Indicator">The catalogue indicator.</param>
/// <param name="Measure">The published measure it is benchmarked against.</param>
/// <param name="Years">Every published year, oldest first.</param>
public sealed record IndicatorBenchmarks(Indicator Indicator, PublishedMeasure Measure, IReadOnlyList<AuthorityBenchmark> Years);
