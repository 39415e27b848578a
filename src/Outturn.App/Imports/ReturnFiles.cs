using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.National;

namespace Outturn.App.Imports;

/// <summary>The kinds of return file the store keeps, as the child-level load reads them.</summary>
public static class ReturnKind
{
    /// <summary>One CSV table of a year's SSDA903 return (<c>2024-25/episodes.csv</c>).</summary>
    public const string Ssda903Table = "ssda903";

    /// <summary>A year's SSDA903 return as one XML file, in a folder named for its year.</summary>
    public const string Ssda903Xml = "ssda903-xml";

    /// <summary>A CIN census XML file.</summary>
    public const string CinCensus = "cin-census";

    /// <summary>A SEN2 XML file (the January census, or a later extract in its layout).</summary>
    public const string Sen2 = "sen2";

    /// <summary>The Ofsted Annex A workbook.</summary>
    public const string AnnexA = "annex-a";

    /// <summary>The staff list (id, name, team).</summary>
    public const string Staff = "staff";

    /// <summary>The ONS mid-year population estimates (DfE layout).</summary>
    public const string Population = "population";

    /// <summary>Our own (local) indicators' catalogue, in the scorecard's catalogue columns (CSV or XLSX).</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Ready-made figures of local indicators, in the scorecard's measures columns (CSV or XLSX).</summary>
    public const string Measures = "measures";

    /// <summary>Whether a kind is a local catalogue or measures file, read by the store itself rather than as a return of children.</summary>
    public static bool IsLocal(string kind) => kind is Catalogue or Measures;
}

/// <summary>
/// A return file as received: its name, bytes and digest, the kind detected from its content, the period it covers, and
/// its slot (what a newer file replaces: the same kind, period and table).
/// </summary>
/// <param name="Name">The file as given, for people: the year folder and name for an SSDA903 table.</param>
/// <param name="Kind">One of <see cref="ReturnKind"/>.</param>
/// <param name="Period">The period it covers: a financial year (<c>2024-25</c>), a census date, or empty for a list
/// kept current (staff, population).</param>
/// <param name="Slot">What a newer file replaces, e.g. <c>ssda903 2024-25 episodes</c>.</param>
/// <param name="Content">The bytes as received.</param>
public sealed record ReturnFile(string Name, string Kind, string Period, string Slot, byte[] Content)
{
    /// <summary>The SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; } = Convert.ToHexString(SHA256.HashData(Content)).ToLowerInvariant();
}

/// <summary>
/// Return files recognised by their content (a CIN census or SEN2 by its collection, an SSDA903 table or the staff list
/// or population by its header row, Annex A as a workbook), and kept files laid out again as a set of returns.
/// </summary>
public static partial class ReturnFiles
{
    /// <summary>
    /// Each path (a file, or a folder of them, taken whole) as a return file. Every file that is not a return is listed
    /// with why, and none is taken.
    /// </summary>
    /// <exception cref="InputException">A path is missing or a file is not a return Outturn reads.</exception>
    public static IReadOnlyList<ReturnFile> Detect(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<ReturnFile>();
        var errors = new List<InputError>();
        foreach (var path in paths)
        {
            var expanded = Directory.Exists(path)
                ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
                : [path];
            foreach (var file in expanded)
            {
                try
                {
                    files.Add(Detect(file));
                }
                catch (InputException e)
                {
                    errors.AddRange(e.Errors);
                }
            }
        }

        return Distinct(files, errors);
    }

