using Outturn.Formats.Tables;

namespace Outturn.Formats.Ssda903;

/// <summary>Turns the SSDA903 XML form into the CSV tables' shape, so both are read and checked by the same code.</summary>
internal static class Ssda903Xml
{
    public static IReadOnlyList<Table> Tables(string path)
    {
        List<TableRow> header = [], episodes = [], oc2 = [], oc3 = [], missing = [];
        foreach (var child in XmlFile.Read(path, recordDepth: 1))
        {
            if (child.Depth == 0)
            {
                if (child.Name != "EXPSSDA903")
                {
                    throw new InputException(new InputError(path, null, null, "this is not an SSDA903 XML file: expected EXPSSDA903."));
                }

                continue;
            }

            if (child.Name != "CHILD")
            {
                continue;
            }

            var head = XmlFile.Child(child, "HEADER");
            var id = V(head, "CHILDID");
            var dob = V(head, "DOB");
            header.Add(Row(head ?? child, ("CHILD", id), ("SEX", V(head, "SEX")), ("DOB", dob), ("UPN", V(head, "UPN"))));
            foreach (var e in XmlFile.Children(child, "EPISODE"))
            {
                episodes.Add(Row(e, ("CHILD", id), ("DECOM", V(e, "DECOM")), ("RNE", V(e, "RNE")), ("LS", V(e, "LS")), ("CIN", V(e, "CIN")),
                    ("PLACE", V(e, "PL")), ("PLACE_PROVIDER", V(e, "PLACE_PROVIDER")), ("DEC", V(e, "DEC")), ("REC", V(e, "REC")), ("REASON_PLACE_CHANGE", V(e, "REASON_PLACE_CHANGE"))));
            }

            if (XmlFile.Child(head, "OC2") is { } o)
            {
                oc2.Add(Row(o, ("CHILD", id), ("HEALTH_CHECK", V(o, "HEALTH_CHECK")), ("IMMUNISATIONS", V(o, "IMMUNISATIONS")), ("TEETH_CHECK", V(o, "TEETH_CHECK")), ("HEALTH_ASSESSMENT", V(o, "HEALTH_ASSESSMENT"))));
            }

            if (XmlFile.Child(head, "IN_TOUCH") is { } touch)
            {
                oc3.Add(Row(touch, ("CHILD", id), ("DOB", dob), ("IN_TOUCH", touch.Value.Trim()), ("ACTIV", V(head, "ACTIV")), ("ACCOM", V(head, "ACCOM"))));
            }

            foreach (var m in XmlFile.Children(head, "AMISSING"))
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

    private static string V(ReturnElement? e, string name) => XmlFile.Text(XmlFile.Child(e, name));

    private static TableRow Row(ReturnElement at, params (string Column, string Value)[] cells) =>
        new(at.Line, cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.OrdinalIgnoreCase));
}
