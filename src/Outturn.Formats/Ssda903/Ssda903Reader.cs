using System.Globalization;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Ssda903;

/// <summary>One year's SSDA903 return as read, with every problem found.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="Data">What the return holds (episodes not yet repaired across years).</param>
/// <param name="Problems">Every problem, naming file, row, column, child and rule, and saying what was done about it.</param>
public sealed record Ssda903Return(FinancialYear Year, LookedAfterData Data, IReadOnlyList<InputError> Problems);

/// <summary>
/// Reads SSDA903 CSV returns (domain-anchors.md §2.1): each table recognised by its columns, not its file name;
/// dates dd/mm/yyyy; codes checked against the 903 code sets. The header, episodes, OC2, OC3, missing and social
/// worker episode tables are read into the model; reviews, UASC, AD1 and placed for adoption are checked (dates,
/// review codes, children known to the header) but not kept, as no indicator uses them yet; previous permanence,
/// whose date may be partial by design, is left aside.
/// </summary>
/// <remarks>
/// A return that cannot be read as one is refused (<see cref="Outcome.Refused"/>): no header or episodes table, two
/// files claiming one table, a header row that cannot be split, or a date of birth, episode start or end that is not a
/// date. Records breaking the DfE's validation rules are not: each problem names the rule (the numbers of the DfE's
/// SSDA903 validation rules, as the Data to Insight validator <c>csc-validator-be-903</c> codes them) and says what was
/// done: left out of every figure where no figure can use the record, counted as given where its figures still can,
/// repaired (a repeated row counted once, overlaps closed by stacking) where it was changed.
/// </remarks>
public static class Ssda903Reader
{
    private static readonly HashSet<string> Rne = ["S", "L", "P", "T", "B", "U"];
    private static readonly HashSet<string> LegalStatus = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"];
    private static readonly HashSet<string> Need = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    private static readonly HashSet<string> Placement =
        ["A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1"];
    private static readonly HashSet<string> Ceased =
        ["X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17"];
    private static readonly HashSet<string> InTouch = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"];
    private static readonly HashSet<string> Activity = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"];

    /// <summary>The tables of a return, each recognised by a column only it has (domain-anchors.md §2.1).</summary>
    private static readonly (string Name, string Column, string? Also)[] Kinds =
    [
        ("header", "UPN", "SEX"),
        ("episodes", "DECOM", null),
        ("OC2", "HEALTH_CHECK", null),
        ("OC3", "IN_TOUCH", null),
        ("missing", "MIS_START", null),
        ("social worker episodes", "SW_ID", null),
        ("reviews", "REVIEW", null),
        ("UASC", "DUC", null),
        ("AD1", "DATE_INT", null),
        ("placed for adoption", "DATE_PLACED", null),
        ("previous permanence", "PREV_PERM", null),
        ("deprivation of liberty", "DOLO_START", null),
    ];

