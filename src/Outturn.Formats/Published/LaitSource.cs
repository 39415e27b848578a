using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;

namespace Outturn.Formats.Published;

/// <summary>
/// LAIT's data dictionary and long table as one source of benchmarks, wherever the two files are held (a folder, or a
/// store's copies): its measures, and their figures read in passes over the table, each measure once.
/// </summary>
public sealed class LaitSource
{
    private readonly Func<byte[]> _table;
    private readonly Func<LaitDictionary> _readDictionary;
    private readonly Dictionary<string, LaitFigures> _figures = new(StringComparer.Ordinal);
    private LaitDictionary? _dictionary;
    private IReadOnlyList<PublishedMeasure>? _measures;
    private IReadOnlyList<InputError> _notRead = [];

    /// <summary>A source over the table named <paramref name="tableFile"/>, its content and its dictionary read when first needed.</summary>
    public LaitSource(string tableFile, Func<byte[]> table, Func<LaitDictionary> dictionary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableFile);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dictionary);
        TableFile = tableFile;
        _table = table;
        _readDictionary = dictionary;
    }

    /// <summary>
    /// LAIT's files in a folder, <c>lait_data_dictionary.csv</c> beside the latest <c>bds_long_*.parquet</c> by name;
    /// null when the folder has no table or no dictionary.
    /// </summary>
    public static LaitSource? InFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var dictionary = Path.Combine(folder, LaitDictionary.FileName);
        return TableIn(folder) is { } table && File.Exists(dictionary)
            ? new LaitSource(Path.GetFileName(table), () => ReadAll(table), () => LaitDictionary.Read(dictionary))
            : null;
    }

    /// <summary>The latest of LAIT's tables in a folder (<c>bds_long_*.parquet</c>, last by name), or null.</summary>
    public static string? TableIn(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder, LaitTable.FilePattern).Order(StringComparer.Ordinal).LastOrDefault()
        : null;

    /// <summary>The table's file name.</summary>
    public string TableFile { get; }

    /// <summary>The data dictionary, read on first use.</summary>
    /// <exception cref="InputException">The dictionary holds errors.</exception>
    public LaitDictionary Dictionary => _dictionary ??= _readDictionary();

    /// <summary>Every measure of the dictionary as a benchmarkable measure, in dictionary order.</summary>
    /// <exception cref="InputException">The dictionary holds errors.</exception>
    public IReadOnlyList<PublishedMeasure> Measures => _measures ??= [.. Dictionary.Measures.Select(m => m.ToPublished())];

    /// <summary>The rows of the table read so far that were left out (a year label naming no year).</summary>
    public IReadOnlyList<InputError> NotRead => _notRead;

    /// <summary>
    /// Reads the LAIT measures among <paramref name="measures"/> not read yet, in one pass over the table (which
    /// decodes only the row groups holding them); other measures are passed over.
    /// </summary>
    /// <exception cref="InputException">The table or dictionary holds errors.</exception>
    public void Prefetch(IEnumerable<PublishedMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var wanted = measures.Where(m => m.Lait is not null && !_figures.ContainsKey(m.Lait.ShortName)).Select(m => m.Lait!.ShortName).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return;
        }

        var read = LaitTable.Read(_table(), TableFile, Dictionary, wanted);
        foreach (var shortName in wanted)
        {
            // A measure of the dictionary with no row in the table has no figures.
            _figures[shortName] = read.Measures.TryGetValue(shortName, out var figures)
                ? figures
                : new LaitFigures(Dictionary.Find(shortName)!, new Dictionary<FinancialYear, YearFigures>(), new Dictionary<FinancialYear, string>());
        }

        _notRead = [.. _notRead, .. read.NotRead.Where(n => !_notRead.Contains(n))];
    }

    /// <summary>A LAIT measure's figures with LAIT's year labels.</summary>
    /// <exception cref="ArgumentException">The measure is not one of LAIT's.</exception>
    /// <exception cref="InputException">The table or dictionary holds errors.</exception>
    public LaitFigures Figures(PublishedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var lait = measure.Lait ?? throw new ArgumentException($"{measure.Id} is not a LAIT measure.", nameof(measure));
        Prefetch([measure]);
        return _figures[lait.ShortName];
    }

    /// <summary>How recent a LAIT measure's figures are: the table, and the dictionary's last and next update.</summary>
    public PublishedVintage Vintage(LaitMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new PublishedVintage("LAIT", TableFile, measure.LastUpdate, measure.NextUpdate);
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(path, null, null, $"the file cannot be read: {e.Message}"));
        }
    }
}
