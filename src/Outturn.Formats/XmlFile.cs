using System.Globalization;
using System.Xml;

namespace Outturn.Formats;

/// <summary>
/// An element of an XML return as read: its local name, the line it starts on, its text, and its child elements.
/// Lighter than an <c>XElement</c> (no namespaces, attributes or parents, which no return uses), so a reader can hold
/// one record's elements at a time.
/// </summary>
internal sealed class ReturnElement(string name, int line, int depth)
{
    private List<ReturnElement>? _children;
    private string? _text;

    /// <summary>The local name (any namespace).</summary>
    public string Name { get; } = name;

    /// <summary>The line the element starts on.</summary>
    public int Line { get; } = line;

    /// <summary>How deep the element is: the root is 0.</summary>
    public int Depth { get; } = depth;

    /// <summary>The element's own text (its text and CDATA nodes together), empty when it has none.</summary>
    public string Value => _text ?? "";

    /// <summary>The child elements in document order; none for an element yielded before its content (an ancestor of the records).</summary>
    public IReadOnlyList<ReturnElement> Elements => _children ?? (IReadOnlyList<ReturnElement>)[];

    internal void Add(ReturnElement child) => (_children ??= []).Add(child);

    internal void Append(string text) => _text = _text is null ? text : _text + text;
}

