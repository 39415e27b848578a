using System.Globalization;
using System.Text.RegularExpressions;
using Outturn.Domain.Periods;

namespace Outturn.Formats.Ssda903;

/// <summary>
/// Where each year's SSDA903 return is in a folder, as councils keep them (issue 10 item 11): a subfolder per year
/// (<c>2024-25</c>, <c>2024-2025</c>, <c>2024_25</c>, or <c>2025</c>, the collection year end, as LIIA's tools name a
/// 903 year by its 31 March), files prefixed with the year (<c>2025-episodes.csv</c>, <c>2024-25_header.csv</c>), or one
/// year's tables directly in the folder; and whether a return's dates agree with the year its name gives.
/// </summary>
internal static partial class Ssda903Folder
{
    /// <summary>One return: its CSV files or its XML file, and the year its name gives, if any.</summary>
    /// <param name="Source">The folder (or, for files named by a year, the first file) named in errors.</param>
    /// <param name="Year">The year the folder or file names give, or null when read from the return itself.</param>
    /// <param name="Named">What gave the year, for messages (<c>the folder name '2017-18'</c>).</param>
    /// <param name="Files">The CSV tables.</param>
    /// <param name="Xml">The XML file, when the return is in that form.</param>
    public sealed record Unit(string Source, FinancialYear? Year, string Named, IReadOnlyList<string> Files, string? Xml)
    {
        /// <summary>The return as the analyst would find it.</summary>
        public string Describe() => Year is null ? $"the tables in {Source}" : $"{Named} ({Source})";
    }

    [GeneratedRegex(@"^(?<first>\d{4})(?:[-_ /](?<second>\d{4}|\d{2}))?$")]
    private static partial Regex FolderYear();

    [GeneratedRegex(@"^(?<first>\d{4})(?:[-_](?<second>\d{4}|\d{2}))?[-_ ](?<rest>.+)$")]
    private static partial Regex FilePrefix();

