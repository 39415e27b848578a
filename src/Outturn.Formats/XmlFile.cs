using System.Xml;
using System.Xml.Linq;

namespace Outturn.Formats;

/// <summary>Loads an XML return with line numbers, so every problem can name the line it is on.</summary>
internal static class XmlFile
{
    /// <remarks>DTDs are refused and <see cref="InputLimits"/> kept to, so a hostile file is a located error.</remarks>
    /// <exception cref="InputException">The file is missing, is not well-formed XML, or breaks a limit.</exception>
    public static XDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        InputLimits.CheckFileSize(path);
        try
        {
            // One pass checks the limits before the document is built, so no reader walks a tree deeper or larger.
            using (var scan = XmlReader.Create(path, InputLimits.Settings()))
            {
                var elements = 0;
                while (scan.Read())
                {
                    InputLimits.Check(scan, ref elements);
                }
            }

            using var reader = XmlReader.Create(path, InputLimits.Settings(ignoreWhitespace: true));
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InputException(new InputError(path, e.LineNumber > 0 ? e.LineNumber : null, null, $"the file is not well-formed XML: {e.Message}"));
        }
    }

    /// <summary>The first child element with this local name (any namespace), or null.</summary>
    public static XElement? Child(XElement? e, string name) => e?.Elements().FirstOrDefault(x => x.Name.LocalName == name);

    /// <summary>The child elements with this local name (any namespace).</summary>
    public static IEnumerable<XElement> Children(XElement? e, string name) => e?.Elements().Where(x => x.Name.LocalName == name) ?? [];

    /// <summary>The line a node is on, when the file was loaded with line information.</summary>
    public static int? Line(XObject? o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Reads a yyyy-mm-dd element; null when absent, empty or not such a date.</summary>
    public static DateOnly? ParseDate(XElement? e) =>
        DateOnly.TryParseExact(e?.Value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Reads a yyyy-mm-dd element (null when absent or empty), reporting one that is not such a date to <paramref name="problem"/>.</summary>
    public static DateOnly? Date(XElement? e, Action<XElement, string> problem)
    {
        if (e is null || e.Value.Trim().Length == 0)
        {
            return null;
        }

        if (ParseDate(e) is { } d)
        {
            return d;
        }

        problem(e, $"'{e.Value.Trim()}' is not a date (yyyy-mm-dd).");
        return null;
    }

    /// <summary>Reads a 1/0 or true/false element (null when absent or empty), reporting any other value to <paramref name="problem"/>.</summary>
    public static bool? Flag(XElement? e, Action<XElement, string> problem)
    {
        switch (e?.Value.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "1" or "true":
                return true;
            case "0" or "false":
                return false;
            default:
                problem(e, $"'{e.Value.Trim()}' is not true/false or 1/0.");
                return null;
        }
    }
}
