using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Outturn.Testing.Fuzz;

/// <summary>
/// One way of spoiling a file: its family (the column of the reliability table), its name, and what it does to the
/// bytes. A transparent mutation changes the bytes but not the content (a byte order mark, UTF-16, a workbook zipped
/// again): the reader must read it exactly as it reads the seed.
/// </summary>
/// <param name="Family">The family, e.g. <c>encoding</c>.</param>
/// <param name="Name">The mutation, e.g. <c>utf16le-bom</c>.</param>
/// <param name="Apply">The mutation of a file's bytes, drawing any choice it makes from the random source.</param>
/// <param name="Transparent">Whether the content is unchanged, so the read must equal the seed's.</param>
public sealed record Mutation(string Family, string Name, Func<byte[], Random, byte[]> Apply, bool Transparent = false);

/// <summary>The seeded mutators, by format family: text (CSV and Markdown), XML, and XLSX workbooks.</summary>
public static partial class Mutators
{
    /// <summary>Numbers no reader should choke on: beyond decimal and double, not numbers at all, negative.</summary>
    private static readonly string[] HugeNumbers =
    [
        "99999999999999999999999999999999999999", "79228162514264337593543950336", "-79228162514264337593543950336",
        "1e400", "-1e400", "1E+308", "NaN", "Infinity", "-Infinity", "-0", "0.000000000000000000000000000000000001",
        "2147483648", "-2147483649", "4294967296", "18446744073709551616", "1,2,3", "١٢٣",
    ];

    /// <summary>Dates that are not dates, or are dates no return holds.</summary>
    private static readonly string[] BadDates =
    [
        "31/02/2024", "00/00/0000", "32/01/2024", "01/13/2024", "29/02/2023", "01/01/0001", "31/12/9999", "99/99/99999",
        "2024-02-30", "0000-00-00", "9999-12-31", "0001-01-01", "2024-13-01", "2024-13", "1899-12-30", "2024/02/01",
        "-2024-01-01", "20240101", "2024-1-1",
    ];

    /// <summary>Cells that a spreadsheet would run as formulas.</summary>
    private static readonly string[] Formulas =
        ["=1+1", "=HYPERLINK(\"http://127.0.0.1/\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1", "\r=1"];

    /// <summary>Each seed workbook with a part of 300 MB of zeros (deflated to a few hundred kilobytes): made once per seed.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], byte[]> SizeBombs = [];

    /// <summary>Each seed workbook with 12,000 parts more: made once per seed.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<byte[], byte[]> ManyParts = [];

    /// <summary>Ten thousand attributes, for one start tag.</summary>
    private static readonly string ManyAttributes = string.Concat(Enumerable.Range(0, 10_000).Select(i => $" a{i}=\"{i}\""));

