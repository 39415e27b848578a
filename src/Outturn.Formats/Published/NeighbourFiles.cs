using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;

namespace Outturn.Formats.Published;

/// <summary>
/// Reads the two published statistical neighbour groupings into <see cref="NeighbourModel"/>s.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>New_Statistical_Neighbour_Groupings_April_2021.csv</c>: <c>LA num, LA Name, LA number, GOInd, GOReg</c>,
/// then <c>SN1, SNP, ..., SN10, SNP</c> (the closeness column is named <c>SNP</c> every time, so columns are read by
/// position). Blank rows and an <c>Old SNs:</c> heading precede the groups of authorities abolished in 2019 and 2021,
/// which are kept: they serve years before those reorganisations.</item>
/// <item><c>sn_model_2025_wide.csv</c>: <c>old_la_code, la_name, region_ind, region_name, SN_1, SN_1P, ..., SN_10,
/// SN_10P</c>, read by name.</item>
/// </list>
/// Closeness labels are trimmed and written in sentence case (<c>Very close</c>) whichever file they come from.
/// </remarks>
public static class NeighbourFiles
{
    /// <summary>The file name of the April 2021 regrouping.</summary>
    public const string April2021FileName = "New_Statistical_Neighbour_Groupings_April_2021.csv";

    /// <summary>The file name of the 2025 model.</summary>
    public const string Model2025FileName = "sn_model_2025_wide.csv";

    /// <summary>The first year compared with the April 2021 groups: 2020-21, the first statistics published after them.</summary>
    public static readonly FinancialYear April2021FirstYear = new(2020);

    /// <summary>The first year compared with the May 2025 model: 2024-25, the first statistics published after it.</summary>
    public static readonly FinancialYear Model2025FirstYear = new(2024);

    /// <summary>How many neighbours each authority has in both files.</summary>
    public const int GroupSize = 10;

