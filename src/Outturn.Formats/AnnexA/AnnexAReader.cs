using System.Globalization;
using System.Text.RegularExpressions;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Formats.Tables;

namespace Outturn.Formats.AnnexA;

/// <summary>A referral in Annex A list 3, with who it was allocated to.</summary>
/// <param name="ChildId">The child's unique id.</param>
/// <param name="ReferralDate">The date of referral.</param>
/// <param name="Team">The allocated team, if given.</param>
/// <param name="Worker">The allocated worker, if given.</param>
/// <param name="Source">The referral source code ("6", "1B", "3D"), whatever form the cell gives it in ("q) 6: Police",
/// "6 - Police", "6"); null when the list has no source column or the cell is blank.</param>
/// <param name="NoFurtherAction">Whether the referral was closed with no further action; null when the list has no NFA
/// column, or the cell is blank, not known or not a yes/no value (then a problem says so).</param>
public sealed record AnnexAReferral(
    string ChildId, DateOnly ReferralDate, string? Team, string? Worker, string? Source = null, bool? NoFurtherAction = null);

/// <summary>An Ofsted Annex A workbook as read: each list found, its rows, and every problem.</summary>
/// <param name="Lists">The lists found, by number (1 to 11), each a table with the workbook's own headers.</param>
/// <param name="Referrals">List 3 as typed referrals.</param>
/// <param name="Problems">Every problem, naming file and sheet, row, column and rule.</param>
public sealed record AnnexAWorkbook(IReadOnlyDictionary<int, Table> Lists, IReadOnlyList<AnnexAReferral> Referrals, IReadOnlyList<InputError> Problems)
{
    /// <summary>Every row of lists 3 (referrals), 4 (assessments), 5 (section 47), 6 (children in need), 7 (child
    /// protection plans) and 8 (looked after) that names a team or worker.</summary>
    public IReadOnlyList<CaseAllocation> Allocations { get; init; } = [];

    /// <summary>The first day of the month of the earliest referral in list 3: where the workbook's period begins.</summary>
    public DateOnly? PeriodStart
    {
        get
        {
            if (Referrals.Count == 0)
            {
                return null;
            }

            var first = Referrals.Min(r => r.ReferralDate);
            return new DateOnly(first.Year, first.Month, 1);
        }
    }
}

/// <summary>
/// Reads an Ofsted Annex A workbook (lists 1 to 11), tolerant of the variations LAs use: a list is found by its sheet
/// name ("List 3", "List_3", "L3 Referrals", "Referrals"), its header row among the top ten rows, and its columns by
/// meaning rather than exact wording ("Child Unique ID", "Child ID", "LA Child ID"; "Date of Referral", "Referral Date").
/// Dates may be spreadsheet dates, ISO or dd/mm/yyyy; coded values may be written as the template has them
/// ("q) 6: Police", "a) Yes") or more plainly ("6 - Police", "6", "Y"), read through <see cref="AnnexACode"/>.
/// </summary>
public static class AnnexAReader
{
    private static readonly string[] ListNames =
        ["contacts", "early help", "referrals", "assessments", "section 47", "children in need", "child protection", "children looked after", "care leavers", "adoption", "adopters"];