    /// <summary>Mutations of a text file (CSV or Markdown).</summary>
    public static IReadOnlyList<Mutation> Text { get; } =
    [
        .. Bytes(),
        new("columns", "drop-column", (b, r) => Lines(b, lines => EachField(lines, r, (fields, k) => fields.RemoveAt(k)))),
        new("columns", "double-column", (b, r) => Lines(b, lines => EachField(lines, r, (fields, k) => fields.Insert(k, fields[k])))),
        new("columns", "extra-column", (b, r) => Lines(b, lines => lines.Select(l => l + ",extra").ToList())),
        new("columns", "short-row", (b, r) => Lines(b, lines => Pick(lines, r, 1, l => l.Split(',')[0]))),
        .. Encodings(xml: false),
        new("numbers", "huge-number", (b, r) => Replace(b, r, NumberToken(), _ => HugeNumbers[r.Next(HugeNumbers.Length)])),
        new("numbers", "negative-number", (b, r) => Replace(b, r, NumberToken(), m => "-" + m)),
        new("dates", "bad-date", (b, r) => Replace(b, r, DateToken(), _ => BadDates[r.Next(BadDates.Length)])),
        new("size", "long-field", (b, r) => Lines(b, lines => Pick(lines, r, 0, l => l + "," + new string('x', 40_000 + r.Next(200_000))))),
        new("size", "many-rows", (b, r) => Lines(b, lines => [.. lines, .. Enumerable.Repeat(lines[^1], 2_000 + r.Next(8_000))])),
        new("size", "many-columns", (b, r) => Lines(b, lines => Pick(lines, r, 0, l => l + string.Concat(Enumerable.Range(0, 5_000).Select(i => $",c{i}"))))),
        new("lines", "delete-line", (b, r) => Lines(b, lines => { lines.RemoveAt(r.Next(lines.Count)); return lines; })),
        new("lines", "duplicate-line", (b, r) => Lines(b, lines => { var i = r.Next(lines.Count); lines.Insert(i, lines[i]); return lines; })),
        new("lines", "blank-lines", (b, r) => Lines(b, lines => { lines.Insert(r.Next(lines.Count), ""); lines.Insert(0, " "); return lines; })),
        new("lines", "cr-line-ends", (b, r) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r'))),
        new("lines", "unbalanced-quote", (b, r) => Lines(b, lines => Pick(lines, r, 0, l => "\"" + l))),
        new("lines", "header-only", (b, r) => Lines(b, lines => [lines[0]])),
        new("lines", "empty", (b, r) => []),
        new("injection", "formula-cell", (b, r) => Lines(b, lines => EachField(lines, r, (fields, k) => fields[k] = Formulas[r.Next(Formulas.Length)], rowsOnly: true))),
    ];

    /// <summary>Mutations of an XML file.</summary>
    public static IReadOnlyList<Mutation> Xml { get; } =
    [
        .. Bytes(),
        .. Encodings(xml: true),
        new("numbers", "huge-number", (b, r) => Replace(b, r, NumberToken(), _ => HugeNumbers[r.Next(HugeNumbers.Length)])),
        new("numbers", "negative-number", (b, r) => Replace(b, r, NumberToken(), m => "-" + m)),
        new("dates", "bad-date", (b, r) => Replace(b, r, DateToken(), _ => BadDates[r.Next(BadDates.Length)])),
        new("entities", "billion-laughs", (b, r) => WithDoctype(b, Laughs, "&lol9;")),
        new("entities", "external-entity", (b, r) => WithDoctype(b, "<!ENTITY ext SYSTEM \"file:///etc/passwd\">", "&ext;")),
        new("entities", "external-dtd", (b, r) => WithDoctype(b, null, null, external: "http://127.0.0.1:9/evil.dtd")),
        new("entities", "parameter-entity", (b, r) => WithDoctype(b, "<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;", null)),
        new("entities", "undeclared-entity", (b, r) => Replace(b, r, TextNode(), _ => ">&nbsp;<")),
        new("structure", "deep-nesting", (b, r) => Nest(b, 1_000 + r.Next(100_000))),
        new("structure", "remove-element", (b, r) => Dom(b, r, e => e.Remove())),
        new("structure", "duplicate-element", (b, r) => Dom(b, r, e => e.AddAfterSelf(new XElement(e)))),
        new("structure", "rename-element", (b, r) => Dom(b, r, e => e.Name = e.Name.Namespace + "Renamed" + e.Name.LocalName)),
        new("structure", "empty-element", (b, r) => Dom(b, r, e => e.RemoveNodes())),
        new("structure", "wrong-root", (b, r) => Dom(b, r, e => e.Document!.Root!.Name = "Other", root: true)),
        new("structure", "unclosed-tag", (b, r) => Replace(b, r, EndTag(), _ => "")),
        new("size", "long-text", (b, r) => Dom(b, r, e => e.Value = new string('9', 40_000 + r.Next(200_000)), leaf: true)),
        new("size", "many-elements", (b, r) => Dom(b, r, e => e.AddAfterSelf(Enumerable.Range(0, 5_000 + r.Next(20_000)).Select(_ => new XElement(e))), leaf: true)),
        new("size", "many-attributes", (b, r) => Replace(b, r, StartTag(), m => m + ManyAttributes)),
    ];

    /// <summary>Mutations of an XLSX workbook: of the zip, of the parts inside it, and of the cells in its sheets.</summary>
    public static IReadOnlyList<Mutation> Xlsx { get; } =
    [
        .. Bytes(),
        new("zip", "drop-part", (b, r) => Zip(b, entries => entries.RemoveAt(r.Next(entries.Count)))),
        new("zip", "duplicate-part", (b, r) => Zip(b, entries => { var i = r.Next(entries.Count); entries.Insert(i, entries[i]); })),
        new("zip", "rezip", (b, r) => Zip(b, entries => entries.Reverse(), CompressionLevel.SmallestSize), Transparent: true),
        new("zip", "stored", (b, r) => Zip(b, _ => { }, CompressionLevel.NoCompression), Transparent: true),
        new("zip", "many-parts", (b, r) => ManyParts.GetValue(b, seed => Zip(seed, entries => entries.AddRange(Enumerable.Range(0, 12_000).Select(i => ($"xl/extra{i}.xml", "<a/>"u8.ToArray())))))),
        new("zip", "ratio-bomb", (b, r) => Zip(b, entries => Part(entries, r, _ => new byte[8_000_000 + r.Next(4_000_000)]))),
        new("zip", "size-bomb", (b, r) => SizeBombs.GetValue(b, seed => Zip(seed, entries => Part(entries, r, _ => new byte[300_000_000]), CompressionLevel.Fastest))),
        new("part", "corrupt-xml-part", (b, r) => Zip(b, entries => Part(entries, r, x => Xml[r.Next(Xml.Count)].Apply(x, r)))),
        new("part", "truncate-xml-part", (b, r) => Zip(b, entries => Part(entries, r, x => x[..r.Next(x.Length + 1)]))),
        new("part", "entity-in-part", (b, r) => Zip(b, entries => Part(entries, r, x => WithDoctype(x, Laughs, null)))),
        new("part", "deep-part", (b, r) => Zip(b, entries => Part(entries, r, x => Nest(x, 1_000 + r.Next(100_000))))),
        new("cells", "huge-number-cell", (b, r) => Cells(b, r, c => Value(c, HugeNumbers[r.Next(HugeNumbers.Length)], number: true))),
        new("cells", "negative-number-cell", (b, r) => Cells(b, r, c => Value(c, "-" + r.Next(1_000_000), number: true))),
        new("cells", "out-of-range-date", (b, r) => Cells(b, r, c => Value(c, new[] { "2958466", "-693594", "1e10", "-1", "0", "60", "2958465.9999999" }[r.Next(7)], number: true), dated: true)),
        new("cells", "bad-shared-string", (b, r) => Cells(b, r, c => { c.SetAttributeValue("t", "s"); Value(c, new[] { "999999", "-1", "abc", "", "2147483648" }[r.Next(5)]); })),
        new("cells", "bad-reference", (b, r) => Cells(b, r, c => c.SetAttributeValue("r", new[] { "XFDXFDXFD1", "ZZZZZZZZZZZZ1", "A0", "1A", "", "A99999999999", "XFE1", "A-1" }[r.Next(8)]))),
        new("cells", "bad-style", (b, r) => Cells(b, r, c => c.SetAttributeValue("s", new[] { "99999", "-1", "x", "4294967295" }[r.Next(4)]))),
        new("cells", "bad-type", (b, r) => Cells(b, r, c => c.SetAttributeValue("t", new[] { "d", "e", "b", "str", "inlineStr", "bogus", "n" }[r.Next(7)]))),
        new("cells", "bad-row-number", (b, r) => Cells(b, r, c => c.Parent?.SetAttributeValue("r", new[] { "4294967295", "0", "-1", "abc", "1048577" }[r.Next(5)]))),
        new("cells", "long-cell", (b, r) => Cells(b, r, c => { c.SetAttributeValue("t", "inlineStr"); c.RemoveNodes(); c.Add(new XElement(c.Name.Namespace + "is", new XElement(c.Name.Namespace + "t", new string('x', 40_000 + r.Next(100_000))))); })),
        new("cells", "formula-cell", (b, r) => Cells(b, r, c => c.Add(new XElement(c.Name.Namespace + "f", "HYPERLINK(\"http://127.0.0.1/\")")))),
        new("cells", "bad-date-text", (b, r) => Cells(b, r, c => { c.SetAttributeValue("t", "inlineStr"); c.RemoveNodes(); c.Add(new XElement(c.Name.Namespace + "is", new XElement(c.Name.Namespace + "t", BadDates[r.Next(BadDates.Length)]))); })),
    ];

    private const string Laughs =
        "<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" +
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" +
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">";

    [GeneratedRegex(@"(?<![\d.])\d+(\.\d+)?(?![\d.])")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}")]
    private static partial Regex DateToken();

    [GeneratedRegex(@">[^<]+<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"<[A-Za-z_][\w:.-]*")]
    private static partial Regex StartTag();

    [GeneratedRegex(@"</[^>]+>")]
    private static partial Regex EndTag();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex Declaration();

    /// <summary>The byte-level mutations every format shares.</summary>
    private static IEnumerable<Mutation> Bytes() =>
    [
        new("truncate", "truncate", (b, r) => b[..r.Next(b.Length + 1)]),
        new("truncate", "truncate-tail", (b, r) => b[..Math.Max(0, b.Length - 1 - r.Next(Math.Min(b.Length, 64)))]),
        new("flip-bytes", "flip-bytes", (b, r) => Flip(b, r, 1 + r.Next(8))),
        new("flip-bytes", "flip-many-bytes", (b, r) => Flip(b, r, 1 + r.Next(Math.Max(1, b.Length / 50)))),
        new("flip-bytes", "zero-run", (b, r) =>
        {
            var copy = (byte[])b.Clone();
            var start = r.Next(copy.Length + 1);
            Array.Clear(copy, start, Math.Min(copy.Length - start, 1 + r.Next(512)));
            return copy;
        }),
    ];

    private static IEnumerable<Mutation> Encodings(bool xml) =>
    [
        new("encoding", "utf8-bom", (b, r) => [.. Encoding.UTF8.GetPreamble(), .. Strip(b)], Transparent: true),
        new("encoding", "utf16le-bom", (b, r) => Encode(b, new UnicodeEncoding(false, true), xml, "utf-16"), Transparent: true),
        new("encoding", "utf16be-bom", (b, r) => Encode(b, new UnicodeEncoding(true, true), xml, "utf-16"), Transparent: true),
        new("encoding", "utf16le-no-bom", (b, r) => new UnicodeEncoding(false, false).GetBytes(Encoding.UTF8.GetString(Strip(b)))),
        new("encoding", "latin1", (b, r) => Encoding.Latin1.GetBytes(Insert(Encoding.UTF8.GetString(Strip(b)), r, "£ Zoë Brontë é"))),
        new("encoding", "nul-bytes", (b, r) => Insert(b, r, [0, 0, 0])),
        new("encoding", "invalid-utf8", (b, r) => Insert(b, r, [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80])),
    ];

    private static byte[] Strip(byte[] b) => b.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()) ? b[3..] : b;

    /// <summary>The text in another encoding with its byte order mark; XML says so in its declaration.</summary>
    private static byte[] Encode(byte[] b, Encoding encoding, bool xml, string name)
    {
        var text = Encoding.UTF8.GetString(Strip(b));
        if (xml)
        {
            var declaration = $"<?xml version=\"1.0\" encoding=\"{name}\"?>";
            text = Declaration().IsMatch(text) ? Declaration().Replace(text, declaration, 1) : declaration + text;
        }

        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private static byte[] Flip(byte[] b, Random r, int count)
    {
        var copy = (byte[])b.Clone();
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[r.Next(copy.Length)] = (byte)r.Next(256);
        }

        return copy;
    }

    private static byte[] Insert(byte[] b, Random r, byte[] what)
    {
        var at = r.Next(b.Length + 1);
        return [.. b[..at], .. what, .. b[at..]];
    }

    private static string Insert(string s, Random r, string what)
    {
        var at = r.Next(s.Length + 1);
        return s[..at] + what + s[at..];
    }

    private static byte[] Lines(byte[] b, Func<List<string>, List<string>> change)
    {
        var lines = Encoding.UTF8.GetString(b).Split('\n').ToList();
        return lines.Count == 0 ? b : Encoding.UTF8.GetBytes(string.Join('\n', change(lines)));
    }

    /// <summary>One line changed, at or after <paramref name="from"/>.</summary>
    private static List<string> Pick(List<string> lines, Random r, int from, Func<string, string> change)
    {
        var i = Math.Min(lines.Count - 1, from + r.Next(Math.Max(1, lines.Count - from)));
        lines[i] = change(lines[i]);
        return lines;
    }

    /// <summary>The same field (by position) changed on every line, or on every data row.</summary>
    private static List<string> EachField(List<string> lines, Random r, Action<List<string>, int> change, bool rowsOnly = false)
    {
        var k = r.Next(Math.Max(1, lines[0].Split(',').Length));
        return [.. lines.Select((l, i) =>
        {
            var fields = l.Split(',').ToList();
            if ((rowsOnly && i == 0) || k >= fields.Count)
            {
                return l;
            }

            change(fields, k);
            return string.Join(',', fields);
        })];
    }

    private static byte[] Replace(byte[] b, Random r, Regex token, Func<string, string> with)
    {
        var text = Encoding.UTF8.GetString(b);
        var matches = token.Matches(text);
        if (matches.Count == 0)
        {
            return b;
        }

        var m = matches[r.Next(matches.Count)];
        return Encoding.UTF8.GetBytes(text[..m.Index] + with(m.Value) + text[(m.Index + m.Length)..]);
    }

    /// <summary>A DOCTYPE (internal subset and/or external id) before the root, and an entity used in the first text.</summary>
    private static byte[] WithDoctype(byte[] b, string? subset, string? use, string? external = null)
    {
        var text = Encoding.UTF8.GetString(Strip(b));
        var root = RootName(text);
        var doctype = $"<!DOCTYPE {root}{(external is null ? "" : $" SYSTEM \"{external}\"")}{(subset is null ? "" : $" [{subset}]")}>";
        var declaration = Declaration().Match(text);
        var at = declaration.Success ? declaration.Length : 0;
        text = text[..at] + doctype + text[at..];
        if (use is not null && TextNode().Match(text, at + doctype.Length) is { Success: true } node)
        {
            text = text[..(node.Index + 1)] + use + text[(node.Index + 1)..];
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string RootName(string text)
    {
        var m = Regex.Match(text, @"<([A-Za-z_][\w:.-]*)");
        return m.Success ? m.Groups[1].Value : "root";
    }

    /// <summary>A chain of nested elements just inside the root.</summary>
    private static byte[] Nest(byte[] b, int depth)
    {
        var text = Encoding.UTF8.GetString(Strip(b));
        var root = Regex.Match(text, @"<[A-Za-z_][^>]*>");
        if (!root.Success)
        {
            return b;
        }

        var at = root.Index + root.Length;
        var nest = new StringBuilder(depth * 8);
        nest.Insert(0, "<n>", depth).Insert(nest.Length, "</n>", depth);
        return Encoding.UTF8.GetBytes(text[..at] + nest + text[at..]);
    }

    /// <summary>A random element changed through the DOM; a file that does not parse is returned as it is.</summary>
    private static byte[] Dom(byte[] b, Random r, Action<XElement> change, bool leaf = false, bool root = false)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(b);
            document = XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        }
        catch (System.Xml.XmlException)
        {
            return b;
        }

        var candidates = root ? [document.Root!] : document.Root!.Descendants().Where(e => !leaf || !e.HasElements).ToList();
        if (candidates.Count == 0)
        {
            return b;
        }

        change(candidates[r.Next(candidates.Count)]);
        using var output = new MemoryStream();
        try
        {
            document.Save(output);
        }
        catch (System.Xml.XmlException)
        {
            // The change cannot be written (a renamed element clashing with its own namespace declaration).
            return b;
        }

        return output.ToArray();
    }

