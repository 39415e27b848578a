using System.Globalization;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Ssda903;

/// <summary>One year's SSDA903 return as read, with every problem found.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="Data">What the return holds (episodes not yet repaired across years).</param>
/// <param name="Problems">Every problem, naming file, row, column, child and rule.</param>
public sealed record Ssda903Return(FinancialYear Year, LookedAfterData Data, IReadOnlyList<InputError> Problems);

/// <summary>
/// Reads SSDA903 CSV returns (domain-anchors.md §2.1): each table recognised by its columns, not its file name;
/// dates dd/mm/yyyy; codes checked against the 903 code sets. The header, episodes, OC2, OC3, missing and social
/// worker episode tables are read into the model; reviews, UASC, AD1 and placed for adoption are checked (dates,
/// review codes, children known to the header) but not kept, as no indicator uses them yet; previous permanence,
/// whose date may be partial by design, is left aside.
/// </summary>
public static class Ssda903Reader
{
    private static readonly HashSet<string> Rne = ["S", "L", "P", "T", "B", "U"];
    private static readonly HashSet<string> LegalStatus = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"];
    private static readonly HashSet<string> Need = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    private static readonly HashSet<string> Placement =
        ["A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"];
    private static readonly HashSet<string> Ceased =
        ["X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17"];

