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
    private (LaitSource? Source, BenchmarkRelease? Table)? _lait;

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
    /// <remarks>Those of LAIT's table and dictionary as last imported; none when the store holds no LAIT files.</remarks>
    public IReadOnlyList<PublishedMeasure> Lait => LaitSource?.Measures ?? [];

    /// <summary>LAIT's files as the store holds them, read from it when first needed.</summary>
    private LaitSource? LaitSource => (_lait ??= ReadLait()).Source;

    private (LaitSource?, BenchmarkRelease?) ReadLait()
    {
        if (_store.LaitFiles() is not { } files)
        {
            return (null, null);
        }

        var source = new LaitSource(files.Table.FileName, () => files.TableContent, () => LaitDictionary.Read(files.DictionaryContent, files.Dictionary.FileName));
        return (source, files.Table);
    }

    private LaitSource LaitOrError(PublishedMeasure measure) => LaitSource ?? throw new InputException(new InputError(measure.Id, null, null,
        $"the store {_store.Target} holds no LAIT table: import the published statistics folder with its lait/ files (outturn benchmarks import FOLDER)."));

    /// <inheritdoc />
    public void Prefetch(IEnumerable<PublishedMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var list = measures.ToList();
        if (list.Any(m => m.Lait is not null))
        {
            LaitOrError(list.First(m => m.Lait is not null)).Prefetch(list);
        }
    }

    /// <inheritdoc />
    /// <remarks>The release the figures were imported from, and when they were imported; for a LAIT measure, the
    /// stored table and the dictionary's last and next update.</remarks>
    public PublishedVintage VintageOf(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Lait is { } lait)
        {
            return LaitSource?.Vintage(lait) ?? new PublishedVintage("LAIT", "", lait.LastUpdate, lait.NextUpdate);
        }

        // Where LAIT holds the same figures, its dictionary says when they are next updated (as from a folder).
        var next = measure.LaitTwin is { } twin ? LaitSource?.Dictionary.Find(twin)?.NextUpdate ?? "" : "";
        return _store.BenchmarkReleaseOf(measure.Id) is { } r
            ? new PublishedVintage("EES", r.FileName, PublishedReleases.MonthOf(r.Release) ?? r.ImportedAt[..10], next)
            : new PublishedVintage("EES", "", "", next);
    }

    /// <inheritdoc />
    public NeighbourModels NeighbourModels => _models ??= NeighbourFiles.ReadBoth(_store.BenchmarkNeighbourFiles());

    /// <inheritdoc />
    public PublishedMeasure Indicator(string id) => PublishedData.FindIndicator(id, Indicators.Concat(Lait));

    /// <inheritdoc />
    public IReadOnlyDictionary<FinancialYear, YearFigures> Figures(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Lait is not null)
        {
            return LaitOrError(measure).Figures(measure).Years;
        }

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
        var release = measure.Lait is not null ? (_lait ??= ReadLait()).Table : _store.BenchmarkReleaseOf(measure.Id);
        return release is { } r
            ? $"{r.Release} ({r.FileName}, imported {r.ImportedAt} by {r.ImportedBy})"
            : $"the store {_store.Target}";
    }
}