    /// <summary>
    /// Files received by name (an upload's) as return files, recognised from their bytes as <see cref="Detect(string)"/>
    /// does; an SSDA903 file is taken as <paramref name="year"/>'s. Every file that is not a return is listed with why
    /// (named as received), and none is taken. The names are never used as paths.
    /// </summary>
    /// <exception cref="InputException">A file is not a return Outturn reads, or is an SSDA903 file without a year.</exception>
    public static IReadOnlyList<ReturnFile> Detect(IReadOnlyList<(string Name, byte[] Content)> received, FinancialYear? year)
    {
        ArgumentNullException.ThrowIfNull(received);
        var files = new List<ReturnFile>();
        var errors = new List<InputError>();
        foreach (var (name, content) in received)
        {
            try
            {
                files.Add(Detect(name, name, year?.ToString() ?? "", content));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        return Distinct(files, errors);
    }

    /// <summary>The files, once each; two different files for one return are refused with the errors so far.</summary>
    private static IReadOnlyList<ReturnFile> Distinct(List<ReturnFile> files, List<InputError> errors)
    {
        foreach (var twice in files.GroupBy(f => f.Slot).Where(g => g.Count() > 1 && g.Select(f => f.Sha256).Distinct().Count() > 1))
        {
            errors.Add(new InputError(string.Join(", ", twice.Select(f => f.Name)), null, null, $"these are two different files for the same return ({twice.Key}): import one."));
        }

        return errors.Count > 0 ? throw new InputException(errors) : [.. files.DistinctBy(f => (f.Slot, f.Sha256))];
    }

    /// <summary>
    /// Reads return files as an import reads them, storing nothing: laid out in a temporary folder and read together,
    /// each problem named by its file's name. A staff list, population or Annex A without a return of children is only
    /// recognised, as an import waits for one before reading them.
    /// </summary>
    /// <param name="files">The files.</param>
    /// <param name="configuredAuthority">Our authority, as the host configures it.</param>
    /// <returns>The problems that would not stop an import, each saying what would be done.</returns>
    /// <exception cref="InputException">A file cannot be read: an import of it would be refused.</exception>
    public static IReadOnlyList<InputError> Check(IReadOnlyList<ReturnFile> files, string? configuredAuthority)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = Directory.CreateTempSubdirectory("outturn-check-").FullName;
        try
        {
            var (paths, written) = Lay(files, root, configuredAuthority);
            var names = written.Select((p, i) => (Path.GetFullPath(p), files[i].Name)).ToDictionary(x => x.Item1, x => x.Name, StringComparer.Ordinal);
            InputError Named(InputError e) => names.TryGetValue(Path.GetFullPath(e.File), out var name) ? e with { File = name } : e with { File = Path.GetFileName(e.File) };
            if (paths.Ssda903 is null && paths.Cin is null && paths.Sen2 is null)
            {
                return [];
            }

            try
            {
                return [.. ChildLevel.ChildLevelFiles.Read(paths).Problems.Select(Named)];
            }
            catch (InputException e)
            {
                throw new InputException([.. e.Errors.Select(Named)]);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One file as a return file.</summary>
    /// <exception cref="InputException">It is missing or is not a return Outturn reads.</exception>
    public static ReturnFile Detect(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        InputLimits.CheckFileSize(path);
        var content = File.ReadAllBytes(path);
        var yearFolder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        return Detect(path, Path.GetFileName(path), yearFolder, content);
    }

    /// <summary>A file as a return file: <paramref name="path"/> names it in errors, <paramref name="yearFolder"/> is an SSDA903 file's year.</summary>
    private static ReturnFile Detect(string path, string name, string yearFolder, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".xml" => Xml(path, name, yearFolder, content),
            ".csv" => Csv(path, name, yearFolder, content),
            ".xlsx" => Local(name, WorkbookHeader(content), content)
                ?? new ReturnFile(name, ReturnKind.AnnexA, YearInName().Match(name) is { Success: true } m ? m.Value : "", ReturnKind.AnnexA, content),
            _ => throw new InputException(new InputError(path, null, null, "not a return Outturn reads: expected CIN census or SEN2 XML, SSDA903 CSV tables or XML, the Annex A workbook (.xlsx), the staff list or the ONS population (CSV), or a local catalogue or measures file (CSV or XLSX).")),
        };
    }

    private static ReturnFile Xml(string path, string name, string yearFolder, byte[] content)
    {
        string? root = null, collection = null, reference = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), InputLimits.Settings());
            while (reader.Read() && (collection is null || reference is null))
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                root ??= reader.LocalName;
                if (root.Equals("EXPSSDA903", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }

                if (reader.LocalName == "Collection")
                {
                    collection = reader.ReadElementContentAsString().Trim();
                }
                else if (reader.LocalName == "ReferenceDate")
                {
                    reference = reader.ReadElementContentAsString().Trim();
                }
            }
        }
        catch (XmlException e)
        {
            throw new InputException(new InputError(path, e.LineNumber > 0 ? e.LineNumber : null, null, $"not well-formed XML: {e.Message}"));
        }

        if (root is not null && root.Equals("EXPSSDA903", StringComparison.OrdinalIgnoreCase))
        {
            var year = Year(path, yearFolder);
            return new ReturnFile($"{year}/{name}", ReturnKind.Ssda903Xml, year.ToString(), $"{ReturnKind.Ssda903Table} {year}", content);
        }

        if (!DateOnly.TryParseExact(reference, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputException(new InputError(path, null, "ReferenceDate", "not a CIN census or SEN2 return: no ReferenceDate (yyyy-mm-dd) in its header."));
        }

        return collection?.ToUpperInvariant() switch
        {
            "CIN" => new ReturnFile(name, ReturnKind.CinCensus, FinancialYear.Containing(date).ToString(), $"{ReturnKind.CinCensus} {FinancialYear.Containing(date)}", content),
            "SEN2" => new ReturnFile(name, ReturnKind.Sen2, Iso(date), $"{ReturnKind.Sen2} {Iso(date)}", content),
            _ => throw new InputException(new InputError(path, null, "Collection", $"the collection '{collection}' is not CIN or SEN2.")),
        };
    }

    private static ReturnFile Csv(string path, string name, string yearFolder, byte[] content)
    {
        using var text = new StreamReader(new MemoryStream(content), detectEncodingFromByteOrderMarks: true);
        var header = (text.ReadLine() ?? "").Split(',').Select(h => h.Trim().Trim('"').ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (header.Contains("CHILD"))
        {
            var year = Year(path, yearFolder);
            var table = Path.GetFileNameWithoutExtension(name).ToLowerInvariant();
            return new ReturnFile($"{year}/{name}", ReturnKind.Ssda903Table, year.ToString(), $"{ReturnKind.Ssda903Table} {year} {table}", content);
        }

        if (Local(name, header, content) is { } local)
        {
            return local;
        }

        if (header.IsSupersetOf(["ID", "NAME", "TEAM"]))
        {
            return new ReturnFile(name, ReturnKind.Staff, "", ReturnKind.Staff, content);
        }

        if (header.IsSupersetOf(["TIME_PERIOD", "POPULATION_ESTIMATE"]))
        {
            return new ReturnFile(name, ReturnKind.Population, "", ReturnKind.Population, content);
        }

        throw new InputException(new InputError(path, 1, null, "not a return Outturn reads: the header is not an SSDA903 table's (CHILD, …), the staff list's (id, name, team), the ONS population's (time_period, …, population_estimate), a local catalogue's (id, name, kind, unit, polarity, aggregation, …) or a measures file's (indicator, period, value, numerator, denominator)."));
    }

    /// <summary>
    /// A local catalogue (its header has the catalogue's required columns) or a measures file (indicator, period and a
    /// value or numerator), from its header row upper-cased; null for anything else. Each is one slot: a newer file
    /// revises the one held.
    /// </summary>
    private static ReturnFile? Local(string name, IReadOnlySet<string> header, byte[] content)
    {
        if (header.IsSupersetOf(["ID", "NAME", "KIND", "UNIT", "POLARITY", "AGGREGATION"]))
        {
            return new ReturnFile(name, ReturnKind.Catalogue, "", ReturnKind.Catalogue, content);
        }

        return header.IsSupersetOf(["INDICATOR", "PERIOD"]) && (header.Contains("VALUE") || header.Contains("NUMERATOR"))
            ? new ReturnFile(name, ReturnKind.Measures, "", ReturnKind.Measures, content)
            : null;
    }

    /// <summary>A workbook's first sheet's header row, upper-cased; empty when it cannot be read (Annex A then says why).</summary>
    private static HashSet<string> WorkbookHeader(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-detect-{Guid.NewGuid():N}.xlsx");
        try
        {
            File.WriteAllBytes(path, content);
            return [.. Formats.Tables.TableReader.Read(path).Headers.Select(h => h.Trim().ToUpperInvariant())];
        }
        catch (InputException)
        {
            return [];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static FinancialYear Year(string path, string yearFolder) =>
        FinancialYear.TryParse(yearFolder, out var year)
            ? year
            : throw new InputException(new InputError(path, null, null, "an SSDA903 return is one year's: keep its files in a folder named for the year, like 2024-25/episodes.csv."));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{4}-\d{2}")]
    private static partial Regex YearInName();

    /// <summary>
    /// Lays kept files out under <paramref name="root"/> as a set of returns (one folder per SSDA903 year, the CIN
    /// censuses, the SEN2 files, Annex A, the staff list, the population) and says where each is.
    /// </summary>
    /// <returns>The returns' paths, and each file's path on disk.</returns>
    public static (ChildLevelPaths Paths, IReadOnlyList<string> Written) Lay(IReadOnlyList<ReturnFile> files, string root, string? configuredAuthority)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<string>();
        string? Single(string kind)
        {
            var i = files.ToList().FindLastIndex(f => f.Kind == kind);
            return i < 0 ? null : Path.Combine(root, kind, $"{i:D4}-{files[i].Name}");
        }

        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            // An SSDA903 file keeps its year folder and name; the others are numbered, so two of one name never meet.
            var path = file.Kind is ReturnKind.Ssda903Table or ReturnKind.Ssda903Xml
                ? Path.Combine(root, ReturnKind.Ssda903Table, file.Name)
                : Path.Combine(root, file.Kind, $"{i:D4}-{file.Name}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            written.Add(path);
        }

        string? Folder(params string[] kinds) => files.Any(f => kinds.Contains(f.Kind)) ? Path.Combine(root, kinds[0]) : null;
        var paths = new ChildLevelPaths(
            Folder(ReturnKind.Ssda903Table, ReturnKind.Ssda903Xml), Folder(ReturnKind.CinCensus), Folder(ReturnKind.Sen2),
            Single(ReturnKind.AnnexA), Single(ReturnKind.Staff), Single(ReturnKind.Population), null, configuredAuthority);
        return (paths, written);
    }

}