/// <summary>
/// Reads an XML return as a stream of records with line numbers, so every problem can name the line it is on and no
/// more than one record is held at a time.
/// </summary>
internal static class XmlFile
{
    /// <summary>
    /// The elements of the file in document order, in one pass: each element above <paramref name="recordDepth"/> as it
    /// is entered (name and line, no content), each element at <paramref name="recordDepth"/> whole (its content read).
    /// With <paramref name="recordDepth"/> 2 a census gives <c>Message</c>, <c>Header</c>, each of the header's
    /// elements whole, <c>Children</c>, then each <c>Child</c> whole.
    /// </summary>
    /// <remarks>DTDs are refused and <see cref="InputLimits"/> kept to as the file is read, so a hostile file is a
    /// located error; whitespace between elements is ignored.</remarks>
    /// <exception cref="InputException">The file is missing, is not well-formed XML, or breaks a limit (thrown while
    /// enumerating, at the point of the file it is found).</exception>
    public static IEnumerable<ReturnElement> Read(string path, int recordDepth)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        InputLimits.CheckFileSize(path);
        return Elements(path, recordDepth);
    }

    private static IEnumerable<ReturnElement> Elements(string path, int recordDepth)
    {
        using var reader = XmlReader.Create(path, InputLimits.Settings(ignoreWhitespace: true));
        var lines = (IXmlLineInfo)reader;
        var elements = 0;
        while (true)
        {
            ReturnElement? next;
            try
            {
                next = Next(reader, lines, recordDepth, ref elements);
            }
            catch (XmlException e)
            {
                throw new InputException(new InputError(path, e.LineNumber > 0 ? e.LineNumber : null, null, $"the file is not well-formed XML: {e.Message}"));
            }

            if (next is null)
            {
                yield break;
            }

            yield return next;
        }
    }

    /// <summary>
    /// Reads a return laid out as the DfE's XML collections are: <c>Message</c>, its first <c>Header</c> (with
    /// <c>CollectionDetails</c> and <c>Source</c>), then the first <paramref name="section"/> (<c>Children</c>,
    /// <c>Persons</c>) of <paramref name="record"/> elements, each given whole to <paramref name="onRecord"/> in file
    /// order once <paramref name="onHeader"/> has been told the header. The header comes first in a schema-valid file;
    /// records before it wait for it. Stops at a root that is not <c>Message</c>.
    /// </summary>
    /// <returns>The root, and the section (null when the file has none, and then <paramref name="onHeader"/> is not called).</returns>
    public static (ReturnElement? Root, ReturnElement? Section) ReadMessage(
        string path, string section, string record, Action<ReturnElement?, ReturnElement?> onHeader, Action<ReturnElement> onRecord)
    {
        ReturnElement? root = null, collection = null, source = null, found = null;
        bool headerSeen = false, inHeader = false, inSection = false, told = false;
        List<ReturnElement> waiting = [];
        foreach (var element in Read(path, recordDepth: 2))
        {
            switch (element.Depth)
            {
                case 0 when element.Name != "Message":
                    return (element, null);
                case 0:
                    root = element;
                    break;
                case 1:
                    // The first Header and the first section are the return's, as a schema-valid file has one each.
                    inHeader = element.Name == "Header" && !headerSeen;
                    headerSeen |= inHeader;
                    inSection = element.Name == section && found is null;
                    if (inSection)
                    {
                        found = element;
                        if (headerSeen)
                        {
                            onHeader(collection, source);
                            told = true;
                        }
                    }

                    break;
                case 2 when inHeader:
                    collection ??= element.Name == "CollectionDetails" ? element : null;
                    source ??= element.Name == "Source" ? element : null;
                    break;
                case 2 when inSection && element.Name == record:
                    if (told)
                    {
                        onRecord(element);
                    }
                    else
                    {
                        waiting.Add(element);
                    }

                    break;
            }
        }

        if (found is not null && !told)
        {
            onHeader(collection, source);
            waiting.ForEach(onRecord);
        }

        return (root, found);
    }

    /// <summary>The next element to yield, or null at the end of the file.</summary>
    private static ReturnElement? Next(XmlReader reader, IXmlLineInfo lines, int recordDepth, ref int elements)
    {
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            InputLimits.Check(reader, ref elements);
            var element = new ReturnElement(reader.LocalName, lines.LineNumber, reader.Depth);
            if (reader.Depth == recordDepth && !reader.IsEmptyElement)
            {
                ReadContent(reader, lines, element, ref elements);
            }

            return element;
        }

        return null;
    }

    /// <summary>Reads an element's content, the reader on its start; leaves the reader on its end.</summary>
    private static void ReadContent(XmlReader reader, IXmlLineInfo lines, ReturnElement record, ref int elements)
    {
        var open = new Stack<ReturnElement>();
        var current = record;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    InputLimits.Check(reader, ref elements);
                    var child = new ReturnElement(reader.LocalName, lines.LineNumber, reader.Depth);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                    {
                        open.Push(current);
                        current = child;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    current.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (open.Count == 0)
                    {
                        return;
                    }

                    current = open.Pop();
                    break;
            }
        }
    }

    /// <summary>The first child element with this local name, or null.</summary>
    public static ReturnElement? Child(ReturnElement? e, string name)
    {
        if (e is null)
        {
            return null;
        }

        foreach (var child in e.Elements)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The child elements with this local name.</summary>
    public static IEnumerable<ReturnElement> Children(ReturnElement? e, string name) => e?.Elements.Where(x => x.Name == name) ?? [];

    /// <summary>The line an element is on.</summary>
    public static int? Line(ReturnElement? e) => e?.Line;

    /// <summary>An element's text, trimmed; empty when absent.</summary>
    public static string Text(ReturnElement? e) => e?.Value.Trim() ?? "";

    /// <summary>Reads a yyyy-mm-dd element; null when absent, empty or not such a date.</summary>
    public static DateOnly? ParseDate(ReturnElement? e) => e is null ? null : ParseIsoDate(e.Value.AsSpan().Trim());

    /// <summary>A yyyy-mm-dd date (as <c>DateOnly.TryParseExact</c> with that format reads it), or null.</summary>
    internal static DateOnly? ParseIsoDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return null;
        }

        if (Digits(s[..4]) is not { } year || Digits(s.Slice(5, 2)) is not { } month || Digits(s.Slice(8, 2)) is not { } day)
        {
            return null;
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static int? Digits(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>Reads a yyyy-mm-dd element (null when absent or empty), reporting one that is not such a date to <paramref name="problem"/>.</summary>
    public static DateOnly? Date(ReturnElement? e, Action<ReturnElement, string> problem)
    {
        if (e is null || e.Value.AsSpan().Trim().Length == 0)
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
    public static bool? Flag(ReturnElement? e, Action<ReturnElement, string> problem)
    {
        var value = e is null ? default : e.Value.AsSpan().Trim();
        if (e is null || value.IsEmpty)
        {
            return null;
        }

        if (value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value is "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        problem(e, $"'{value}' is not true/false or 1/0.");
        return null;
    }

    /// <summary>A whole number in the element, or null.</summary>
    public static int? Number(ReturnElement? e) =>
        e is not null && int.TryParse(e.Value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
