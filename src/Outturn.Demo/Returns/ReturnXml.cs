using System.Globalization;
using System.Xml;

namespace Outturn.Demo.Returns;

/// <summary>How the demo's XML returns (CIN census, SEN2) are written: settings, the DfE header, dates.</summary>
internal static class ReturnXml
{
    /// <summary>A date as the DfE XML returns write it: yyyy-mm-dd.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How the demo returns are written: UTF-8 without a byte order mark, 4-space indent, \n line ends.</summary>
    public static XmlWriterSettings WriterSettings() =>
        new() { Encoding = new System.Text.UTF8Encoding(false), Indent = true, IndentChars = "    ", NewLineChars = "\n" };

    /// <summary>
    /// Opens a DfE return: <c>Message/Header</c> with <c>CollectionDetails</c> and <c>Source</c>, left open at
    /// <c>Message</c>. The <c>Source/DateTime</c> is the reference date at 18:00, so a file never depends on when it was written.
    /// </summary>
    public static void WriteHeader(XmlWriter xml, string collection, int year, DateOnly reference, string lea)
    {
        var date = DateText(reference);
        xml.WriteStartDocument();
        xml.WriteStartElement("Message");
        xml.WriteStartElement("Header");
        xml.WriteStartElement("CollectionDetails");
        xml.WriteElementString("Collection", collection);
        xml.WriteElementString("Year", year.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("ReferenceDate", date);
        xml.WriteEndElement();
        xml.WriteStartElement("Source");
        xml.WriteElementString("SourceLevel", "L");
        xml.WriteElementString("LEA", lea);
        xml.WriteElementString("SoftwareCode", "Outturn demo");
        xml.WriteElementString("Release", "1");
        xml.WriteElementString("SerialNo", "001");
        xml.WriteElementString("DateTime", date + "T18:00:00");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
