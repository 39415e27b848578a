using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Outturn.Domain.ChildLevel;
using static Outturn.Formats.XmlFile;

namespace Outturn.Formats.Sen2;

/// <summary>One SEN2 return as read: its reference date, the requests, and every problem found.</summary>
/// <param name="File">The file as named.</param>
/// <param name="ReferenceDate">The census reference date (the January census day of the collection).</param>
/// <param name="Data">The requests; a request with an error is left out, the rest of the person kept.</param>
/// <param name="Problems">Every problem, each naming file, line, element, person and rule.</param>
public sealed record Sen2File(string File, DateOnly ReferenceDate, SpecialNeedsData Data, IReadOnlyList<InputError> Problems)
{
    /// <summary>The authority that made the return (<c>Header/Source/LEA</c>), empty when the header does not say.</summary>
    public string Authority { get; init; } = "";
}

/// <summary>
/// Reads the SEN2 person-level return (XML; domain-anchors.md §2, element names as <c>data-to-insight/patch</c> lists
/// them): <c>Message/Persons/Person</c>, each with <c>Requests</c> (<c>ReceivedDate</c>, <c>RequestMediation</c>,
/// <c>RequestTribunal</c>), their <c>Assessment</c> (<c>AssessmentOutcome</c>, <c>AssessmentOutcomeDate</c>,
/// <c>AssessmentMediation</c>, <c>AssessmentTribunal</c>, <c>Week20</c>) and its <c>NamedPlan/StartDate</c>, the date
/// the final plan was issued. Other elements are ignored. Names, postcodes and other personal details are not kept.
/// </summary>
public static class Sen2Reader
{
    /// <summary>Reads a file, listing problems; the caller refuses it when there are any.</summary>
    /// <exception cref="InputException">The file is missing, not XML, or not a SEN2 return at all.</exception>
    public static Sen2File Read(string path)
    {
        var problems = new List<InputError>();
        DateOnly reference = default;
        var authority = "";
        var requests = new List<EhcRequest>();
        var seen = new Dictionary<(string, DateOnly), int>();
        var (root, persons) = ReadMessage(path, "Persons", "Person", (header, source) =>
        {
            authority = Child(source, "LEA")?.Value.Trim() ?? "";
            reference = ParseDate(Child(header, "ReferenceDate"))
                ?? (Number(Child(header, "Year")) is { } y ? new DateOnly(y, 1, 31) : (DateOnly?)null)
                ?? throw new InputException(new InputError(path, Line(header), "ReferenceDate", "the header gives neither a valid ReferenceDate nor a Year."));
        }, ReadPerson);
        if (root?.Name != "Message" || persons is null)
        {
            throw new InputException(new InputError(path, Line(root), root?.Name, "this is not a SEN2 file: expected Message with Header and Persons."));
        }

        return new Sen2File(path, reference, new SpecialNeedsData(Ordered(requests)), problems) { Authority = authority };

        void ReadPerson(ReturnElement person)
        {
            if (PersonId(person) is not { } id)
            {
                problems.Add(new InputError(path, Line(person), "UPN", "a person has no UPN, no UniqueLearnerNumber, and no name and birth date to tell them by: the person is left out."));
                return;
            }

            var ctx = new PersonContext(path, id, reference, problems);
            foreach (var element in Children(person, "Requests"))
            {
                if (ctx.Request(element) is not { } request)
                {
                    continue;
                }

                if (seen.TryAdd((id, request.Received), Line(element) ?? 0))
                {
                    requests.Add(request with { Authority = authority });
                }
                else
                {
                    problems.Add(new InputError(path, Line(element), "ReceivedDate",
                        $"person {id}: a second request received {request.Received:yyyy-MM-dd} (first at line {seen[(id, request.Received)]}): it is left out."));
                }
            }
        }
    }