    private static readonly Regex ChildId = new(@"^(la)?child(unique)?id$|^uniqueid$|^childuniqueid", RegexOptions.CultureInvariant);
    private static readonly Regex ReferralDate = new(@"dateofreferral|referraldate", RegexOptions.CultureInvariant);
    private static readonly Regex Team = new(@"team", RegexOptions.CultureInvariant);
    private static readonly Regex Worker = new(@"worker", RegexOptions.CultureInvariant);
    private static readonly Regex Source = new(@"referralsource|sourceofreferral|^source$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The date column that places the rows of lists 4 to 8: the assessment, enquiry, CIN, plan or care start (list 3's
    /// referrals are already typed).
    /// </summary>
    private static readonly Dictionary<int, Regex> StartColumns = new()
    {
        [4] = new(@"assessment(actual)?startdate", RegexOptions.CultureInvariant),
        [5] = new(@"(section|s)47.*startdate|startdate.*(section|s)47", RegexOptions.CultureInvariant),
        [6] = new(@"cin(episode)?startdate|^startdate$", RegexOptions.CultureInvariant),
        [7] = new(@"(childprotection|cp)p?(lan)?startdate", RegexOptions.CultureInvariant),
        [8] = new(@"startedtobelookedafter|(lac|cla|care)startdate|datelookedafter", RegexOptions.CultureInvariant),
    };

    /// <summary>What the rows of lists 3 to 8 are about.</summary>
    private static readonly Dictionary<int, AllocatedRecord> Records = new()
    {
        [3] = AllocatedRecord.Referral,
        [4] = AllocatedRecord.Assessment,
        [5] = AllocatedRecord.Section47,
        [6] = AllocatedRecord.ChildInNeed,
        [7] = AllocatedRecord.ProtectionPlan,
        [8] = AllocatedRecord.LookedAfter,
    };

    private static readonly Regex NoFurtherAction = new(@"^(referral)?nfa|referralnfa|nofurtheraction", RegexOptions.CultureInvariant);

    /// <summary>Reads the workbook.</summary>
    /// <exception cref="InputException">The file is missing or not a workbook.</exception>
    public static AnnexAWorkbook Read(string path)
    {
        var problems = new List<InputError>();
        var lists = new Dictionary<int, Table>();
        foreach (var (sheet, table) in TableReader.ReadSheets(path, headers => headers.Any(h => ChildId.IsMatch(Key(h)))))
        {
            // A sheet is known by its name, else (renamed "Sheet3", say) by its columns.
            if ((ListNumber(sheet) ?? ListNumber(table.Headers)) is not { } n)
            {
                problems.Add(new InputError(table.File, null, null, $"the sheet '{sheet}' is not an Annex A list, by its name or its columns: not read.") { Outcome = Outcome.NotRead });
                continue;
            }

            if (lists.ContainsKey(n))
            {
                problems.Add(new InputError(table.File, null, null, $"a second sheet for list {n}: only the first is read, this one is not.") { Outcome = Outcome.NotRead });
                continue;
            }

            if (n != 11 && Column(table, ChildId) is null) // list 11 is adopters, keyed by adopter
            {
                problems.Add(new InputError(table.File, 1, "Child Unique ID", $"list {n} has no child id column in its top ten rows: not read.") { Outcome = Outcome.NotRead });
                continue;
            }

            lists[n] = table;
        }

        // The lists that say who holds each case: without one, its cases count as not allocated in the caseload.
        foreach (var n in Records.Keys.Where(n => !lists.ContainsKey(n)))
        {
            problems.Add(new InputError(path, null, null,
                $"the workbook has no list {n} ({ListNames[n - 1]}): the cases only it allocates count as not allocated, so the caseload (caseload-worker) and the team and worker of those cases leave them out.")
            {
                Outcome = Outcome.LeftOut,
            });
        }

        var referrals = new List<AnnexAReferral>();
        if (lists.TryGetValue(3, out var list3))
        {
            var id = Column(list3, ChildId)!;
            var date = Column(list3, ReferralDate);
            if (date is null)
            {
                problems.Add(new InputError(list3.File, 1, "Date of Referral", "list 3 has no referral date column, so its referrals cannot be read: refused."));
            }
            else
            {
                var team = Column(list3, Team);
                var worker = Column(list3, Worker);
                var source = Column(list3, Source);
                var nfa = Column(list3, NoFurtherAction);
                foreach (var row in list3.Rows)
                {
                    bool? noFurtherAction = null;
                    if (nfa is not null && !AnnexACode.TryYesNo(row[nfa], out noFurtherAction))
                    {
                        problems.Add(new InputError(list3.File, row.Number, nfa, $"child {row[id]}: '{row[nfa]}' is not yes or no (Yes/No, Y/N, True/False, 1/0): counted as not known.")
                        {
                            Outcome = Outcome.Counted,
                            ChildId = row[id],
                        });
                    }

                    if (Date(row[date]) is { } d)
                    {
                        referrals.Add(new AnnexAReferral(
                            row[id], d, team is null ? null : Blank(row[team]), worker is null ? null : Blank(row[worker]),
                            source is null ? null : AnnexACode.Parse(row[source])?.Code, noFurtherAction));
                    }
                    else
                    {
                        problems.Add(new InputError(list3.File, row.Number, date, $"child {row[id]}: '{row[date]}' is not a date, and the referral is placed by it: refused.") { ChildId = row[id] });
                    }
                }
            }
        }

        var allocations = referrals.Where(r => r.Team is not null || r.Worker is not null)
            .Select(r => new CaseAllocation(r.ChildId, AllocatedRecord.Referral, r.ReferralDate, r.Team, r.Worker)).ToList();
        foreach (var (n, start) in StartColumns)
        {
            if (lists.TryGetValue(n, out var list))
            {
                allocations.AddRange(Allocations(list, n, start, problems));
            }
        }

        return new AnnexAWorkbook(lists, referrals, problems) { Allocations = allocations };
    }

    /// <summary>The rows of one list that name a team or worker; a start date that is not a date is a problem.</summary>
    private static IEnumerable<CaseAllocation> Allocations(Table list, int n, Regex startColumn, List<InputError> problems)
    {
        var id = Column(list, ChildId)!;
        var team = Column(list, Team);
        var worker = Column(list, Worker);
        if (Column(list, startColumn) is not { } start || (team is null && worker is null))
        {
            yield break;
        }

        foreach (var row in list.Rows)
        {
            var (t, w) = (team is null ? null : Blank(row[team]), worker is null ? null : Blank(row[worker]));
            if (t is null && w is null)
            {
                continue;
            }

            if (Date(row[start]) is { } d)
            {
                yield return new CaseAllocation(row[id], Records[n], d, t, w);
            }
            else
            {
                problems.Add(new InputError(list.File, row.Number, start, $"child {row[id]}: '{row[start]}' is not a date, and the case is placed by it: refused.") { ChildId = row[id] });
            }
        }
    }

    /// <summary>The list number a sheet holds: "List 3", "List_3", "L3", or the list's name.</summary>
    public static int? ListNumber(string sheet)
    {
        var m = Regex.Match(sheet, @"^\s*l(ist)?[\s_\-]*(\d{1,2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 11 and var n)
        {
            return n;
        }

        var name = sheet.Trim().ToLowerInvariant();
        var index = Array.FindIndex(ListNames, l => name.Contains(l, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : null;
    }

    /// <summary>
    /// The list a sheet holds by its columns, for a workbook whose sheets are renamed ("Sheet1" to "Sheet11"): each list
    /// by a column only it has in the Ofsted template (domain-anchors.md §2.3), the most particular first; null when
    /// none matches.
    /// </summary>
    public static int? ListNumber(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(Key).ToList();
        return ByColumns.FirstOrDefault(c => keys.Any(k => c.Column.IsMatch(k))).List is var n and > 0 ? n : null;
    }

    /// <summary>A column that marks each list, in the order they are tried (adopters before adoption, early help before assessments).</summary>
    private static readonly (int List, Regex Column)[] ByColumns =
    [
        (11, new(@"adopteridentifier|datestage1started", RegexOptions.CultureInvariant)),
        (10, new(@"placedforadoption|dateofplacementorder", RegexOptions.CultureInvariant)),
        (9, new(@"eligibilitycategory", RegexOptions.CultureInvariant)),
        (8, StartColumns[8]),
        (7, StartColumns[7]),
        (6, new(@"cin(episode)?startdate", RegexOptions.CultureInvariant)),
        (5, StartColumns[5]),
        (2, new(@"organisationcompletingassessment|assessmentcompletiondate", RegexOptions.CultureInvariant)),
        (4, new(@"continuousassessment|assessment.*authorisation", RegexOptions.CultureInvariant)),
        (3, ReferralDate),
        (1, new(@"dateofcontact|contactdate", RegexOptions.CultureInvariant)),
    ];

    /// <summary>A header reduced to letters and digits, lower case: "Child Unique ID" becomes "childuniqueid".</summary>
    private static string Key(string header) => new([.. header.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static string? Column(Table table, Regex meaning) => table.Headers.FirstOrDefault(h => meaning.IsMatch(Key(h)));

    private static DateOnly? Date(string text)
    {
        string[] forms = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        // A date exported as a bare spreadsheet serial number, with no date format on the cell.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;
}