    /// <summary>Reads the CSV tables of one year's return from a folder.</summary>
    /// <exception cref="InputException">The folder is missing or has no header or episodes table.</exception>
    public static Ssda903Return ReadYear(string folder, FinancialYear year)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(new InputError(folder, null, null, "the folder does not exist."));
        }

        return ReadTables(folder, [.. Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(TableReader.Read)], year);
    }

    /// <summary>
    /// Reads the XML form of one year's return (<c>EXPSSDA903/CHILD/HEADER</c> and <c>EPISODE</c>, with <c>PL</c> for
    /// PLACE), checked exactly as the CSV tables are; rows are the XML lines of each element.
    /// </summary>
    /// <exception cref="InputException">The file is missing or not an SSDA903 XML file.</exception>
    public static Ssda903Return ReadXml(string path, FinancialYear year) => ReadTables(path, Ssda903Xml.Tables(path), year);

    private static Ssda903Return ReadTables(string source, IReadOnlyList<Table> tables, FinancialYear year)
    {
        var folder = source;
        Table? Find(string column) => tables.FirstOrDefault(t => t.Headers.Contains(column, StringComparer.OrdinalIgnoreCase));
        var header = tables.FirstOrDefault(t => t.Headers.Contains("UPN", StringComparer.OrdinalIgnoreCase) && t.Headers.Contains("SEX", StringComparer.OrdinalIgnoreCase));
        var episodes = Find("DECOM");
        if (header is null || episodes is null)
        {
            throw new InputException(new InputError(folder, null, null, $"no {(header is null ? "header (CHILD, SEX, DOB, ETHNIC, UPN …)" : "episodes (CHILD, DECOM, RNE …)")} table among the CSV files."));
        }

        var p = new List<InputError>();
        var r = new Rows(p);
        var people = new Dictionary<string, (string Sex, DateOnly Dob)>(StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in header.Rows)
        {
            var id = row["CHILD"];
            var dob = r.Date(header, row, "DOB", required: true);
            if (id.Length == 0)
            {
                r.Error(header, row, "CHILD", "a child id is required.");
            }
            else if (!firstRow.TryAdd(id, row.Number))
            {
                r.Error(header, row, "CHILD", $"child {id} is already in the header at row {firstRow[id]}.");
            }
            else if (dob is { } d)
            {
                people[id] = (row["SEX"], d);
            }
        }

        var byChild = new Dictionary<string, List<(CareEpisode Episode, TableRow Row)>>(StringComparer.Ordinal);
        foreach (var row in episodes.Rows)
        {
            var id = row["CHILD"];
            var start = r.Date(episodes, row, "DECOM", required: true);
            var end = r.Date(episodes, row, "DEC", required: false);
            var ok = r.Code(episodes, row, "RNE", Rne) & r.Code(episodes, row, "LS", LegalStatus) & r.Code(episodes, row, "CIN", Need)
                & r.Code(episodes, row, "PLACE", Placement) & (end is null ? row["REC"].Length == 0 || r.Code(episodes, row, "REC", Ceased) : r.Code(episodes, row, "REC", Ceased));
            if (!people.ContainsKey(id) && !firstRow.ContainsKey(id))
            {
                r.Error(episodes, row, "CHILD", $"child {id} has an episode but is not in the header.");
                continue;
            }

            if (start is null || !ok)
            {
                continue;
            }

            if (end < start)
            {
                r.Error(episodes, row, "DEC", $"child {id}: the episode ends ({D(end)}) before it starts ({D(start)}).");
                continue;
            }

            var episode = new CareEpisode(start.Value, row["RNE"], row["LS"], row["CIN"], row["PLACE"], Blank(row["PLACE_PROVIDER"]), end, Blank(row["REC"]), Blank(row["REASON_PLACE_CHANGE"]));
            if (!byChild.TryGetValue(id, out var list))
            {
                byChild[id] = list = [];
            }

            list.Add((episode, row));
        }

        foreach (var (id, list) in byChild)
        {
            var ordered = list.OrderBy(x => x.Episode.Start).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (ordered[i].Episode.End is null || ordered[i].Episode.End > ordered[i + 1].Episode.Start)
                {
                    r.Error(episodes, ordered[i + 1].Row.Number, "DECOM", $"child {id}: the episode starting {D(ordered[i + 1].Episode.Start)} overlaps the one starting {D(ordered[i].Episode.Start)} (row {ordered[i].Row.Number}).");
                }
            }
        }

        var children = people.Where(kv => byChild.ContainsKey(kv.Key))
            .Select(kv => new LookedAfterChild(kv.Key, kv.Value.Sex, kv.Value.Dob, [.. byChild[kv.Key].Select(x => x.Episode).OrderBy(e => e.Start)]))
            .OrderBy(c => c.ChildId, StringComparer.Ordinal).ToList();

        var health = Find("HEALTH_CHECK") is { } oc2
            ? oc2.Rows.Select(row => new HealthOutcome(year, row["CHILD"], r.Flag(oc2, row, "HEALTH_CHECK"), r.Flag(oc2, row, "IMMUNISATIONS"), r.Flag(oc2, row, "TEETH_CHECK"), r.Flag(oc2, row, "HEALTH_ASSESSMENT"))).ToList()
            : [];
        var leavers = new List<CareLeaverOutcome>();
        if (Find("IN_TOUCH") is { } oc3)
        {
            foreach (var row in oc3.Rows)
            {
                var accom = Blank(row["ACCOM"]);
                if (accom is not null and not "0" && (accom.Length != 2 || !char.IsAsciiLetterUpper(accom[0]) || accom[1] is not ('1' or '2')))
                {
                    r.Error(oc3, row, "ACCOM", $"child {row["CHILD"]}: '{accom}' is not an accommodation code (a letter then 1 suitable or 2 unsuitable, or 0 when not in touch).");
                }

                if (r.Date(oc3, row, "DOB", required: true) is { } dob)
                {
                    leavers.Add(new CareLeaverOutcome(year, row["CHILD"], dob, row["IN_TOUCH"], Blank(row["ACTIV"]), accom));
                }
            }
        }

        var missing = new List<MissingEpisode>();
        if (Find("MIS_START") is { } mis)
        {
            foreach (var row in mis.Rows)
            {
                if (r.Date(mis, row, "MIS_START", required: true) is { } start)
                {
                    missing.Add(new MissingEpisode(row["CHILD"], row["MISSING"], start, r.Date(mis, row, "MIS_END", required: false)));
                }
            }
        }

        var workers = new List<SocialWorkerEpisode>();
        if (Find("SW_ID") is { } sw)
        {
            foreach (var row in sw.Rows)
            {
                if (r.Date(sw, row, "SW_DECOM", required: true) is { } start)
                {
                    workers.Add(new SocialWorkerEpisode(row["CHILD"], row["SW_ID"], start, r.Date(sw, row, "SW_DEC", required: false), Blank(row["SW_REASON"])));
                }
            }
        }

        // The tables no indicator reads yet are still checked: dates, codes, and children known to the header.
        foreach (var (column, dates, code, codes) in new (string, string[], string?, HashSet<string>?)[]
        {
            ("REVIEW", ["REVIEW"], "REVIEW_CODE", ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]),
            ("DUC", ["DUC"], null, null),
            ("DATE_INT", ["DATE_INT", "DATE_MATCH"], null, null),
            ("DATE_PLACED", ["DATE_PLACED", "DATE_PLACED_CEASED"], null, null),
        })
        {
            if (Find(column) is not { } table)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                if (!firstRow.ContainsKey(row["CHILD"]))
                {
                    r.Error(table, row, "CHILD", $"child {row["CHILD"]} is not in the header.");
                }

                foreach (var d in dates)
                {
                    r.Date(table, row, d, required: d == column);
                }

                if (code is not null)
                {
                    r.Code(table, row, code, codes!);
                }
            }
        }

        return new Ssda903Return(year, new LookedAfterData(children, health, leavers, missing, workers), p);
    }

    /// <summary>
    /// Reads a folder holding one subfolder per year named like <c>2024-25</c>, each with the CSV tables or the one XML
    /// file of that year's return, oldest first; <see cref="Domain.ChildLevel.Stacking.Stack.Ssda903"/> stacks them.
    /// </summary>
    /// <exception cref="InputException">The folder is missing or has no year subfolders.</exception>
    public static IReadOnlyList<Ssda903Return> ReadFolder(string folder)
    {
        var years = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(d => (Dir: d, Ok: FinancialYear.TryParse(Path.GetFileName(d), out var y), Year: y)).Where(x => x.Ok).OrderBy(x => x.Year).ToList()
            : throw new InputException(new InputError(folder, null, null, "the folder does not exist."));
        return years.Count == 0
            ? throw new InputException(new InputError(folder, null, null, "no year folders (named like 2024-25) with the SSDA903 CSV tables."))
            : [.. years.Select(y => Directory.GetFiles(y.Dir, "*.csv").Length == 0 && Directory.GetFiles(y.Dir, "*.xml") is [var xml]
                ? ReadXml(xml, y.Year)
                : ReadYear(y.Dir, y.Year))];
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static string D(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Cell checks that record each problem with file, row, column and child.</summary>
    private sealed class Rows(List<InputError> problems)
    {
        public void Error(Table t, TableRow row, string column, string message) => Error(t, row.Number, column, message);

        public void Error(Table t, int row, string column, string message) => problems.Add(new InputError(t.File, row, column, message));

        public DateOnly? Date(Table t, TableRow row, string column, bool required)
        {
            var text = row[column];
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(t, row, column, $"child {row["CHILD"]}: a date is required.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            Error(t, row, column, $"child {row["CHILD"]}: '{text}' is not a date (dd/mm/yyyy).");
            return null;
        }

        public bool Code(Table t, TableRow row, string column, HashSet<string> allowed)
        {
            if (allowed.Contains(row[column]))
            {
                return true;
            }

            Error(t, row, column, $"child {row["CHILD"]}: '{row[column]}' is not a {column} code.");
            return false;
        }

        public bool? Flag(Table t, TableRow row, string column)
        {
            switch (row[column])
            {
                case "":
                    return null;
                case "1":
                    return true;
                case "0":
                    return false;
                default:
                    Error(t, row, column, $"child {row["CHILD"]}: '{row[column]}' is not 0 or 1.");
                    return null;
            }
        }
    }
}