    private static void Part(List<(string Name, byte[] Content)> entries, Random r, Func<byte[], byte[]> change)
    {
        var xml = entries.Select((e, i) => (e, i)).Where(x => x.e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || x.e.Name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)).ToList();
        if (xml.Count > 0)
        {
            var (entry, i) = xml[r.Next(xml.Count)];
            entries[i] = (entry.Name, change(entry.Content));
        }
    }

    /// <summary>The workbook's entries changed and zipped again; bytes that are no zip are returned as they are.</summary>
    private static byte[] Zip(byte[] b, Action<List<(string Name, byte[] Content)>> change, CompressionLevel level = CompressionLevel.Optimal)
    {
        List<(string Name, byte[] Content)> entries;
        try
        {
            using var input = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
            entries = [.. input.Entries.Select(e =>
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                return (e.FullName, m.ToArray());
            })];
        }
        catch (InvalidDataException)
        {
            return b;
        }

        change(entries);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>A random cell of a random worksheet changed; with <paramref name="dated"/>, a cell with a date format.</summary>
    private static byte[] Cells(byte[] b, Random r, Action<XElement> change, bool dated = false) => Zip(b, entries =>
    {
        var sheets = entries.Select((e, i) => (e, i)).Where(x => x.e.Name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && x.e.Name.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        if (sheets.Count == 0)
        {
            return;
        }

        var dateStyles = dated ? DateStyles(entries) : [];
        var (entry, index) = sheets[r.Next(sheets.Count)];
        XDocument document;
        try
        {
            document = XDocument.Load(new MemoryStream(entry.Content));
        }
        catch (System.Xml.XmlException)
        {
            return;
        }

        var cells = document.Descendants().Where(e => e.Name.LocalName == "c").ToList();
        if (dated && dateStyles.Count > 0)
        {
            var withDate = cells.Where(c => dateStyles.Contains((string?)c.Attribute("s") ?? "")).ToList();
            if (withDate.Count == 0 && cells.Count > 0)
            {
                var c = cells[r.Next(cells.Count)];
                c.SetAttributeValue("s", dateStyles.First());
                withDate.Add(c);
            }

            cells = withDate;
        }

        if (cells.Count == 0)
        {
            return;
        }

        change(cells[r.Next(cells.Count)]);
        using var output = new MemoryStream();
        document.Save(output);
        entries[index] = (entry.Name, output.ToArray());
    });

    /// <summary>The style indexes whose number format is a built-in date (14 to 22) or a custom one with d, m or y.</summary>
    private static HashSet<string> DateStyles(List<(string Name, byte[] Content)> entries)
    {
        var styles = entries.FirstOrDefault(e => e.Name == "xl/styles.xml").Content;
        if (styles is null)
        {
            return [];
        }

        try
        {
            var document = XDocument.Load(new MemoryStream(styles));
            var custom = document.Descendants().Where(e => e.Name.LocalName == "numFmt")
                .Where(f => ((string?)f.Attribute("formatCode") ?? "").Any(ch => ch is 'd' or 'm' or 'y'))
                .Select(f => (string?)f.Attribute("numFmtId")).ToHashSet();
            var xfs = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "cellXfs")?.Elements().ToList() ?? [];
            return [.. xfs.Select((xf, i) => (id: (string?)xf.Attribute("numFmtId") ?? "0", i))
                .Where(x => (int.TryParse(x.id, out var n) && n is >= 14 and <= 22) || custom.Contains(x.id))
                .Select(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    /// <summary>A cell's value replaced, as a number cell when <paramref name="number"/>.</summary>
    private static void Value(XElement cell, string value, bool number = false)
    {
        var ns = cell.Name.Namespace;
        if (number)
        {
            cell.Attribute("t")?.Remove();
        }

        cell.RemoveNodes();
        cell.Add(new XElement(ns + "v", value));
    }
}
