using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Published;

/// <summary>
/// A folder of published statistics (EES CSV files and the two statistical neighbour groupings) read through the
/// measure mapping: finds authorities, indicators and years by name. The benchmarks computed from them are the App's.
/// </summary>
/// <remarks>Files are read when first needed and kept, so a file shared by several measures is read once.</remarks>
public sealed class PublishedData
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<FinancialYear, YearFigures>> _figures = new(StringComparer.OrdinalIgnoreCase);
    private NeighbourModels? _models;
    private LaitSource? _laitSource;

    private PublishedData(string directory, IReadOnlyList<PublishedMeasure> measures)
    {
        Directory = directory;
        Measures = measures;
    }

    /// <summary>Opens a folder with a measure mapping (the shipped one when null).</summary>
    /// <exception cref="InputException">The folder does not exist.</exception>
    public static PublishedData Open(string directory, IReadOnlyList<PublishedMeasure>? measures = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InputException(new InputError(directory, null, null,
                "the folder of published statistics does not exist; give --published with the folder holding the DfE files."));
        }

        return new PublishedData(Path.GetFullPath(directory), measures ?? PublishedMeasures.Shipped());
    }

    /// <summary>The folder read.</summary>
    public string Directory { get; }

    /// <summary>Every mapped measure, in mapping order.</summary>
    public IReadOnlyList<PublishedMeasure> Measures { get; }

    /// <summary>The measures that are benchmarked indicators, in mapping order.</summary>
    public IEnumerable<PublishedMeasure> Indicators => Measures.Where(m => m.Role == MeasureRole.Benchmark);

    /// <summary>The folder of LAIT's files: <c>lait</c> in the folder read.</summary>
    public string LaitFolder => Path.Combine(Directory, "lait");

    /// <summary>
    /// LAIT's files in the folder (<c>lait/lait_data_dictionary.csv</c> beside its table <c>lait/bds_long_*.parquet</c>),
    /// or null when it has none.
    /// </summary>
    public LaitSource? Lait => _laitSource ??= LaitSource.InFolder(LaitFolder);

    /// <summary>LAIT's measures, every one benchmarkable, in dictionary order; none when the folder has no LAIT files.</summary>
    /// <exception cref="InputException">The dictionary holds errors.</exception>
    public IReadOnlyList<PublishedMeasure> LaitMeasures => Lait?.Measures ?? [];

    /// <summary>The latest of LAIT's tables in the folder (<c>bds_long_*.parquet</c>), or null.</summary>
    public string? LaitTableFile() => LaitSource.TableIn(LaitFolder);

    /// <summary>
    /// Reads the LAIT measures among <paramref name="measures"/> not read yet, in one pass over LAIT's table (each
    /// pass decodes only the row groups holding them); EES measures are read when first asked for.
    /// </summary>
    /// <exception cref="InputException">LAIT's table or dictionary holds errors, or the folder has none and a LAIT measure is asked for.</exception>
    public void Prefetch(IEnumerable<PublishedMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var list = measures.ToList();
        if (list.Any(m => m.Lait is not null))
        {
            LaitOrError().Prefetch(list);
        }
    }

    /// <summary>A LAIT measure's figures with LAIT's year labels.</summary>
    /// <exception cref="ArgumentException">The measure is not one of LAIT's.</exception>
    /// <exception cref="InputException">LAIT's table or dictionary holds errors.</exception>
    public LaitFigures LaitFigures(PublishedMeasure measure) => LaitOrError().Figures(measure);

    private LaitSource LaitOrError() => Lait ?? throw new InputException(new InputError(LaitTable.FilePattern, null, null,
        $"{LaitFolder} holds no LAIT table matching '{LaitTable.FilePattern}' with its {LaitDictionary.FileName}, needed for LAIT's measures."));

    /// <summary>
    /// How recent a measure's figures are: for a LAIT measure, LAIT's last and next update (its data dictionary); for
    /// an EES measure, the release its file came from (the folder's README) and, where LAIT holds the same figures,
    /// LAIT's next update of them.
    /// </summary>
    public PublishedVintage Vintage(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Lait is { } lait)
        {
            return Lait?.Vintage(lait) ?? new PublishedVintage("LAIT", LaitTable.FileName, lait.LastUpdate, lait.NextUpdate);
        }

        var file = FileOf(measure);
        var twin = measure.LaitTwin is { } t ? Lait?.Dictionary.Find(t) : null;
        return new PublishedVintage("EES", Path.GetFileName(file), PublishedReleases.MonthOf(PublishedReleases.Of(file)) ?? "", twin?.NextUpdate ?? "");
    }

    /// <summary>The statistical neighbour models, read on first use.</summary>
    /// <exception cref="InputException">A grouping file is missing or holds errors.</exception>
    public NeighbourModels NeighbourModels => _models ??= NeighbourFiles.ReadBoth(Directory);

    /// <summary>The benchmarked indicator with an id (ignoring case).</summary>
    /// <exception cref="LookupException">No indicator has the id; the closest are listed.</exception>
    public PublishedMeasure Indicator(string id) => FindIndicator(id, Indicators.Concat(LaitMeasures));

    /// <summary>The indicator with an id (ignoring case) among <paramref name="indicators"/>.</summary>
    /// <exception cref="LookupException">No indicator has the id; the closest are listed.</exception>
    public static PublishedMeasure FindIndicator(string id, IEnumerable<PublishedMeasure> indicators)
    {
        ArgumentNullException.ThrowIfNull(id);
        var all = indicators.ToList();
        return all.FirstOrDefault(m => m.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new LookupException($"indicator '{id}'", "the measures mapped to published statistics",
                [.. CloseMatches.Find(id, all.Select(m => m.Id), m => m)], "Mapped indicators close to it");
    }

    /// <summary>The file a measure is read from: the last (latest release) of the files its pattern matches.</summary>
    /// <exception cref="InputException">No file in the folder matches.</exception>
    public string FileOf(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Lait is not null)
        {
            return LaitTableFile() ?? throw new InputException(new InputError(LaitTable.FilePattern, null, null, $"no file in {LaitFolder} matches '{LaitTable.FilePattern}', needed for {measure.Id}."));
        }

        var match = System.IO.Directory.GetFiles(Directory, measure.File)
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
        return match ?? throw new InputException(new InputError(measure.File, null, null,
            $"no file in {Directory} matches '{measure.File}', needed for {measure.Id}."));
    }

    /// <summary>A measure's figures for every year published; rates given as counts are computed per 10,000.</summary>
    /// <exception cref="InputException">The file is missing or holds errors.</exception>
    public IReadOnlyDictionary<FinancialYear, YearFigures> Figures(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Lait is not null)
        {
            return LaitFigures(measure).Years;
        }

        if (_figures.TryGetValue(measure.Id, out var cached))
        {
            return cached;
        }

        var path = FileOf(measure);
        if (!_tables.TryGetValue(path, out var table))
        {
            _tables[path] = table = TableReader.Read(path);
        }

        var figures = EesFigures.Read(table, measure);
        if (measure.PerTenThousandOf is { } denominatorId)
        {
            var denominator = Measures.First(m => m.Id.Equals(denominatorId, StringComparison.OrdinalIgnoreCase));
            figures = Rates.PerTenThousand(figures, Figures(denominator), measure.Decimals);
        }

        _figures[measure.Id] = figures;
        return figures;
    }

    /// <summary>Every authority in the measures' files, with its name, codes and region as in its latest year.</summary>
    public IReadOnlyList<LocalAuthority> Authorities(IEnumerable<PublishedMeasure> measures)
    {
        var list = measures.ToList();
        Prefetch(list);
        return AuthoritiesIn(list.SelectMany(m => Figures(m).Values));
    }

    /// <summary>
    /// The authority a user means: its three-digit DfE code (<c>372</c>), its ONS code (<c>E08000018</c>) or its
    /// name, ignoring case, spaces and punctuation (<c>rotherham</c>, <c>St Helens</c>).
    /// </summary>
    /// <exception cref="LookupException">No authority matches; the closest names are listed.</exception>
    public LocalAuthority Authority(string query, IEnumerable<PublishedMeasure> measures) => FindAuthority(query, Authorities(measures));

    /// <summary>Every authority in some years' figures, with its name, codes and region as in its latest year, by name.</summary>
    public static IReadOnlyList<LocalAuthority> AuthoritiesIn(IEnumerable<YearFigures> years) =>
        years.OrderBy(y => y.Year)
            .SelectMany(y => y.Authorities.Values.Select(a => a.Authority))
            .GroupBy(a => a.Code)
            .Select(g => g.Last())
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The authority a user means among <paramref name="all"/>, as <see cref="Authority"/> finds it.</summary>
    /// <exception cref="LookupException">No authority matches; the closest names are listed.</exception>
    public static LocalAuthority FindAuthority(string query, IReadOnlyList<LocalAuthority> all)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(all);
        var q = query.Trim();
        var folded = CloseMatches.Fold(q);
        var found = all.FirstOrDefault(a => a.Code == q)
            ?? all.FirstOrDefault(a => a.OnsCode is not null && a.OnsCode.Equals(q, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(a => CloseMatches.Fold(a.Name) == folded);
        return found ?? throw new LookupException($"local authority '{query}'", "the published statistics",
            [.. CloseMatches.Find(q, all, a => a.Name).Select(a => $"{a.Name} ({a.Code})")]);
    }
}