    /// <summary>Reads both models from a folder holding the two files.</summary>
    /// <exception cref="InputException">A file is missing or holds errors; all are listed.</exception>
    public static NeighbourModels ReadBoth(string directory)
    {
        var errors = new List<InputError>();
        var models = new List<NeighbourModel>();
        foreach (var read in new Func<string, NeighbourModel>[]
                 {
                     d => ReadApril2021(Path.Combine(d, April2021FileName)),
                     d => ReadModel2025(Path.Combine(d, Model2025FileName)),
                 })
        {
            try
            {
                models.Add(read(directory));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new NeighbourModels(models);
    }

    /// <summary>
    /// Reads both models from the two files' contents as kept (the store's copies), by file name
    /// (<see cref="April2021FileName"/>, <see cref="Model2025FileName"/>).
    /// </summary>
    /// <exception cref="InputException">A file is missing or holds errors; all are listed.</exception>
    public static NeighbourModels ReadBoth(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<InputError>();
        var models = new List<NeighbourModel>();
        foreach (var (name, read) in new (string, Func<string, Func<TextReader>, NeighbourModel>)[] { (April2021FileName, ReadApril2021), (Model2025FileName, ReadModel2025) })
        {
            try
            {
                models.Add(files.TryGetValue(name, out var content)
                    ? read(name, () => new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true))
                    : throw Problem(name, null, null, $"the statistical neighbour file {name} was not imported with the published statistics."));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new NeighbourModels(models);
    }

    /// <summary>Reads the April 2021 regrouping.</summary>
    /// <exception cref="InputException">The file is missing or holds errors.</exception>
    public static NeighbourModel ReadApril2021(string path) => ReadApril2021(path, Opener(path));

    private static NeighbourModel ReadApril2021(string path, Func<TextReader> open) =>
        Read(path, open, "April 2021", April2021FirstYear, header =>
        {
            var expected = new[] { "LA num", "LA Name", "LA number", "GOInd", "GOReg" }
                .Concat(Enumerable.Range(1, GroupSize).SelectMany(i => new[] { $"SN{i}", "SNP" })).ToArray();
            var bad = expected.Select((name, i) => (name, i)).FirstOrDefault(c => c.i >= header.Length || !header[c.i].Equals(c.name, StringComparison.OrdinalIgnoreCase));
            return bad.name is null
                ? new Layout(0, 1, Enumerable.Range(0, GroupSize).Select(i => (5 + (2 * i), 6 + (2 * i))).ToArray())
                : throw Problem(path, 1, bad.name, $"expected the column '{bad.name}' in position {bad.i + 1}; the header is: {string.Join(", ", header)}.");
        });

    /// <summary>Reads the 2025 model.</summary>
    /// <exception cref="InputException">The file is missing or holds errors.</exception>
    public static NeighbourModel ReadModel2025(string path) => ReadModel2025(path, Opener(path));

    private static NeighbourModel ReadModel2025(string path, Func<TextReader> open) =>
        Read(path, open, "2025", Model2025FirstYear, header =>
        {
            int Find(string name)
            {
                var i = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
                return i >= 0 ? i : throw Problem(path, 1, name, $"the column '{name}' is missing; the header is: {string.Join(", ", header)}.");
            }

            return new Layout(Find("old_la_code"), Find("la_name"),
                Enumerable.Range(1, GroupSize).Select(i => (Find($"SN_{i}"), Find($"SN_{i}P"))).ToArray());
        });

    private sealed record Layout(int Code, int Name, IReadOnlyList<(int Code, int Closeness)> Neighbours);

    private static InputException Problem(string path, int? row, string? column, string message) =>
        new(new InputError(Path.GetFileName(path), row, column, message));

    /// <summary>Opens a file on disk, or says it does not exist.</summary>
    private static Func<TextReader> Opener(string path) => () => File.Exists(path)
        ? new StreamReader(path, detectEncodingFromByteOrderMarks: true)
        : throw Problem(path, null, null, $"the statistical neighbour file does not exist at {path}.");

    private static NeighbourModel Read(string path, Func<TextReader> open, string name, FinancialYear firstYear, Func<string[], Layout> layoutOf)
    {
        var file = Path.GetFileName(path);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, DetectDelimiter = false };
        using var reader = open();
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            throw Problem(path, null, null, "the file is empty; expected a header row.");
        }

        var layout = layoutOf(Cells(csv));
        var errors = new List<InputError>();
        var groups = new List<NeighbourGroup>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = csv.Parser.RawRow;
            var cells = Cells(csv);
            string At(int i) => i < cells.Length ? cells[i] : "";
            var code = At(layout.Code);
            if (code.Length == 0)
            {
                continue; // blank separators and the "Old SNs:" heading of the 2021 file
            }

            if (!LocalAuthority.IsCode(code))
            {
                errors.Add(new InputError(file, row, "LA code", $"'{code}' is not a three-digit local authority code."));
                continue;
            }

            if (!seen.TryAdd(code, row))
            {
                errors.Add(new InputError(file, row, "LA code", $"{code} already has a group on row {seen[code]}."));
                continue;
            }

            var neighbours = new List<Neighbour>();
            foreach (var (i, (codeColumn, closenessColumn)) in layout.Neighbours.Index())
            {
                var neighbour = At(codeColumn);
                if (!LocalAuthority.IsCode(neighbour))
                {
                    errors.Add(new InputError(file, row, $"neighbour {i + 1}", $"'{neighbour}' is not a three-digit local authority code."));
                    continue;
                }

                neighbours.Add(new Neighbour(neighbour, Closeness(At(closenessColumn))));
            }

            try
            {
                if (neighbours.Count == GroupSize)
                {
                    groups.Add(new NeighbourGroup(code, At(layout.Name) is { Length: > 0 } n ? n : code, neighbours));
                }
            }
            catch (ArgumentException e)
            {
                errors.Add(new InputError(file, row, null, e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)));
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new NeighbourModel(name, firstYear, groups);
    }

    private static string[] Cells(CsvReader csv) =>
        (csv.Parser.Record ?? []).Select(c => c.Trim()).ToArray();

    private static string? Closeness(string text) =>
        text.Length == 0 ? null : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();
}
