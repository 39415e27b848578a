using System.Xml;
using System.Xml.Linq;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Ssda903;

/// <summary>Turns the SSDA903 XML form into the CSV tables' shape, so both are read and checked by the same code.</summary>
internal static class Ssda903Xml
{
    public static IReadOnlyList<Table> Tables(string path)
    {
        var document = XmlFile.Load(path);

        if (document.Root?.Name.LocalName != "EXPSSDA903")
        {
            throw new InputException(new InputError(path, null, null, "this is not an SSDA903 XML file: expected EXPSSDA903."));
        }

        List<TableRow> header = [], episodes = [], oc2 = [], oc3 = [], missing = [];
        foreach (var child in document.Root.Elements("CHILD"))
        {
            var head = child.Element("HEADER");
            var id = head?.Element("CHILDID")?.Value.Trim() ?? "";
            var dob = head?.Element("DOB")?.Value.Trim() ?? "";
            header.Add(Row(head ?? child, ("CHILD", id), ("SEX", V(head, "SEX")), ("DOB", dob), ("UPN", V(head, "UPN"))));
            foreach (var e in child.Elements("EPISODE"))
            {
                episodes.Add(Row(e, ("CHILD", id), ("DECOM", V(e, "DECOM")), ("RNE", V(e, "RNE")), ("LS", V(e, "LS")), ("CIN", V(e, "CIN")),
                    ("PLACE", V(e, "PL")), ("PLACE_PROVIDER", V(e, "PLACE_PROVIDER")), ("DEC", V(e, "DEC")), ("REC", V(e, "REC")), ("REASON_PLACE_CHANGE", V(e, "REASON_PLACE_CHANGE"))));
            }

            if (head?.Element("OC2") is { } o)
            {
                oc2.Add(Row(o, ("CHILD", id), ("HEALTH_CHECK", V(o, "HEALTH_CHECK")), ("IMMUNISATIONS", V(o, "IMMUNISATIONS")), ("TEETH_CHECK", V(o, "TEETH_CHECK")), ("HEALTH_ASSESSMENT", V(o, "HEALTH_ASSESSMENT"))));
            }

            if (head?.Element("IN_TOUCH") is { } touch)
            {
                oc3.Add(Row(touch, ("CHILD", id), ("DOB", dob), ("IN_TOUCH", touch.Value.Trim()), ("ACTIV", V(head, "ACTIV")), ("ACCOM", V(head, "ACCOM"))));
            }

            foreach (var m in head?.Elements("AMISSING") ?? [])
            {
                missing.Add(Row(m, ("CHILD", id), ("MISSING", V(m, "MISSING")), ("MIS_START", V(m, "MIS_START")), ("MIS_END", V(m, "MIS_END"))));
            }
        }

        return
        [
            new Table(path, ["CHILD", "SEX", "DOB", "UPN"], header),
            new Table(path, ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE"], episodes),
            new Table(path, ["CHILD", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT"], oc2),
            new Table(path, ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"], oc3),
            new Table(path, ["CHILD", "MISSING", "MIS_START", "MIS_END"], missing),
        ];
    }

    private static string V(XElement? e, string name) => e?.Element(name)?.Value.Trim() ?? "";

    private static TableRow Row(XElement at, params (string Column, string Value)[] cells) =>
        new(at is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0, cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.OrdinalIgnoreCase));
}
