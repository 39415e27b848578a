using System.Globalization;
using System.Text;
using System.Xml;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes a year's CIN census as the DfE XML: <c>Message/Header/CollectionDetails</c> and <c>Source</c>, then
/// <c>Children/Child</c> with <c>ChildIdentifiers</c>, <c>ChildCharacteristics</c> and <c>CINdetails</c>, every
/// element in the order of the DfE schema. Dates are yyyy-mm-dd; yes/no items are 0 / 1.
/// </summary>
/// <remarks>
/// The child's sex is <c>GenderCurrent</c> (1 male, 2 female) up to 2023-24 and <c>Sex</c> (M, F) from 2024-25, as in
/// the DfE schemas of those years (CIN_schema_2023.xsd, CIN_schema_2025.xsd) and the DfE CIN validator's 2024-25
/// rules. Initial conferences are recorded on the section 47 module only, never also on <c>CINdetails</c>. The
/// <c>Source/DateTime</c> is the census date at 18:00, so the file never depends on when it was written.
/// </remarks>
public static class CinCensusWriter
{
    /// <summary>The first census with <c>Sex</c> rather than <c>GenderCurrent</c>.</summary>
    public static readonly FinancialYear FirstSexYear = new(2024);

    /// <summary>Writes the census of one year for the LA to a stream (UTF-8, no byte order mark, 4-space indent).</summary>
    public static void Write(CinCensusYear census, DemoAuthority authority, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(authority);
        using var xml = XmlWriter.Create(stream, ReturnXml.WriterSettings());
        var year = census.Year;
        ReturnXml.WriteHeader(xml, "CIN", year.EndYear, year.End, authority.OldLaCode);
        xml.WriteStartElement("Children");
        foreach (var child in census.Children)
        {
            WriteChild(xml, child, year >= FirstSexYear);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The census as text.</summary>
    public static string ToText(CinCensusYear census, DemoAuthority authority)
    {
        using var stream = new MemoryStream();
        Write(census, authority, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteChild(XmlWriter xml, CinCensusChild entry, bool sex)
    {
        var child = entry.Child;
        xml.WriteStartElement("Child");
        xml.WriteStartElement("ChildIdentifiers");
        xml.WriteElementString("LAchildID", child.Id);
        xml.WriteElementString(entry.Upn.StartsWith("UN", StringComparison.Ordinal) ? "UPNunknown" : "UPN", entry.Upn);
        xml.WriteElementString("PersonBirthDate", Date(child.BirthDate));
        if (sex)
        {
            xml.WriteElementString("Sex", child.Sex == ChildSex.Male ? "M" : "F");
        }
        else
        {
            xml.WriteElementString("GenderCurrent", child.Sex == ChildSex.Male ? "1" : "2");
        }

        xml.WriteEndElement();
        xml.WriteStartElement("ChildCharacteristics");
        xml.WriteElementString("Ethnicity", child.Ethnicity);
        xml.WriteStartElement("Disabilities");
        foreach (var disability in child.Disabilities)
        {
            xml.WriteElementString("Disability", disability);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var episode in entry.Episodes)
        {
            WriteEpisode(xml, episode);
        }

        xml.WriteEndElement();
    }

    private static void WriteEpisode(XmlWriter xml, SyntheticCinEpisode episode)
    {
        xml.WriteStartElement("CINdetails");
        xml.WriteElementString("CINreferralDate", Date(episode.ReferralDate));
        xml.WriteElementString("ReferralSource", episode.ReferralSource);
        Optional(xml, "PrimaryNeedCode", episode.PrimaryNeed);
        Optional(xml, "CINclosureDate", Date(episode.ClosureDate));
        Optional(xml, "ReasonForClosure", episode.ClosureReason);
        foreach (var assessment in episode.Assessments)
        {
            xml.WriteStartElement("Assessments");
            xml.WriteElementString("AssessmentActualStartDate", Date(assessment.Start));
            Optional(xml, "AssessmentAuthorisationDate", Date(assessment.Authorised));
            if (assessment.Authorised is not null && assessment.Factors.Count > 0)
            {
                xml.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var factor in assessment.Factors)
                {
                    xml.WriteElementString("AssessmentFactors", factor);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var plan in episode.CinPlans)
        {
            xml.WriteStartElement("CINPlanDates");
            xml.WriteElementString("CINPlanStartDate", Date(plan.Start));
            Optional(xml, "CINPlanEndDate", Date(plan.End));
            xml.WriteEndElement();
        }

        foreach (var enquiry in episode.Section47s)
        {
            xml.WriteStartElement("Section47");
            xml.WriteElementString("S47ActualStartDate", Date(enquiry.Start));
            xml.WriteElementString("InitialCPCtarget", Date(enquiry.ConferenceTarget));
            Optional(xml, "DateOfInitialCPC", Date(enquiry.ConferenceDate));
            xml.WriteElementString("ICPCnotRequired", enquiry.ConcludedWithoutConference is null ? "0" : "1");
            xml.WriteEndElement();
        }

        xml.WriteElementString("ReferralNFA", episode.ReferralNfa ? "1" : "0");
        foreach (var plan in episode.ProtectionPlans)
        {
            xml.WriteStartElement("ChildProtectionPlans");
            xml.WriteElementString("CPPstartDate", Date(plan.Start));
            Optional(xml, "CPPendDate", Date(plan.End));
            xml.WriteElementString("InitialCategoryOfAbuse", plan.InitialCategory);
            xml.WriteElementString("LatestCategoryOfAbuse", plan.LatestCategory);
            xml.WriteElementString("NumberOfPreviousCPP", plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            if (plan.Reviews.Count > 0)
            {
                xml.WriteStartElement("Reviews");
                foreach (var review in plan.Reviews)
                {
                    xml.WriteElementString("CPPreviewDate", Date(review));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Date(DateOnly date) => ReturnXml.DateText(date);

    private static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;
}