    /// <summary>Reads every <c>*.xml</c> in a folder (or one file).</summary>
    public static IReadOnlyList<Sen2File> ReadAll(string fileOrFolder) =>
        Directory.Exists(fileOrFolder)
            ? InOrder.Map([.. Directory.GetFiles(fileOrFolder, "*.xml").Order(StringComparer.Ordinal)], Read)
            : [Read(fileOrFolder)];

    private static List<EhcRequest> Ordered(IEnumerable<EhcRequest> requests) =>
        [.. requests.OrderBy(r => r.PersonId, StringComparer.Ordinal).ThenBy(r => r.Received)];

    /// <summary>
    /// The UPN, else the unique learner number, else (for a person with neither, <c>UPNunknown</c>) a key derived from
    /// name and birth date, so the person is the same across years without their name leaving the reader.
    /// </summary>
    private static string? PersonId(ReturnElement person)
    {
        static string? Text(ReturnElement e, string name) => Child(e, name)?.Value.Trim() is { Length: > 0 } v ? v : null;

        if ((Text(person, "UPN") ?? Text(person, "UniqueLearnerNumber")) is { } id)
        {
            return id;
        }

        if (Text(person, "Surname") is not { } surname || Text(person, "PersonBirthDate") is not { } birth)
        {
            return null;
        }

        var key = $"{surname.ToUpperInvariant()}|{Text(person, "Forename")?.ToUpperInvariant()}|{birth}";
        return "P-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
    }

    /// <summary>Reads one person's requests, recording problems against the person.</summary>
    private sealed class PersonContext(string path, string id, DateOnly reference, List<InputError> problems)
    {
        public EhcRequest? Request(ReturnElement request)
        {
            var received = Date(Child(request, "ReceivedDate"));
            if (received is null)
            {
                Problem(Child(request, "ReceivedDate") ?? request, "a request has no valid ReceivedDate: it is left out.");
                return null;
            }

            var disputed = Flag(Child(request, "RequestMediation")) == true | Flag(Child(request, "RequestTribunal")) == true;
            var assessments = new List<EhcAssessment>();
            foreach (var a in Children(request, "Assessment"))
            {
                var outcomeDate = Date(Child(a, "AssessmentOutcomeDate"));
                var issued = Date(Child(Child(a, "NamedPlan"), "StartDate"));
                var bad = false;
                if (outcomeDate < received)
                {
                    Problem(Child(a, "AssessmentOutcomeDate")!, $"the assessment outcome ({outcomeDate:yyyy-MM-dd}) is before the request was received ({received:yyyy-MM-dd}).");
                    bad = true;
                }

                if (issued < received)
                {
                    Problem(Child(Child(a, "NamedPlan"), "StartDate")!, $"the plan is issued ({issued:yyyy-MM-dd}) before the request was received ({received:yyyy-MM-dd}).");
                    bad = true;
                }

                var assessmentDisputed = Flag(Child(a, "AssessmentMediation")) == true | Flag(Child(a, "AssessmentTribunal")) == true;
                var exceptions = Flag(Child(a, "Week20"));
                if (!bad)
                {
                    assessments.Add(new EhcAssessment(Child(a, "AssessmentOutcome")?.Value.Trim() is { Length: > 0 } o ? o : null, outcomeDate, assessmentDisputed, exceptions, issued));
                }
            }

            return new EhcRequest(id, received.Value, disputed, assessments);
        }

        private DateOnly? Date(ReturnElement? e)
        {
            var d = XmlFile.Date(e, Problem);
            if (d > reference)
            {
                Problem(e!, $"{d:yyyy-MM-dd} is after the census reference date {reference:yyyy-MM-dd}.");
            }

            return d;
        }

        private bool? Flag(ReturnElement? e) => XmlFile.Flag(e, Problem);

        private void Problem(ReturnElement e, string rule) => problems.Add(new InputError(path, Line(e), e.Name, $"person {id}: {rule}"));
    }
}
