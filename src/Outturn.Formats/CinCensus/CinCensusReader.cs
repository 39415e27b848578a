using System.Globalization;
using Outturn.Domain.ChildLevel;
using static Outturn.Formats.XmlFile;

namespace Outturn.Formats.CinCensus;

/// <summary>One CIN census file as read: its census year, the children, and every problem found.</summary>
/// <param name="File">The file as named.</param>
/// <param name="ReferenceDate">The census reference date (31 March of the collection year).</param>
/// <param name="Data">The children; an element with an error is left out, the rest of the child kept.</param>
/// <param name="Problems">Every problem, each naming file, line, element, child, rule and what is done about it.</param>
public sealed record CinCensusFile(string File, DateOnly ReferenceDate, ChildInNeedData Data, IReadOnlyList<InputError> Problems)
{
    /// <summary>The authority that made the return (<c>Header/Source/LEA</c>), empty when the header does not say.</summary>
    public string Authority { get; init; } = "";
}

/// <summary>The CIN censuses of a folder (or one file), with what in the folder was not read and why.</summary>
/// <param name="Files">Each census read, in file name order.</param>
/// <param name="Problems">The folder's own problems: files that are not a census (not read) and two files claiming the
/// same census year (refused, naming both). Each file's problems are in the file.</param>
public sealed record CinCensusFolder(IReadOnlyList<CinCensusFile> Files, IReadOnlyList<InputError> Problems);

/// <summary>
/// Reads CIN census XML (domain-anchors.md §2.2), every schema year: <c>GenderCurrent</c> (to 2023-24) or <c>Sex</c>
/// (from 2024-25), an optional <c>PreProceedingsandFGDM</c> block, unknown elements ignored. Problems name the XML line
/// (as the row), the element (as the field), the child and the DfE validation rule (the CIN census validation rules,
/// as the DfE's validator numbers them), and say what is done: a file that cannot be read as a census, or a date the
/// figures are counted by that is not a date, is refused; a record that breaks a validation rule is left out (when no
/// figure can use it) or counted as given; all are listed, not only the first.
/// </summary>
public static class CinCensusReader
{
    /// <summary>The dates the figures are counted by: one that cannot be read refuses the file, as a key field of the return.</summary>
    private static readonly HashSet<string> KeyDates =
    [
        "CINreferralDate", "CINclosureDate", "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC",
        "CPPstartDate", "CPPendDate", "CINPlanStartDate", "CINPlanEndDate",
    ];

    /// <summary>The validation rule a date after the census's reference date breaks, by element (CIN census validation rules).</summary>
    private static readonly Dictionary<string, string> AfterCensusRules = new(StringComparer.Ordinal)
    {
        ["PersonBirthDate"] = "8520", // Date of Birth is after data collection period
        ["PersonDeathDate"] = "8545Q", // Child's date of death should be within the census year
        ["CINclosureDate"] = "8620", // CIN Closure Date present and does not fall within the Census year
        ["AssessmentActualStartDate"] = "8736", // For an Assessment that has not been completed, the start date must fall within the census year
        ["AssessmentAuthorisationDate"] = "8696", // Assessment end date must fall within the census year
        ["S47ActualStartDate"] = "8740", // ... the start date must fall within the census year
        ["DateOfInitialCPC"] = "8715", // Date of Initial Child Protection Conference must fall within the census year
        ["CPPstartDate"] = "8720", // Child Protection Plan Start Date missing or out of data collection period
        ["CPPendDate"] = "8930", // Child Protection Plan End Date must fall within the census year
        ["CINPlanStartDate"] = "4010", // CIN Plan start date is missing or out of data collection period
        ["CINPlanEndDate"] = "4013", // CIN Plan end date must fall within the census year
    };

