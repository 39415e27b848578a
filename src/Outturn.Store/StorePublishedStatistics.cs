using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.Published;

namespace Outturn.Store;

/// <summary>
/// The published statistics the store holds (<see cref="OutturnStore.ImportBenchmarks"/>): each measure's figures as
/// its release gave them, and the statistical neighbour groupings as imported. The second source of
/// <see cref="IPublishedStatistics"/>, beside a folder of files (<see cref="PublishedFiles"/>); the same figures either way.
/// </summary>
public sealed class StorePublishedStatistics : IPublishedStatistics
{
    private readonly OutturnStore _store;
    private readonly IReadOnlyList<PublishedMeasure> _measures;
    private readonly Dictionary<string, IReadOnlyDictionary<FinancialYear, YearFigures>> _figures = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlySet<string>? _held;
    private NeighbourModels? _models;

    /// <summary>Reads the store through a measure mapping (the shipped one when null).</summary>
    public StorePublishedStatistics(OutturnStore store, IReadOnlyList<PublishedMeasure>? measures = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _measures = measures ?? PublishedMeasures.Shipped();
    }

    /// <summary>Reads the store through the measure mapping in a file (the shipped one when null).</summary>
    /// <exception cref="InputException">The mapping file holds errors.</exception>
    public static StorePublishedStatistics Open(OutturnStore store, string? measuresFile) =>
        new(store, measuresFile is null ? null : PublishedMeasures.Read(measuresFile));

    /// <inheritdoc />
    /// <remarks>Those of the mapping the store holds figures for.</remarks>
    public IEnumerable<PublishedMeasure> Indicators =>
        _measures.Where(m => m.Role == MeasureRole.Benchmark && (_held ??= _store.BenchmarkMeasures()).Contains(m.Id));

    /// <inheritdoc />
    /// <remarks>None: the store holds the EES measures of the mapping (LAIT is read from its folder, <c>--published</c>).</remarks>
    public IReadOnlyList<PublishedMeasure> Lait => [];

    /// <inheritdoc />
    /// <remarks>The release the figures were imported from, and when they were imported.</remarks>
    public PublishedVintage VintageOf(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return _store.BenchmarkReleaseOf(measure.Id) is { } r
            ? new PublishedVintage("EES", r.FileName, PublishedReleases.MonthOf(r.Release) ?? r.ImportedAt[..10], "")
            : new PublishedVintage("EES", "", "", "");
    }

    /// <inheritdoc />
    public NeighbourModels NeighbourModels => _models ??= NeighbourFiles.ReadBoth(_store.BenchmarkNeighbourFiles());

    /// <inheritdoc />
    public PublishedMeasure Indicator(string id) => PublishedData.FindIndicator(id, Indicators);

    /// <inheritdoc />
    public IReadOnlyDictionary<FinancialYear, YearFigures> Figures(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!_figures.TryGetValue(measure.Id, out var figures))
        {
            _figures[measure.Id] = figures = _store.BenchmarkFigures(measure.Id) ?? throw new InputException(new InputError(measure.Id, null, null,
                $"the store {_store.Target} holds no published figures for {measure.Id}: import them with outturn benchmarks import FOLDER."));
        }

        return figures;
    }

    /// <inheritdoc />
    public LocalAuthority Authority(string query, IEnumerable<PublishedMeasure> measures) =>
        PublishedData.FindAuthority(query, PublishedData.AuthoritiesIn(measures.SelectMany(m => Figures(m).Values)));

    /// <inheritdoc />
    /// <remarks>The release, its file and who imported it when: <c>DfE, Children in need (EES), reporting year 2025
    /// (October 2025); 2013 to 2025 (c1_....csv, imported 2025-04-10T09:30:00.000Z by analyst.one)</c>.</remarks>
    public string SourceOf(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return _store.BenchmarkReleaseOf(measure.Id) is { } r
            ? $"{r.Release} ({r.FileName}, imported {r.ImportedAt} by {r.ImportedBy})"
            : $"the store {_store.Target}";
    }
}
