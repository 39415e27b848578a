using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Outturn.Domain.ChildLevel;
using static Outturn.Formats.XmlFile;

namespace Outturn.Formats.CinCensus;

/// <summary>One CIN census file as read: its census year, the children, and every problem found.</summary>
/// <param name="File">The file as named.</param>
/// <param name="ReferenceDate">The census reference date (31 March of the collection year).</param>
/// <param name="Data">The children; an element with an error is left out, the rest of the child kept.</param>
/// <param name="Problems">Every problem, each naming file, line, element, child and rule.</param>
public sealed record CinCensusFile(string File, DateOnly ReferenceDate, ChildInNeedData Data, IReadOnlyList<InputError> Problems)
{
    /// <summary>The authority that made the return (<c>Header/Source/LEA</c>), empty when the header does not say.</summary>
    public string Authority { get; init; } = "";
}

/// <summary>
/// Reads CIN census XML (domain-anchors.md §2.2), every schema year: <c>GenderCurrent</c> (to 2023-24) or <c>Sex</c>
/// (from 2024-25), an optional <c>PreProceedingsandFGDM</c> block, unknown elements ignored. Problems name the XML line
/// (as the row), the element (as the field), the child and the rule; all are listed, not only the first.
/// </summary>
public static class CinCensusReader
{
    /// <summary>Reads a file, listing problems; use <see cref="ReadStrict"/> to refuse a file that has any.</summary>
    /// <exception cref="InputException">The file is missing or is not a CIN census XML file at all.</exception>
    public static CinCensusFile Read(string path)
    {
        var document = XmlFile.Load(path);

        var problems = new List<InputError>();
        var root = document.Root;
        if (root?.Name.LocalName != "Message" || Child(root, "Children") is null)
        {
            throw new InputException(new InputError(path, Line(root), root?.Name.LocalName, "this is not a CIN census file: expected Message with Header and Children."));
        }

        var header = Child(Child(root, "Header"), "CollectionDetails");
        var authority = Child(Child(Child(root, "Header"), "Source"), "LEA")?.Value.Trim() ?? "";
        var reference = Date(path, Child(header, "ReferenceDate"), "census", problems)
            ?? (int.TryParse(Child(header, "Year")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? new DateOnly(y, 3, 31) : (DateOnly?)null);
        if (reference is null)
        {
            throw new InputException(new InputError(path, Line(header), "ReferenceDate", "the header gives neither a ReferenceDate nor a Year."));
        }

        var children = new List<CinChild>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in Child(root, "Children")!.Elements().Where(e => e.Name.LocalName == "Child"))
        {
            var ids = Child(child, "ChildIdentifiers");
            var id = Child(ids, "LAchildID")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                problems.Add(new InputError(path, Line(child), "LAchildID", "a child has no LAchildID: the child is left out."));
                continue;
            }

            if (!seen.TryAdd(id, Line(child) ?? 0))
            {
                problems.Add(new InputError(path, Line(child), "LAchildID", $"child {id} appears twice (first at line {seen[id]}): the second is left out."));
                continue;
            }

            var ctx = new ChildContext(path, id, reference.Value, problems);
            var birth = ctx.Date(Child(ids, "PersonBirthDate"));
            var gender = Child(ids, "GenderCurrent")?.Value.Trim() ?? Child(ids, "Sex")?.Value.Trim();
            var episodes = Children(child, "CINdetails").Select(ctx.Episode).OfType<CinEpisode>().OrderBy(e => e.ReferralDate).ToList();
            children.Add(new CinChild(id, birth, gender, episodes) { Authority = authority });
        }

