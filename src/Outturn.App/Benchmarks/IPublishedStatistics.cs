using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;

namespace Outturn.App.Benchmarks;

/// <summary>
/// The DfE's published LA-level statistics, read through the measure mapping: a folder of EES files today
/// (<see cref="PublishedFiles"/>), the store's imported releases next.
/// </summary>
public interface IPublishedStatistics
{
    /// <summary>The measures that are benchmarked indicators, in mapping order.</summary>
    IEnumerable<PublishedMeasure> Indicators { get; }

    /// <summary>LAIT's measures, every one benchmarkable, in its dictionary's order; empty when the source holds none.</summary>
    /// <exception cref="Formats.InputException">LAIT's dictionary holds errors.</exception>
    IReadOnlyList<PublishedMeasure> Lait { get; }

    /// <summary>The statistical neighbour models.</summary>
    /// <exception cref="Formats.InputException">A grouping is missing or holds errors.</exception>
    NeighbourModels NeighbourModels { get; }

    /// <summary>The benchmarked indicator or LAIT measure with an id (ignoring case), e.g. <c>cin-rate</c> or <c>lait:Section_47</c>.</summary>
    /// <exception cref="LookupException">No measure has the id; the closest are listed.</exception>
    PublishedMeasure Indicator(string id);

    /// <summary>A measure's figures for every year published.</summary>
    /// <exception cref="Formats.InputException">The source is missing or holds errors.</exception>
    IReadOnlyDictionary<FinancialYear, YearFigures> Figures(PublishedMeasure measure);

    /// <summary>The authority a user means, by code or name.</summary>
    /// <exception cref="LookupException">No authority matches; the closest names are listed.</exception>
    LocalAuthority Authority(string query, IEnumerable<PublishedMeasure> measures);

    /// <summary>Where a measure's figures come from, for messages: a file name, or a release.</summary>
    string SourceOf(PublishedMeasure measure);

    /// <summary>How recent a measure's figures are: its source, and its last and next update.</summary>
    PublishedVintage VintageOf(PublishedMeasure measure);

    /// <summary>Reads the figures of several measures at once where the source can (LAIT's one table); else nothing.</summary>
    /// <exception cref="Formats.InputException">The source holds errors.</exception>
    void Prefetch(IEnumerable<PublishedMeasure> measures)
    {
    }
}

/// <summary>Published statistics from a folder of EES files (<see cref="PublishedData"/>).</summary>
/// <param name="data">The folder, opened.</param>
public sealed class PublishedFiles(PublishedData data) : IPublishedStatistics
{
    /// <summary>Opens a folder, with a measure mapping (the shipped one when null).</summary>
    /// <exception cref="Formats.InputException">The folder does not exist.</exception>
    public static PublishedFiles Open(string folder, IReadOnlyList<PublishedMeasure>? measures = null) => new(PublishedData.Open(folder, measures));

    /// <summary>Opens a folder with the measure mapping in a file (the shipped one when null).</summary>
    /// <exception cref="Formats.InputException">The folder does not exist, or the mapping file holds errors.</exception>
    public static PublishedFiles Open(string folder, string? measuresFile) => Open(folder, measuresFile is null ? null : PublishedMeasures.Read(measuresFile));

    /// <inheritdoc />
    public IEnumerable<PublishedMeasure> Indicators => data.Indicators;

    /// <inheritdoc />
    public IReadOnlyList<PublishedMeasure> Lait => data.LaitMeasures;

    /// <inheritdoc />
    public NeighbourModels NeighbourModels => data.NeighbourModels;

    /// <inheritdoc />
    public PublishedMeasure Indicator(string id) => data.Indicator(id);

    /// <inheritdoc />
    public IReadOnlyDictionary<FinancialYear, YearFigures> Figures(PublishedMeasure measure) => data.Figures(measure);

    /// <inheritdoc />
    public LocalAuthority Authority(string query, IEnumerable<PublishedMeasure> measures) => data.Authority(query, measures);

    /// <inheritdoc />
    public string SourceOf(PublishedMeasure measure) => Path.GetFileName(data.FileOf(measure));

    /// <inheritdoc />
    public PublishedVintage VintageOf(PublishedMeasure measure) => data.Vintage(measure);

    /// <inheritdoc />
    public void Prefetch(IEnumerable<PublishedMeasure> measures) => data.Prefetch(measures);
}