    /// <summary>Reads the CSV tables of one year's return from a folder.</summary>
    /// <exception cref="InputException">The folder is missing, or the return cannot be read (no header or episodes
    /// table, two files claiming one table, a file that is not a table); every such problem is listed.</exception>
    public static Ssda903Return ReadYear(string folder, FinancialYear year)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(new InputError(folder, null, null, "the folder does not exist."));
        }

        return ReadCsvFiles(folder, [.. Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal)], year);
    }

    /// <summary>
    /// Reads the XML form of one year's return (<c>EXPSSDA903/CHILD/HEADER</c> and <c>EPISODE</c>, with <c>PL</c> for
    /// PLACE), checked exactly as the CSV tables are; rows are the XML lines of each element.
    /// </summary>
    /// <exception cref="InputException">The file is missing or not an SSDA903 XML file.</exception>
    public static Ssda903Return ReadXml(string path, FinancialYear year)
    {
        var tables = Ssda903Xml.Tables(path);
        return ReadTables(path, Classify(tables, []), year, []);
    }

    private static Ssda903Return ReadCsvFiles(string source, IReadOnlyList<string> files, FinancialYear year)
    {
        var refused = new List<InputError>();
        var tables = new List<Table>();
        foreach (var file in files)
        {
            try
            {
                tables.Add(TableReader.Read(file));
            }
            catch (InputException e)
            {
                refused.AddRange(e.Errors);
            }
        }

        var notRead = new List<InputError>();
        var kinds = Classify(tables, notRead, refused);
        return refused.Count > 0 ? throw new InputException(refused) : ReadTables(source, kinds, year, notRead);
    }

    /// <summary>Each table by its kind; a table of no kind is listed as not read; two tables of one kind are refused.</summary>
    private static Dictionary<string, Table> Classify(IReadOnlyList<Table> tables, List<InputError> notRead, List<InputError>? refused = null)
    {
        var kinds = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var kind = Kinds.FirstOrDefault(k => Has(table, k.Column) && (k.Also is null || Has(table, k.Also))).Name;
            if (kind is null)
            {
                notRead.Add(new InputError(table.File, 1, null, $"not an SSDA903 table: no column says which (its header row has {string.Join(", ", table.Headers.Take(8))}{(table.Headers.Count > 8 ? ", …" : "")}); nothing in it is read.") { Outcome = Outcome.NotRead });
            }
            else if (kinds.TryGetValue(kind, out var first))
            {
                // Issue 10 item 13: a stale copy beside a table would otherwise be read instead of it, or with it.
                refused?.Add(new InputError(table.File, null, null, $"this file and {Path.GetFileName(first.File)} both hold the {kind} table (recognised by its {Kinds.First(k => k.Name == kind).Column} column); remove the one that is not this year's return. The return is refused."));
            }
            else
            {
                kinds[kind] = table;
            }
        }

        return kinds;
    }

    private static bool Has(Table table, string column) => table.Headers.Contains(column, StringComparer.OrdinalIgnoreCase);

    private static Ssda903Return ReadTables(string source, Dictionary<string, Table> tables, FinancialYear year, List<InputError> notRead)
    {
        Table? Find(string kind) => tables.GetValueOrDefault(kind);
        var header = Find("header");
        var episodes = Find("episodes");
        if (header is null || episodes is null)
        {
            throw new InputException(new InputError(source, null, null, $"no {(header is null ? "header (CHILD, SEX, DOB, ETHNIC, UPN …)" : "episodes (CHILD, DECOM, RNE …)")} table among the files. The return is refused."));
        }

        var p = new List<InputError>(notRead);
        var r = new Rows(p);
        var people = new Dictionary<string, (string Sex, DateOnly Dob)>(StringComparer.Ordinal);
        var firstRow = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        foreach (var row in header.Rows)
        {
            var id = row["CHILD"];
            if (id.Length == 0)
            {
                r.Add(header, row, "CHILD", Outcome.LeftOut, null, "a child id is required", "the row is left out");
                continue;
            }

            if (firstRow.TryGetValue(id, out var earlier))
            {
                r.Repeat(header, row, earlier, "INT32", "the header");
                continue;
            }

            firstRow[id] = row;
            if (r.Date(header, row, "DOB", "102", key: true, blank: "the child is left out") is { } dob)
            {
                people[id] = (row["SEX"], dob);
            }
        }

        var byChild = new Dictionary<string, List<(CareEpisode Episode, TableRow Row)>>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), TableRow>();
        foreach (var row in episodes.Rows)
        {
            var id = row["CHILD"];
            if (!firstRow.ContainsKey(id))
            {
                r.Add(episodes, row, "CHILD", Outcome.LeftOut, "INT03", $"child {id} has an episode but is not in the header", "the episode is left out");
                continue;
            }

            if (seen.TryGetValue((id, row["DECOM"]), out var earlier))
            {
                if (Same(episodes, row, earlier))
                {
                    r.Add(episodes, row, null, Outcome.Repaired, null, $"child {id}: the row repeats row {earlier.Number}", "counted once");
                }
                else
                {
                    r.Add(episodes, row, "DECOM", Outcome.LeftOut, "501", $"child {id}: another episode starts the same day ({row["DECOM"]}, row {earlier.Number})", $"this row is left out and row {earlier.Number} is counted");
                }

                continue;
            }

            seen[(id, row["DECOM"])] = row;
            var start = r.Date(episodes, row, "DECOM", "141", key: true, blank: "the episode is left out");
            var end = r.Date(episodes, row, "DEC", "147", key: true, blank: null);
            r.Code(episodes, row, "RNE", "143", Rne);
            r.Code(episodes, row, "LS", "144", LegalStatus);
            r.Code(episodes, row, "CIN", "145", Need);
            r.Code(episodes, row, "PLACE", "146", Placement);
            if (row["REC"].Length > 0)
            {
                r.Code(episodes, row, "REC", "149", Ceased);
            }

            if (start is null || (end is null && row["DEC"].Length > 0))
            {
                continue;
            }

            if ((end is null) != (row["REC"].Length == 0))
            {
                r.Add(episodes, row, end is null ? "REC" : "DEC", Outcome.Counted, "148", $"child {id}: the date and the reason the episode ceased must both be given or both be blank", end is null ? "counted as not ended" : "counted as ended on that date");
            }

            if (end < start)
            {
                r.Add(episodes, row, "DEC", Outcome.LeftOut, "356", $"child {id}: the episode ends ({D(end)}) before it starts ({D(start)})", "the episode is left out");
                continue;
            }

            if (start > year.End)
            {
                r.Add(episodes, row, "DECOM", Outcome.Counted, "354", $"child {id}: the episode starts ({D(start)}) after the collection year ends ({D(year.End)})", "counted as given");
            }

            if (end > year.End)
            {
                r.Add(episodes, row, "DEC", Outcome.Counted, "385", $"child {id}: the episode ends ({D(end)}) after the collection year ends ({D(year.End)})", "counted as given");
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
                var (previous, next) = (ordered[i], ordered[i + 1]);
                if (previous.Episode.End is null)
                {
                    r.Add(episodes, next.Row, "DECOM", Outcome.Repaired, "142", $"child {id}: the episode starting {D(next.Episode.Start)} begins while the one starting {D(previous.Episode.Start)} (row {previous.Row.Number}) has not ended", "that one is closed the day this began (see --repairs)");
                }
                else if (previous.Episode.End > next.Episode.Start)
                {
                    r.Add(episodes, next.Row, "DECOM", Outcome.Repaired, "501", $"child {id}: the episode starting {D(next.Episode.Start)} overlaps the one starting {D(previous.Episode.Start)} (row {previous.Row.Number})", "that one is closed the day this began (see --repairs)");
                }
            }
        }

        var children = people.Where(kv => byChild.ContainsKey(kv.Key))
            .Select(kv => new LookedAfterChild(kv.Key, kv.Value.Sex, kv.Value.Dob, [.. byChild[kv.Key].Select(x => x.Episode).OrderBy(e => e.Start)]))
            .OrderBy(c => c.ChildId, StringComparer.Ordinal).ToList();
        var lookedAfter = children.ToDictionary(c => c.ChildId, StringComparer.Ordinal);

        var health = new List<HealthOutcome>();
        if (Find("OC2") is { } oc2)
        {
            foreach (var row in r.Once(oc2, firstRow, "INT05", "INT33", "OC2"))
            {
                var id = row["CHILD"];
                var outcome = new HealthOutcome(year, id, r.Flag(oc2, row, "HEALTH_CHECK"), r.Flag(oc2, row, "IMMUNISATIONS"), r.Flag(oc2, row, "TEETH_CHECK"), r.Flag(oc2, row, "HEALTH_ASSESSMENT"));
                if (lookedAfter.TryGetValue(id, out var child) && child.LookedAfterContinuously(year))
                {
                    health.Add(outcome);
                }
                else
                {
                    // The health figures' cohort is the children looked after continuously for 12 months at 31 March.
                    r.Add(oc2, row, "CHILD", Outcome.LeftOut, "190", $"child {id} has OC2 data but was not looked after continuously for the 12 months to {D(year.End)}", "the row is left out of the health figures");
                }
            }
        }

        var leavers = new List<CareLeaverOutcome>();
        if (Find("OC3") is { } oc3)
        {
            foreach (var row in r.Once(oc3, firstRow, "INT06", "INT34", "OC3"))
            {
                var id = row["CHILD"];
                var accom = Blank(row["ACCOM"]);
                r.Code(oc3, row, "IN_TOUCH", "131", InTouch);
                if (row["ACTIV"].Length > 0)
                {
                    r.Code(oc3, row, "ACTIV", "132", Activity);
                }

                if (accom is not null and not "0" && (accom.Length != 2 || !char.IsAsciiLetterUpper(accom[0]) || accom[1] is not ('1' or '2')))
                {
                    r.Add(oc3, row, "ACCOM", Outcome.LeftOut, "133", $"child {id}: '{accom}' is not an accommodation code (a letter then 1 suitable or 2 unsuitable, or 0 when not in touch)", "the row is left out of the care-leaver figures");
                    continue;
                }

                if (r.Date(oc3, row, "DOB", null, key: false, blank: "the row is left out", invalid: "the row is left out") is { } dob)
                {
                    leavers.Add(new CareLeaverOutcome(year, id, dob, row["IN_TOUCH"], Blank(row["ACTIV"]), accom));
                }
            }
        }

        var missing = new List<MissingEpisode>();
        if (Find("missing") is { } mis)
        {
            foreach (var row in r.Once(mis, firstRow, "INT04", null, "the missing table"))
            {
                if (r.Date(mis, row, "MIS_START", "1004", key: false, blank: "the row is left out", invalid: "the row is left out") is { } start)
                {
                    if (start > year.End)
                    {
                        r.Add(mis, row, "MIS_START", Outcome.Counted, "570", $"child {row["CHILD"]}: the missing episode starts ({D(start)}) after the collection year ends ({D(year.End)})", "counted as given");
                    }

                    missing.Add(new MissingEpisode(row["CHILD"], row["MISSING"], start, r.Date(mis, row, "MIS_END", "1005", key: false, blank: null, invalid: "counted as not ended")));
                }
            }
        }

        var workers = new List<SocialWorkerEpisode>();
        if (Find("social worker episodes") is { } sw)
        {
            foreach (var row in r.Once(sw, firstRow, null, null, "the social worker episodes"))
            {
                if (r.Date(sw, row, "SW_DECOM", null, key: false, blank: "the row is left out", invalid: "the row is left out") is { } start)
                {
                    workers.Add(new SocialWorkerEpisode(row["CHILD"], row["SW_ID"], start, r.Date(sw, row, "SW_DEC", null, key: false, blank: null, invalid: "counted as not ended"), Blank(row["SW_REASON"])));
                }
            }
        }

        // The tables no indicator reads yet are still checked: dates, codes, and children known to the header.
        foreach (var (kind, unknown, dates, code, codes) in new (string, string, (string Column, string Rule)[], (string Column, string Rule)?, HashSet<string>?)[]
        {
            ("reviews", "INT08", [("REVIEW", "166")], ("REVIEW_CODE", "167"), ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"]),
            ("UASC", "INT09", [("DUC", "104")], null, null),
            ("AD1", "INT01", [("DATE_INT", "112"), ("DATE_MATCH", "113")], null, null),
            ("placed for adoption", "INT02", [("DATE_PLACED", "115"), ("DATE_PLACED_CEASED", "116")], null, null),
        })
        {
            if (Find(kind) is not { } table)
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                if (!firstRow.ContainsKey(row["CHILD"]))
                {
                    r.Add(table, row, "CHILD", Outcome.Counted, unknown, $"child {row["CHILD"]} is not in the header", "kept as given, though no figure reads this table");
                }

                foreach (var (column, rule) in dates)
                {
                    r.Date(table, row, column, rule, key: false, blank: column == dates[0].Column ? "kept as given, though no figure reads this table" : null, invalid: "kept as given, though no figure reads this table");
                }

                if (code is { } c)
                {
                    r.Code(table, row, c.Column, c.Rule, codes!, "kept as given, though no figure reads this table");
                }
            }
        }

        return new Ssda903Return(year, new LookedAfterData(children, health, leavers, missing, workers), p);
    }

    /// <summary>
    /// Reads the SSDA903 returns under a folder, oldest first, each year's CSV tables or its one XML file, for
    /// <see cref="Domain.ChildLevel.Stacking.Stack.Ssda903"/> to stack. Years are laid out as councils keep them: a
    /// subfolder per year (named <c>2024-25</c>, <c>2024-2025</c>, <c>2024_25</c>, or <c>2025</c>, the collection year
    /// end), files prefixed with the year (<c>2025-episodes.csv</c>, <c>2024-25_header.csv</c>), or one year's tables
    /// directly in the folder given. A year is read from the return itself (its episode dates) where no name gives it,
    /// and a return whose dates contradict the name is refused, naming the evidence.
    /// </summary>
    /// <exception cref="InputException">The folder is missing, holds no return, or a return cannot be read; every
    /// such problem is listed.</exception>
    public static IReadOnlyList<Ssda903Return> ReadFolder(string folder)
    {
        var units = Ssda903Folder.Units(folder, out var skipped);
        var years = new List<(Ssda903Folder.Unit Unit, Ssda903Return Return)>();
        var refused = new List<InputError>();

        // The years are independent: read at once, then taken in the folder's order, so the errors list the same way.
        foreach (var (unit, read, errors) in InOrder.Map(units, ReadUnit))
        {
            if (errors is not null)
            {
                refused.AddRange(errors);
            }
            else
            {
                years.Add((unit, read!));
            }
        }

        foreach (var twice in years.GroupBy(y => y.Return.Year).Where(g => g.Count() > 1))
        {
            refused.Add(new InputError(folder, null, null, $"more than one return is for {twice.Key}: {string.Join(" and ", twice.Select(y => y.Unit.Describe()))}; keep one. The returns are refused."));
        }

        if (refused.Count > 0)
        {
            throw new InputException(refused);
        }

        var ordered = years.Select(y => y.Return).OrderBy(y => y.Year).ToList();
        if (skipped.Count > 0)
        {
            ordered[0] = ordered[0] with { Problems = [.. skipped, .. ordered[0].Problems] };
        }

        return ordered;
    }

    /// <summary>One return of a folder, its year read from its dates where no name gives it; or why it is refused.</summary>
    private static (Ssda903Folder.Unit Unit, Ssda903Return? Return, IReadOnlyList<InputError>? Refused) ReadUnit(Ssda903Folder.Unit unit)
    {
        try
        {
            var year = unit.Year ?? Ssda903Folder.YearOf(unit, Read(unit, new FinancialYear(FinancialYear.MaxStartYear)));
            var read = Read(unit, year);
            if (unit.Year is not null)
            {
                Ssda903Folder.Check(unit, read);
            }

            return (unit, read, null);
        }
        catch (InputException e)
        {
            return (unit, null, e.Errors);
        }
    }

    private static Ssda903Return Read(Ssda903Folder.Unit unit, FinancialYear year) =>
        unit.Xml is { } xml ? ReadXml(xml, year) : ReadCsvFiles(unit.Source, unit.Files, year);

    /// <summary>Whether two rows hold the same text in every column of the table.</summary>
    private static bool Same(Table table, TableRow a, TableRow b) => table.Headers.All(h => a[h] == b[h]);

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static string D(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Cell checks that record each problem with file, row, column, child, rule and what was done.</summary>
    private sealed class Rows(List<InputError> problems)
    {
        /// <summary>Records a problem: "what is wrong (DfE rule N): what was done."</summary>
        public void Add(Table t, TableRow row, string? column, Outcome outcome, string? rule, string what, string done) =>
            problems.Add(new InputError(t.File, row.Number, column, $"{what}{(rule is null ? "" : $" (DfE rule {rule})")}: {done}.")
            {
                Outcome = outcome,
                Rule = rule,
                ChildId = row["CHILD"].Length > 0 ? row["CHILD"] : null,
            });

        /// <summary>A second row for a child: counted once when it repeats the first, left out when it differs.</summary>
        public void Repeat(Table t, TableRow row, TableRow first, string? rule, string where)
        {
            if (Same(t, row, first))
            {
                Add(t, row, null, Outcome.Repaired, rule, $"child {row["CHILD"]}: the row repeats row {first.Number}", "counted once");
            }
            else
            {
                Add(t, row, "CHILD", Outcome.LeftOut, rule, $"child {row["CHILD"]} is already in {where} at row {first.Number}, with other details", $"this row is left out and row {first.Number} is counted");
            }
        }

        /// <summary>
        /// The rows of a table of one row per child (or of distinct rows), each child known to the header: a row for a
        /// child not in the header is left out; a repeated row is counted once; where <paramref name="onceRule"/> is
        /// given, a second, different row for the same child is left out.
        /// </summary>
        public IEnumerable<TableRow> Once(Table t, Dictionary<string, TableRow> header, string? unknownRule, string? onceRule, string where)
        {
            var first = new Dictionary<string, TableRow>(StringComparer.Ordinal);
            var texts = new Dictionary<string, TableRow>(StringComparer.Ordinal);
            var rows = new List<TableRow>();
            foreach (var row in t.Rows)
            {
                var id = row["CHILD"];
                if (!header.ContainsKey(id))
                {
                    Add(t, row, "CHILD", Outcome.LeftOut, unknownRule, $"child {id} is not in the header", "the row is left out");
                    continue;
                }

                if (!texts.TryAdd(string.Join('\u001f', t.Headers.Select(h => row[h])), row))
                {
                    var repeated = texts[string.Join('\u001f', t.Headers.Select(h => row[h]))];
                    Add(t, row, null, Outcome.Repaired, onceRule, $"child {id}: the row repeats row {repeated.Number}", "counted once");
                    continue;
                }

                if (onceRule is not null && first.TryGetValue(id, out var earlierRow))
                {
                    Repeat(t, row, earlierRow, onceRule, where);
                    continue;
                }

                first.TryAdd(id, row);
                rows.Add(row);
            }

            return rows;
        }

        /// <summary>
        /// A date, dd/mm/yyyy. A key date (a birth, an episode's start or end) that is not a date refuses the return, as
        /// the file is not in the 903's form; another is dealt with as <paramref name="invalid"/> says. A blank date is
        /// dealt with as <paramref name="blank"/> says, or is allowed when that is null.
        /// </summary>
        public DateOnly? Date(Table t, TableRow row, string column, string? rule, bool key, string? blank, string? invalid = null)
        {
            var text = row[column];
            var child = $"child {row["CHILD"]}";
            if (text.Length == 0)
            {
                if (blank is not null)
                {
                    Add(t, row, column, blank.StartsWith("kept", StringComparison.Ordinal) ? Outcome.Counted : Outcome.LeftOut, rule, $"{child}: a date is required", blank);
                }

                return null;
            }

            if (DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            if (key)
            {
                Add(t, row, column, Outcome.Refused, rule, $"{child}: '{text}' is not a date (dd/mm/yyyy)", "the return is refused, as its key dates cannot be read");
            }
            else
            {
                var done = invalid ?? "the row is left out";
                Add(t, row, column, done.StartsWith("counted", StringComparison.Ordinal) || done.StartsWith("kept", StringComparison.Ordinal) ? Outcome.Counted : Outcome.LeftOut, rule, $"{child}: '{text}' is not a date (dd/mm/yyyy)", done);
            }

            return null;
        }

        /// <summary>A code from its list; one outside it is counted as given (no figure reads it as any listed code).</summary>
        public void Code(Table t, TableRow row, string column, string rule, HashSet<string> allowed, string done = "counted as given")
        {
            if (!allowed.Contains(row[column]))
            {
                Add(t, row, column, Outcome.Counted, rule, $"child {row["CHILD"]}: '{row[column]}' is not in the {column} code list", done);
            }
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
                    Add(t, row, column, Outcome.Counted, "181", $"child {row["CHILD"]}: '{row[column]}' is not 0 or 1", "counted as not given");
                    return null;
            }
        }
    }
}