        return new CinCensusFile(path, reference.Value, new ChildInNeedData(children), problems) { Authority = authority };
    }

    /// <summary>Reads a file and refuses it, listing every problem, when it has any.</summary>
    /// <exception cref="InputException">The file has problems.</exception>
    public static CinCensusFile ReadStrict(string path)
    {
        var file = Read(path);
        return file.Problems.Count > 0 ? throw new InputException(file.Problems) : file;
    }

    /// <summary>Reads every <c>*.xml</c> in a folder (or one file), file by file; <see cref="Domain.ChildLevel.Stacking.Stack.CinCensus"/> stacks them.</summary>
    public static IReadOnlyList<CinCensusFile> ReadAll(string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? [.. Directory.GetFiles(fileOrFolder, "*.xml").Order(StringComparer.Ordinal).Select(Read)]
            : [Read(fileOrFolder)];

    private static DateOnly? Date(string path, XElement? e, string who, List<InputError> problems) =>
        XmlFile.Date(e, (x, rule) => problems.Add(new InputError(path, Line(x), x.Name.LocalName, $"{who}: {rule}")));

    /// <summary>Reads one child's modules, recording problems against the child.</summary>
    private sealed class ChildContext(string path, string id, DateOnly reference, List<InputError> problems)
    {
        public DateOnly? Date(XElement? e)
        {
            var d = CinCensusReader.Date(path, e, $"child {id}", problems);
            if (d is { } date && date > reference && e!.Name.LocalName is not ("ExpectedPersonBirthDate" or "InitialCPCtarget"))
            {
                Problem(e, $"{date:yyyy-MM-dd} is after the census reference date {reference:yyyy-MM-dd}.");
            }

            return d;
        }

        public CinEpisode? Episode(XElement details)
        {
            var referral = Date(Child(details, "CINreferralDate"));
            if (referral is null)
            {
                Problem(Child(details, "CINreferralDate") ?? details, "a CIN episode has no valid CINreferralDate: the episode is left out.");
                return null;
            }

            var closure = Date(Child(details, "CINclosureDate"));
            if (closure < referral)
            {
                Problem(Child(details, "CINclosureDate")!, $"the episode closes ({closure:yyyy-MM-dd}) before its referral ({referral:yyyy-MM-dd}).");
                closure = null;
            }

            var assessments = new List<CinAssessment>();
            foreach (var a in Children(details, "Assessments"))
            {
                var start = Date(Child(a, "AssessmentActualStartDate"));
                var authorised = Date(Child(a, "AssessmentAuthorisationDate"));
                if (start is null)
                {
                    Problem(a, "an assessment has no valid AssessmentActualStartDate: it is left out.");
                }
                else if (authorised < start)
                {
                    Problem(Child(a, "AssessmentAuthorisationDate")!, $"the assessment is authorised ({authorised:yyyy-MM-dd}) before it started ({start:yyyy-MM-dd}): it is left out.");
                }
                else
                {
                    assessments.Add(new CinAssessment(start.Value, authorised));
                }
            }

            var plans = Children(details, "CINPlanDates").Select(p => (Start: Date(Child(p, "CINPlanStartDate")), End: Date(Child(p, "CINPlanEndDate"))))
                .Where(p => p.Start is not null).Select(p => new CinPlan(p.Start!.Value, p.End)).ToList();

            var enquiries = new List<Section47Enquiry>();
            foreach (var s in Children(details, "Section47"))
            {
                var start = Date(Child(s, "S47ActualStartDate"));
                var conference = Date(Child(s, "DateOfInitialCPC"));
                if (start is null)
                {
                    Problem(s, "a section 47 has no valid S47ActualStartDate: it is left out.");
                }
                else if (conference < start)
                {
                    Problem(Child(s, "DateOfInitialCPC")!, $"the initial conference ({conference:yyyy-MM-dd}) is before the section 47 started ({start:yyyy-MM-dd}): it is left out.");
                }
                else
                {
                    enquiries.Add(new Section47Enquiry(start.Value, Date(Child(s, "InitialCPCtarget")), conference, Bool(Child(s, "ICPCnotRequired")) == true));
                }
            }

            var protection = new List<ProtectionPlan>();
            foreach (var p in Children(details, "ChildProtectionPlans"))
            {
                var start = Date(Child(p, "CPPstartDate"));
                var end = Date(Child(p, "CPPendDate"));
                if (start is null)
                {
                    Problem(p, "a child protection plan has no valid CPPstartDate: it is left out.");
                }
                else if (end < start)
                {
                    Problem(Child(p, "CPPendDate")!, $"the plan ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}): it is left out.");
                }
                else
                {
                    var previous = int.TryParse(Child(p, "NumberOfPreviousCPP")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
                    var reviews = Children(Child(p, "Reviews"), "CPPreviewDate").Select(Date).OfType<DateOnly>().Order().ToList();
                    protection.Add(new ProtectionPlan(start.Value, end, Child(p, "InitialCategoryOfAbuse")?.Value.Trim(), previous, reviews));
                }
            }

            return new CinEpisode(referral.Value, Text(details, "ReferralSource"), Bool(Child(details, "ReferralNFA")) == true, Text(details, "PrimaryNeedCode"),
                closure, Text(details, "ReasonForClosure"), assessments, plans, enquiries, protection);
        }

        private bool? Bool(XElement? e) => Flag(e, Problem);

        private static string? Text(XElement e, string name) => Child(e, name)?.Value.Trim() is { Length: > 0 } v ? v : null;

        private void Problem(XElement e, string rule) => problems.Add(new InputError(path, Line(e), e.Name.LocalName, $"child {id}: {rule}"));
    }
}
