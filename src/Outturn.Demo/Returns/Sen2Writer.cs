using System.Globalization;
using System.Xml;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes the demo LA's SEN2 return as made on a reference date: <c>Message/Header</c>, then <c>Persons/Person</c> with
/// <c>Requests</c>, <c>Assessment</c> and <c>NamedPlan</c>, in the element names <see cref="Formats.Sen2.Sen2Reader"/> reads. Only
/// what had happened by the reference date is written: a plan issued later is not yet in the return.
/// </summary>
/// <remarks>
/// Outcome codes are written as A (yes: assess, issue) and B (no); Outturn reads only the dates, the mediation and
/// tribunal flags and <c>Week20</c>, so the codes decide nothing here. Names are placeholders: the demo has none.
/// </remarks>
public static class Sen2Writer
{
    /// <summary>Writes the return to a stream (UTF-8, no byte order mark, 4-space indent).</summary>
    public static void Write(IReadOnlyList<SenPerson> people, DemoAuthority authority, DateOnly reference, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(authority);
        using var xml = XmlWriter.Create(stream, ReturnXml.WriterSettings());
        ReturnXml.WriteHeader(xml, "SEN2", reference.Year, reference, authority.OldLaCode);
        xml.WriteStartElement("Persons");
        var serial = 0;
        foreach (var person in people)
        {
            serial++;
            var requests = person.Requests.Where(r => SpecialNeedsDemo.InReturn(r, reference)).ToList();
            if (requests.Count == 0)
            {
                continue;
            }

            xml.WriteStartElement("Person");
            xml.WriteElementString("Surname", "Person" + serial.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("Forename", "Demo");
            xml.WriteElementString("PersonBirthDate", Date(person.BirthDate));
            xml.WriteElementString("Sex", person.Sex == ChildSex.Male ? "M" : "F");
            xml.WriteElementString("UPN", person.Upn);
            foreach (var request in requests)
            {
                WriteRequest(xml, request, reference);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteRequest(XmlWriter xml, SenRequest r, DateOnly reference)
    {
        xml.WriteStartElement("Requests");
        xml.WriteElementString("ReceivedDate", Date(r.Received));
        xml.WriteElementString("RYA", "0");
        if (r.Decided <= reference)
        {
            xml.WriteElementString("RequestOutcomeDate", Date(r.Decided));
            xml.WriteElementString("RequestOutcome", r.Assess ? "A" : "B");
        }

        xml.WriteElementString("RequestMediation", "0");
        xml.WriteElementString("RequestTribunal", "0");
        xml.WriteElementString("Exported", "0");
        if (r.Assess && r.Decided <= reference)
        {
            xml.WriteStartElement("Assessment");
            if (r.Assessed is { } assessed && assessed <= reference)
            {
                xml.WriteElementString("AssessmentOutcome", r.IssuePlan == true ? "A" : "B");
                xml.WriteElementString("AssessmentOutcomeDate", Date(assessed));
            }

            xml.WriteElementString("AssessmentMediation", "0");
            xml.WriteElementString("AssessmentTribunal", r.Disputed && r.Issued <= reference ? "1" : "0");
            if (r.Issued is { } issued && issued <= reference)
            {
                xml.WriteElementString("Week20", r.ExceptionsApply ? "1" : "0");
                xml.WriteStartElement("NamedPlan");
                xml.WriteElementString("StartDate", Date(issued));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Date(DateOnly d) => ReturnXml.DateText(d);
}