    /// <summary>The returns in a folder, with what in it is not read.</summary>
    /// <exception cref="InputException">The folder is missing or holds no return.</exception>
    public static IReadOnlyList<Unit> Units(string folder, out List<InputError> skipped)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(new InputError(folder, null, null, "the folder does not exist."));
        }

        skipped = [];
        var units = new List<Unit>();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (Parse(FolderYear().Match(name)) is { } year)
            {
                var found = Files(dir, year, $"the folder name '{name}'", [.. Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)], skipped).ToList();
                if (found.Count == 0)
                {
                    skipped.Add(NotRead(dir, "a year folder with no CSV tables or XML file"));
                }

                units.AddRange(found);
            }
            else if (!name.StartsWith('.'))
            {
                skipped.Add(NotRead(dir, "not a year folder (named like 2024-25, 2024-2025, 2024_25 or 2025)"));
            }
        }

        var byPrefix = new SortedDictionary<int, List<string>>();
        var undated = new List<string>();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            if (Parse(FilePrefix().Match(Path.GetFileName(file))) is { } year)
            {
                if (!byPrefix.TryGetValue(year.StartYear, out var list))
                {
                    byPrefix[year.StartYear] = list = [];
                }

                list.Add(file);
            }
            else
            {
                undated.Add(file);
            }
        }

        foreach (var (start, files) in byPrefix)
        {
            units.AddRange(Files(files[0], new FinancialYear(start), $"the file names ({string.Join(", ", files.Select(Path.GetFileName))})", files, skipped));
        }

        units.AddRange(Files(folder, null, "", undated, skipped));
        return units.Count == 0
            ? throw new InputException(new InputError(folder, null, null, "no SSDA903 return: no year folders (named like 2024-25, 2024-2025, 2024_25 or 2025), no files prefixed with a year, and no CSV tables or XML file in the folder itself."))
            : units;
    }

    /// <summary>
    /// The year of a return whose name gives none: the collection year holding its latest episode date (a start or an
    /// end), as a year's return holds the episodes open in it and none after its 31 March.
    /// </summary>
    /// <exception cref="InputException">The return has no episode dates to tell the year by.</exception>
    public static FinancialYear YearOf(Unit unit, Ssda903Return read) => Latest(read) is { } latest
        ? FinancialYear.Containing(latest.Date)
        : throw new InputException(new InputError(unit.Source, null, null, "no episode dates to tell which year's return this is; put it in a folder named for its year, like 2024-25."));

    /// <summary>
    /// Refuses a return whose dates contradict the year its name gives: most of its episodes have a date after that
    /// year's 31 March (the odd one is a validation problem, DfE rules 354 and 385), or its latest date is more than a
    /// year before that year begins (no child's episode started or ended in the year or the one before).
    /// </summary>
    /// <exception cref="InputException">The name and the dates disagree; the message gives both.</exception>
    public static void Check(Unit unit, Ssda903Return read)
    {
        var year = unit.Year!.Value;
        if (Latest(read) is not { } latest)
        {
            return;
        }

        var episodes = read.Data.Children.SelectMany(c => c.Episodes).ToList();
        var after = episodes.Count(e => e.Start > year.End || e.End > year.End);
        var evidence = $"child {latest.Child}'s episode {latest.What} {D(latest.Date)}";
        var looks = FinancialYear.Containing(latest.Date);
        if (after * 2 > episodes.Count)
        {
            Refuse(unit, $"{unit.Named} gives {year}, but {after} of its {episodes.Count} episodes have dates after {D(year.End)}, the latest {evidence}: it looks like the {looks} return. Name the folder or files for the year the return is for.");
        }

        if (latest.Date < year.Start.AddYears(-1))
        {
            Refuse(unit, $"{unit.Named} gives {year}, but its latest episode date is {evidence}, more than a year before {year} begins: it looks like the {looks} return. Name the folder or files for the year the return is for.");
        }
    }

    private static void Refuse(Unit unit, string message) =>
        throw new InputException(new InputError(unit.Source, null, null, $"{message} The return is refused."));

    private static (DateOnly Date, string Child, string What)? Latest(Ssda903Return read) =>
        read.Data.Children.SelectMany(c => c.Episodes.SelectMany(e => e.End is { } end
                ? new[] { (e.Start, c.ChildId, "starting"), (end, c.ChildId, "ending") }
                : [(e.Start, c.ChildId, "starting")]))
            .OrderByDescending(x => x.Item1).ThenBy(x => x.ChildId, StringComparer.Ordinal)
            .Select(x => ((DateOnly, string, string)?)x).FirstOrDefault();

    /// <summary>The return in a set of files: its CSV tables, or its one XML file; anything else is listed as not read.</summary>
    private static IEnumerable<Unit> Files(string source, FinancialYear? year, string named, IReadOnlyList<string> files, List<InputError> skipped)
    {
        var csv = files.Where(f => Path.GetExtension(f).Equals(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        var xml = files.Where(f => Path.GetExtension(f).Equals(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var other in files.Except(csv).Except(csv.Count > 0 || xml.Count != 1 ? [] : xml))
        {
            skipped.Add(NotRead(other, xml.Contains(other)
                ? (csv.Count > 0 ? "an XML file beside the CSV tables of the same return (the CSV tables are read)" : "one of several XML files for one return (name each for its year)")
                : "not an SSDA903 table (CSV) or XML file"));
        }

        if (csv.Count > 0)
        {
            yield return new Unit(source, year, named, csv, null);
        }
        else if (xml is [var one])
        {
            yield return new Unit(source, year, named, [], one);
        }
    }

    private static InputError NotRead(string path, string why) =>
        new(path, null, null, $"{why}: nothing in it is read.") { Outcome = Outcome.NotRead };

    /// <summary>A year from a name: <c>2017-18</c>, <c>2017_2018</c> (both years), or <c>2018</c> (the collection year end).</summary>
    private static FinancialYear? Parse(Match m)
    {
        if (!m.Success)
        {
            return null;
        }

        var first = int.Parse(m.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["second"];
        int start;
        if (!second.Success)
        {
            start = first - 1;
        }
        else
        {
            var end = int.Parse(second.Value, CultureInfo.InvariantCulture);
            if (second.Length == 2 ? (first + 1) % 100 != end : first + 1 != end)
            {
                return null;
            }

            start = first;
        }

        return start is >= FinancialYear.MinStartYear and <= FinancialYear.MaxStartYear ? new FinancialYear(start) : null;
    }

    private static string D(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