    /// <summary>Primary need codes (rule 8650, "Primary Need Code invalid (see Primary Need table in CIN census code set)").</summary>
    private static readonly HashSet<string> PrimaryNeeds = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];

    /// <summary>Reasons for closure (rule 8640, "CIN Reason for closure code invalid").</summary>
    private static readonly HashSet<string> ClosureReasons = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"];

    /// <summary>Referral sources (rule 8866, "Source of Referral is missing or an invalid code").</summary>
    private static readonly HashSet<string> ReferralSources =
        ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"];

    /// <summary>Reads a file, listing problems; use <see cref="ReadStrict"/> to refuse a file that has any.</summary>
    /// <exception cref="InputException">The file is missing, is not a CIN census XML file at all, or holds no children.</exception>
    public static CinCensusFile Read(string path)
    {
        var (census, root) = ReadCensus(path);
        return census ?? throw new InputException(NotACensus(path, root));
    }

    /// <summary>Reads a file and refuses it, listing every problem, when it has any.</summary>
    /// <exception cref="InputException">The file has problems.</exception>
    public static CinCensusFile ReadStrict(string path)
    {
        var file = Read(path);
        return file.Problems.Count > 0 ? throw new InputException(file.Problems) : file;
    }

    /// <summary>Reads every <c>*.xml</c> in a folder (or one file), file by file; <see cref="Domain.ChildLevel.Stacking.Stack.CinCensus"/> stacks them.</summary>
    public static IReadOnlyList<CinCensusFile> ReadAll(string fileOrFolder) => ReadFolder(fileOrFolder).Files;

    /// <summary>
    /// Reads a folder of censuses (or one file): every <c>*.xml</c> that is a CIN census, in file name order. Anything
    /// else in the folder (another file, or XML that is not a CIN census) is listed as not read; two files giving the
    /// same census year refuse the folder, naming both, as either could be the real one.
    /// </summary>
    /// <exception cref="InputException">A file given alone is not a census, or a census cannot be read.</exception>
    public static CinCensusFolder ReadFolder(string fileOrFolder)
    {
        if (!Directory.Exists(fileOrFolder))
        {
            return new CinCensusFolder([Read(fileOrFolder)], []);
        }

        var files = new List<CinCensusFile>();
        var problems = new List<InputError>();
        var paths = Directory.GetFiles(fileOrFolder).Order(StringComparer.Ordinal).ToList();

        // The years are independent files: read at once, then taken in file name order with everything else.
        var xml = paths.Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        var read = xml.Zip(InOrder.Map(xml, ReadCensus)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!read.TryGetValue(path, out var census))
            {
                problems.Add(new InputError(path, null, null, "not an XML file, so not a CIN census: not read.") { Outcome = Outcome.NotRead });
            }
            else if (census.Census is not null)
            {
                files.Add(census.Census);
            }
            else
            {
                problems.Add(NotACensus(path, census.Root) with { Outcome = Outcome.NotRead, Message = $"this is not a CIN census file (its root is {census.Root?.Name}, not Message with Children): not read." });
            }
        }

        foreach (var year in files.GroupBy(f => f.ReferenceDate).Where(g => g.Count() > 1))
        {
            problems.Add(new InputError(year.Last().File, null, "ReferenceDate",
                $"{string.Join(" and ", year.Select(f => Path.GetFileName(f.File)))} both give the census of {year.Key:yyyy-MM-dd}: only one can be the return; remove the other."));
        }

        return new CinCensusFolder(files, problems);
    }

    private static InputError NotACensus(string path, ReturnElement? root) =>
        new(path, Line(root), root?.Name, "this is not a CIN census file: expected Message with Header and Children.");

    /// <summary>
    /// Reads a file as a census, one child at a time, so only the children read are held; no census when it is not one
    /// (no Message with Children), with the root it has instead.
    /// </summary>
    private static (CinCensusFile? Census, ReturnElement? Root) ReadCensus(string path)
    {
        var problems = new List<InputError>();
        DateOnly reference = default;
        var authority = "";
        var children = new List<CinChild>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var childElements = 0;
        var (root, childrenElement) = ReadMessage(path, "Children", "Child", (header, source) =>
        {
            authority = Child(source, "LEA")?.Value.Trim() ?? "";
            reference = XmlFile.Date(Child(header, "ReferenceDate"), (x, rule) => problems.Add(new InputError(path, Line(x), x.Name, $"census: {rule}")))
                ?? (Number(Child(header, "Year")) is { } y ? new DateOnly(y, 3, 31) : (DateOnly?)null)
                ?? throw new InputException(new InputError(path, Line(header), "ReferenceDate", "the header gives neither a ReferenceDate nor a Year."));
        }, child =>
        {
            childElements++;
            ReadChild(child);
        });
        if (root?.Name != "Message" || childrenElement is null)
        {
            return (null, root);
        }

        if (children.Count == 0)
        {
            // Every authority has children in need in a year: a census without one is a wrong or empty export, and
            // stacked after an older census it would close every case that census left open.
            problems.Add(new InputError(path, Line(childrenElement), "Children", childElements == 0
                ? "the census holds no children: a CIN census lists every child in need of its year; this looks like an empty or wrong export, so it is refused."
                : "no child in the census can be read: it is refused."));
        }

        return (new CinCensusFile(path, reference, new ChildInNeedData(children), [.. problems.OrderBy(p => p.Row ?? 0)]) { Authority = authority }, root);

        void ReadChild(ReturnElement child)
        {
            var ids = Child(child, "ChildIdentifiers");
            var id = Child(ids, "LAchildID")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                problems.Add(new InputError(path, Line(child), "LAchildID", "a child has no LAchildID (rule 8500): the child is left out.") { Outcome = Outcome.LeftOut, Rule = "8500" });
                return;
            }

            if (!seen.TryAdd(id, Line(child) ?? 0))
            {
                problems.Add(new InputError(path, Line(child), "LAchildID", $"child {id} appears twice, first at line {seen[id]} (rule 8510): the second is left out.")
                {
                    Outcome = Outcome.LeftOut,
                    ChildId = id,
                    Rule = "8510",
                });
                return;
            }

            var ctx = new ChildContext(path, id, reference, problems);
            var birth = ctx.Date(Child(ids, "PersonBirthDate"));
            ctx.Date(Child(ids, "PersonDeathDate"));
            var gender = Child(ids, "GenderCurrent")?.Value.Trim() ?? Child(ids, "Sex")?.Value.Trim();
            var details = Children(child, "CINdetails").ToList();
            if (details.Count == 0)
            {
                ctx.Problem(child, "the child has no CIN episode (rule 8590): nothing of the child is counted.", Outcome.LeftOut, "8590");
            }

            var episodes = details.Select(ctx.Episode).OfType<CinEpisode>().OrderBy(e => e.ReferralDate).ToList();
            children.Add(new CinChild(id, birth, gender, episodes) { Authority = authority });
        }
    }

    /// <summary>Reads one child's modules, recording problems against the child.</summary>
    private sealed class ChildContext(string path, string id, DateOnly reference, List<InputError> problems)
    {
        /// <summary>A date: one that is not a date refuses the file when the figures are counted by it, else is counted without it; one after the census is counted as given.</summary>
        public DateOnly? Date(ReturnElement? e)
        {
            var d = Parse(e);
            if (d is { } date && date > reference && AfterCensusRules.TryGetValue(e!.Name, out var rule))
            {
                Problem(e, $"{date:yyyy-MM-dd} is after the census reference date {reference:yyyy-MM-dd} (rule {rule}): counted as given.", Outcome.Counted, rule);
            }

            return d;
        }

        /// <summary>A date, read without the census-year check.</summary>
        private DateOnly? Parse(ReturnElement? e) =>
            XmlFile.Date(e, (x, message) =>
            {
                if (KeyDates.Contains(x.Name))
                {
                    Problem(x, $"{message} The figures are counted by this date, so the file cannot be read: refused.", Outcome.Refused);
                }
                else
                {
                    Problem(x, $"{message} Counted without it.", Outcome.Counted);
                }
            });

        public CinEpisode? Episode(ReturnElement details)
        {
            var referralElement = Child(details, "CINreferralDate");
            var referral = Parse(referralElement);
            if (referral is null)
            {
                if (referralElement is null || referralElement.Value.Trim().Length == 0)
                {
                    Problem(details, "a CIN episode has no CINreferralDate (rule 8600): the episode is left out.", Outcome.LeftOut, "8600");
                }

                return null;
            }

            if (referral > reference)
            {
                Problem(referralElement!, $"{referral:yyyy-MM-dd} is after the census reference date {reference:yyyy-MM-dd} (rule 8600): the episode is outside the census year and is left out.", Outcome.LeftOut, "8600");
                return null;
            }

            var closure = Date(Child(details, "CINclosureDate"));
            if (closure < referral)
            {
                Problem(Child(details, "CINclosureDate")!, $"the episode closes ({closure:yyyy-MM-dd}) before its referral ({referral:yyyy-MM-dd}) (rule 8630): the closure date is not used, so the episode is counted as open.", Outcome.Repaired, "8630");
                closure = null;
            }

            var reason = Code(details, "ReasonForClosure", ClosureReasons, "8640", "reason for closure");
            if (closure is not null && reason is null && Child(details, "ReasonForClosure") is null)
            {
                Problem(Child(details, "CINclosureDate")!, "the episode has a closure date but no ReasonForClosure (rule 8805): counted as closed.", Outcome.Counted, "8805");
            }
            else if (closure is null && Child(details, "CINclosureDate") is null && reason is not null)
            {
                Problem(Child(details, "ReasonForClosure")!, "the episode has a ReasonForClosure but no closure date (rule 8810): counted as open.", Outcome.Counted, "8810");
            }

            var assessments = new List<CinAssessment>();
            foreach (var a in Children(details, "Assessments"))
            {
                var start = Date(Child(a, "AssessmentActualStartDate"));
                var authorised = Date(Child(a, "AssessmentAuthorisationDate"));
                if (start is null)
                {
                    if (Child(a, "AssessmentActualStartDate")?.Value.Trim() is null or "")
                    {
                        Problem(a, "an assessment has no AssessmentActualStartDate: it is left out.", Outcome.LeftOut);
                    }
                }
                else if (authorised < start)
                {
                    Problem(Child(a, "AssessmentAuthorisationDate")!, $"the assessment is authorised ({authorised:yyyy-MM-dd}) before it started ({start:yyyy-MM-dd}) (rule 8608): it is left out.", Outcome.LeftOut, "8608");
                }
                else
                {
                    assessments.Add(new CinAssessment(start.Value, authorised));
                }
            }

            var plans = new List<CinPlan>();
            foreach (var p in Children(details, "CINPlanDates"))
            {
                var start = Date(Child(p, "CINPlanStartDate"));
                var end = Date(Child(p, "CINPlanEndDate"));
                if (start is null)
                {
                    if (Child(p, "CINPlanStartDate")?.Value.Trim() is null or "")
                    {
                        Problem(p, "a CIN plan has no CINPlanStartDate (rule 4010): it is left out.", Outcome.LeftOut, "4010");
                    }
                }
                else if (end < start)
                {
                    Problem(Child(p, "CINPlanEndDate")!, $"the CIN plan ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}) (rule 4011): it is left out.", Outcome.LeftOut, "4011");
                }
                else
                {
                    plans.Add(new CinPlan(start.Value, end));
                }
            }

            var enquiries = new List<Section47Enquiry>();
            foreach (var s in Children(details, "Section47"))
            {
                var start = Date(Child(s, "S47ActualStartDate"));
                var conference = Date(Child(s, "DateOfInitialCPC"));
                if (start is null)
                {
                    if (Child(s, "S47ActualStartDate")?.Value.Trim() is null or "")
                    {
                        Problem(s, "a section 47 has no S47ActualStartDate (rule 8615): it is left out.", Outcome.LeftOut, "8615");
                    }
                }
                else if (conference < start)
                {
                    Problem(Child(s, "DateOfInitialCPC")!, $"the initial conference ({conference:yyyy-MM-dd}) is before the section 47 started ({start:yyyy-MM-dd}) (rule 8615): it is left out.", Outcome.LeftOut, "8615");
                }
                else
                {
                    var notRequired = Flag(Child(s, "ICPCnotRequired"), (x, message) => Problem(x, $"{message} Counted as a conference not marked unnecessary.", Outcome.Counted));
                    enquiries.Add(new Section47Enquiry(start.Value, Date(Child(s, "InitialCPCtarget")), conference, notRequired == true));
                }
            }

            var protection = new List<ProtectionPlan>();
            foreach (var p in Children(details, "ChildProtectionPlans"))
            {
                var start = Date(Child(p, "CPPstartDate"));
                var end = Date(Child(p, "CPPendDate"));
                if (start is null)
                {
                    if (Child(p, "CPPstartDate")?.Value.Trim() is null or "")
                    {
                        Problem(p, "a child protection plan has no CPPstartDate (rule 8720): it is left out.", Outcome.LeftOut, "8720");
                    }
                }
                else if (end < start)
                {
                    Problem(Child(p, "CPPendDate")!, $"the plan ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}) (rule 8925): it is left out.", Outcome.LeftOut, "8925");
                }
                else
                {
                    var previous = int.TryParse(Child(p, "NumberOfPreviousCPP")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                    var reviews = Children(Child(p, "Reviews"), "CPPreviewDate").Select(Date).OfType<DateOnly>().Order().ToList();
                    protection.Add(new ProtectionPlan(start.Value, end, Child(p, "InitialCategoryOfAbuse")?.Value.Trim(), previous, reviews));
                }
            }

            var nfa = Flag(Child(details, "ReferralNFA"), (x, message) => Problem(x, $"{message.TrimEnd('.')} (rule 8568): counted as a referral that went on to further action.", Outcome.Counted, "8568"));
            return new CinEpisode(referral.Value, Code(details, "ReferralSource", ReferralSources, "8866", "referral source"), nfa == true,
                Code(details, "PrimaryNeedCode", PrimaryNeeds, "8650", "primary need"), closure, reason, assessments, plans, enquiries, protection);
        }

        /// <summary>A coded element as given; a code outside the DfE's list is counted as given, with the rule it breaks.</summary>
        private string? Code(ReturnElement details, string name, HashSet<string> valid, string rule, string what)
        {
            var e = Child(details, name);
            var code = e?.Value.Trim() is { Length: > 0 } v ? v : null;
            if (code is not null && !valid.Contains(code))
            {
                Problem(e!, $"'{code}' is not a {what} code of the CIN census (rule {rule}): counted as given.", Outcome.Counted, rule);
            }

            return code;
        }

        public void Problem(ReturnElement e, string message, Outcome outcome, string? rule = null) =>
            problems.Add(new InputError(path, Line(e), e.Name, $"child {id}: {message}") { Outcome = outcome, ChildId = id, Rule = rule });
    }
}
