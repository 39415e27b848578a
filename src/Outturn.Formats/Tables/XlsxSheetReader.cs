using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Outturn.Formats.Tables;

/// <summary>
/// Reads the cells of an XLSX workbook's worksheets as the text an analyst sees (shared strings, numbers, dates as ISO,
/// percentages times 100), streaming each worksheet's XML straight from the zip rather than loading it as a document:
/// an Annex A workbook of 40,000 rows and 18 MB of sheet XML reads in well under a second, where the Open XML SDK's
/// document model took several.
/// </summary>
/// <remarks>
/// Parts are found as ECMA-376 Part 1 says: the package relationship to the office document, the workbook's sheets
/// in order with their relationships, its shared strings and styles. Elements are matched by local name, so
/// transitional and strict workbooks read alike. A cell or row without its reference takes the next position, as the
/// standard allows. The zip and each part are opened within <see cref="InputLimits"/>: a workbook of too many parts, a
/// part expanding beyond its limit or its compression ratio (a zip bomb), XML with a DTD or nested too deep, or a cell
/// longer than Excel allows is refused as not a workbook, before more of it is read.
/// </remarks>
internal static class XlsxSheetReader
{
    private static readonly XmlReaderSettings Settings = InputLimits.Settings();

    private enum NumberKind
    {
        Plain,
        Date,
        Percent,
    }

    /// <summary>Each worksheet, in the workbook's order, with its rows (by row number) of cells (by 0-based column).</summary>
    /// <exception cref="InvalidDataException">The file is not a zip, or not a workbook, or a part is not well-formed.</exception>
    public static List<(string Name, SortedDictionary<int, Dictionary<int, string>> Rows)> Read(string path, bool firstOnly = false) =>
        Read(path, (name, rows) => (name, rows), firstOnly);

    /// <summary>
    /// Each worksheet, in the workbook's order, as <paramref name="convert"/> makes it from the sheet's name and rows:
    /// called as each sheet is read (from any thread), so a sheet's cells are let go as soon as they are converted.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a zip, or not a workbook, or a part is not well-formed.</exception>
    public static List<T> Read<T>(string path, Func<string, SortedDictionary<int, Dictionary<int, string>>, T> convert, bool firstOnly = false)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > InputLimits.MaxParts)
        {
            throw new InvalidDataException($"the zip holds {zip.Entries.Count} parts, over the {InputLimits.MaxParts} a workbook may have.");
        }

        var budget = new Budget();
        var workbookPath = Relationships(zip, budget, "_rels/.rels", "")
            .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? throw new InvalidDataException("the package names no workbook part.");
        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relations = Relationships(zip, budget, $"{folder}_rels/{Path.GetFileName(workbookPath)}.rels", folder);
        var strings = relations.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target is { } s ? SharedStrings(zip, budget, s) : [];
        var styles = relations.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target is { } st ? Styles(zip, budget, st) : [];
        var byId = relations.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Target, StringComparer.Ordinal);

        var sheets = new List<(string Name, string Target)>();
        foreach (var (name, id) in Sheets(zip, budget, workbookPath))
        {
            sheets.Add(byId.TryGetValue(id, out var target) ? (name, target)
                : throw new InvalidDataException($"the sheet '{name}' points to relationship '{id}', which the workbook does not have."));
            if (firstOnly)
            {
                break;
            }
        }

        // Every sheet's part is checked against the limits before any is read; then the sheets are read at once, on the
        // cores there are, each through its own handle on the zip (an archive is not safe to read from two threads),
        // the first sheet's problem in the workbook's order thrown whichever thread found one first.
        foreach (var (_, target) in sheets)
        {
            Admit(zip, budget, target);
        }

        return InOrder.Map(sheets, sheet =>
        {
            using var own = ZipFile.OpenRead(path);
            return convert(sheet.Name, Cells(Entry(own, sheet.Target), budget, sheet.Target, strings, styles));
        });
    }

    /// <summary>The 0-based column index of a reference such as <c>C7</c>; -1 when it has no column letters.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (index > 16_384)
            {
                throw new InvalidDataException($"the cell reference '{reference}' is beyond the last column (XFD).");
            }
        }

        return index - 1;
    }

    private static SortedDictionary<int, Dictionary<int, string>> Cells(ZipArchiveEntry entry, Budget budget, string part, string[] strings, NumberKind[] styles)
    {
        var rows = new SortedDictionary<int, Dictionary<int, string>>();
        using var xml = XmlReader.Create(new BoundedStream(entry.Open(), entry.Length, part), Settings);
        var names = xml.NameTable;
        string rowName = names.Add("row"), cellName = names.Add("c"), r = names.Add("r"), t = names.Add("t"), s = names.Add("s");
        var elements = 0;
        var cells = 0;
        var rowNumber = 0;
        Dictionary<int, string>? row = null;
        var column = -1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            InputLimits.Check(xml, ref elements);
            var name = xml.LocalName;
            if ((object)name == rowName)
            {
                rowNumber = xml.GetAttribute(r) is { } number ? Number(number, part, "row r") : rowNumber + 1;
                if (rowNumber > 1_048_576)
                {
                    throw new InvalidDataException($"{part}: row {rowNumber} is beyond the last row a sheet has (1048576).");
                }

                column = -1;
                if (!rows.TryGetValue(rowNumber, out row))
                {
                    rows[rowNumber] = row = [];
                }
            }
            else if ((object)name == cellName && row is not null)
            {
                // The cell's attributes in one walk: its reference, type and style.
                string? type = null;
                var style = 0;
                var at = column + 1;
                while (xml.MoveToNextAttribute())
                {
                    var attribute = xml.LocalName;
                    if ((object)attribute == r)
                    {
                        at = ColumnIndex(xml.Value) is >= 0 and var index ? index : at;
                    }
                    else if ((object)attribute == t)
                    {
                        type = xml.Value;
                    }
                    else if ((object)attribute == s)
                    {
                        style = Number(xml.Value, part, "cell s");
                    }
                }

                xml.MoveToElement();
                column = at;
                var (value, inline) = Value(xml, ref elements);
                if (++cells % 4096 == 0)
                {
                    budget.Count(4096);
                }

                row[column] = TableReader.Clean(Text(value, inline, type, style < styles.Length ? styles[style] : NumberKind.Plain, strings));
            }
        }

        budget.Count(cells % 4096);
        return rows;
    }

    /// <summary>
    /// A cell's <c>v</c> and inline string (or, for a shared string item, its text), read to the cell's end: the text of
    /// its <c>t</c> elements, phonetic runs (<c>rPh</c>) left out.
    /// </summary>
    private static (string? Value, string? Inline) Value(XmlReader xml, ref int elements, bool stringItem = false)
    {
        if (xml.IsEmptyElement)
        {
            return (null, stringItem ? "" : null);
        }

        // Most cells hold one text node: strings are joined only when a value or string comes in several.
        var depth = xml.Depth;
        string? value = null;
        var inline = stringItem ? "" : null;
        var (inValue, inInline, inText, inPhonetic) = (false, stringItem, false, false);
        while (Next(xml, ref elements))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var open = !xml.IsEmptyElement;
                    switch (xml.LocalName)
                    {
                        case "v":
                            inValue = open;
                            value ??= "";
                            break;
                        case "is":
                            inInline = open;
                            inline ??= "";
                            break;
                        case "rPh":
                            inPhonetic = open;
                            break;
                        case "t":
                            inText = open;
                            break;
                    }

                    break;
                case XmlNodeType.EndElement when xml.Depth == depth:
                    return (value, inline);
                case XmlNodeType.EndElement:
                    switch (xml.LocalName)
                    {
                        case "v":
                            inValue = false;
                            break;
                        case "is":
                            inInline = stringItem;
                            break;
                        case "rPh":
                            inPhonetic = false;
                            break;
                        case "t":
                            inText = false;
                            break;
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (inValue)
                    {
                        value = value!.Length == 0 ? xml.Value : value + xml.Value;
                    }
                    else if (inText && inInline && !inPhonetic)
                    {
                        inline = inline!.Length == 0 ? xml.Value : inline + xml.Value;
                    }

                    if (value?.Length > InputLimits.MaxCellCharacters || inline?.Length > InputLimits.MaxCellCharacters)
                    {
                        throw new InvalidDataException($"a cell or string holds more than {InputLimits.MaxCellCharacters} characters, more than Excel allows in a cell.");
                    }

                    break;
            }
        }

        throw new InvalidDataException("a cell or string ends before its end tag.");
    }

    /// <summary>The text of a cell: a string as stored, a number in invariant form, a date as ISO, a percentage times 100.</summary>
    private static string Text(string? value, string? inline, string? type, NumberKind kind, string[] strings)
    {
        var raw = value ?? inline ?? "";
        switch (type)
        {
            case "s" when int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                return index < strings.Length ? strings[index]
                    : throw new InvalidDataException($"a cell points to shared string {index}, and the workbook has {strings.Length}.");
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "inlineStr":
                return inline ?? raw;
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)
                    ? DateOnly.FromDateTime(when).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;
            case null or "n":
                break;
            default:
                return raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        return kind switch
        {
            NumberKind.Date when number is >= -657_434 and < 2_958_466 => DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // 0.925 shown as 92.5% reads as 92.5, not 92.500: the trailing zeros of the scaling dropped.
            NumberKind.Percent when Math.Abs(number) < 1e20 => ((decimal)number * 100m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            _ when Math.Abs(number) < 7.9e28 => ((decimal)number).ToString(CultureInfo.InvariantCulture),
            _ => raw,
        };
    }

    private static string[] SharedStrings(ZipArchive zip, Budget budget, string part)
    {
        var strings = new List<string>();
        using var xml = Open(zip, budget, part);
        while (Next(xml, budget))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                // An si is a string item read like an inline string: its t elements, phonetic runs left out.
                strings.Add(Value(xml, ref budget.Elements, stringItem: true).Inline ?? "");
            }
        }

        return [.. strings];
    }

    private static NumberKind[] Styles(ZipArchive zip, Budget budget, string part)
    {
        var custom = new Dictionary<uint, string>();
        var kinds = new List<NumberKind>();
        using var xml = Open(zip, budget, part);
        var inCellFormats = false;
        while (Next(xml, budget))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "numFmt" when xml.GetAttribute("numFmtId") is { } id && xml.GetAttribute("formatCode") is { } code:
                    custom.TryAdd((uint)Number(id, part, "numFmtId"), code);
                    break;
                case "cellXfs":
                    inCellFormats = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var format = xml.GetAttribute("numFmtId") is { } f ? (uint)Number(f, part, "numFmtId") : 0u;
                    kinds.Add(KindOf(format, custom.GetValueOrDefault(format, "")));
                    break;
            }
        }

        return [.. kinds];
    }

    private static NumberKind KindOf(uint id, string code)
    {
        if (id is >= 14 and <= 22 or >= 45 and <= 47)
        {
            return NumberKind.Date;
        }

        // A custom format is a date when it has day, month or year letters outside quoted text and no percent.
        var unquoted = string.Concat(code.Split('"').Where((_, i) => i % 2 == 0));
        if (unquoted.Length > 0 && !unquoted.Contains('%', StringComparison.Ordinal)
            && unquoted.Any(c => c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M') && !unquoted.Contains("General", StringComparison.OrdinalIgnoreCase))
        {
            return NumberKind.Date;
        }

        return id is 9 or 10 || code.Contains('%', StringComparison.Ordinal) ? NumberKind.Percent : NumberKind.Plain;
    }

    private static List<(string Name, string Id)> Sheets(ZipArchive zip, Budget budget, string workbookPath)
    {
        var sheets = new List<(string, string)>();
        using var xml = Open(zip, budget, workbookPath);
        while (Next(xml, budget))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                var id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                    ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships")
                    ?? throw new InvalidDataException($"a sheet in {workbookPath} has no relationship id.");
                sheets.Add((xml.GetAttribute("name") ?? "", id));
            }
        }

        return sheets;
    }

    /// <summary>A relationships part's entries, each target resolved to its path in the zip (none when the part is absent).</summary>
    private static List<(string Id, string Type, string Target)> Relationships(ZipArchive zip, Budget budget, string part, string folder)
    {
        var relations = new List<(string, string, string)>();
        if (zip.GetEntry(part) is null)
        {
            return relations;
        }

        using var xml = Open(zip, budget, part);
        while (Next(xml, budget))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target
                && xml.GetAttribute("TargetMode") != "External")
            {
                relations.Add((id, type, Resolve(folder, target)));
            }
        }

        return relations;
    }

    /// <summary>A relationship's target as a path in the zip: absolute (<c>/xl/x.xml</c>) or relative to the source's folder.</summary>
    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target[1..] : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// A part's XML, refused before it is read when its declared size breaks a limit, and stopped as it is read when it
    /// expands beyond what it declared (a zip's sizes can lie).
    /// </summary>
    private static XmlReader Open(ZipArchive zip, Budget budget, string part)
    {
        var entry = Admit(zip, budget, part);
        budget.Elements = 0;
        return XmlReader.Create(new BoundedStream(entry.Open(), entry.Length, part), Settings);
    }

    /// <summary>A part's entry, refused when its declared size breaks a limit, its size counted in the workbook's.</summary>
    private static ZipArchiveEntry Admit(ZipArchive zip, Budget budget, string part)
    {
        var entry = Entry(zip, part);
        if (entry.Length > InputLimits.MaxPartBytes)
        {
            throw new InvalidDataException($"the part {part} expands to {entry.Length} bytes, over the {InputLimits.MaxPartBytes} a part may be.");
        }

        if (entry.Length > 1024 * 1024 && entry.Length > (long)InputLimits.MaxRatio * Math.Max(1, entry.CompressedLength))
        {
            throw new InvalidDataException($"the part {part} expands {entry.Length / Math.Max(1, entry.CompressedLength)} times its compressed size, over the {InputLimits.MaxRatio} a workbook's part may (a zip bomb).");
        }

        budget.Bytes += entry.Length;
        return budget.Bytes > InputLimits.MaxWorkbookBytes
            ? throw new InvalidDataException($"the workbook's parts expand to over {InputLimits.MaxWorkbookBytes} bytes together, more than a workbook may.")
            : entry;
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string part) =>
        zip.GetEntry(part) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException($"the workbook has no part {part}.");

    /// <summary>The next node, within the XML limits.</summary>
    private static bool Next(XmlReader xml, Budget budget) => Next(xml, ref budget.Elements);

    private static bool Next(XmlReader xml, ref int elements)
    {
        if (!xml.Read())
        {
            return false;
        }

        InputLimits.Check(xml, ref elements);
        return true;
    }

    /// <summary>What a workbook's read has used so far: bytes expanded, elements of the part being read, cells of all sheets.</summary>
    private sealed class Budget
    {
        private int _cells;

        public long Bytes;
        public int Elements;

        /// <summary>Counts cells read (from any thread), refusing the workbook past <see cref="InputLimits.MaxCells"/>.</summary>
        public void Count(int cells)
        {
            if (Interlocked.Add(ref _cells, cells) > InputLimits.MaxCells)
            {
                throw new InvalidDataException($"the workbook holds more than {InputLimits.MaxCells} cells, more than a workbook may.");
            }
        }
    }

    /// <summary>A part's stream that ends in an error, not in more bytes, once it passes the size its entry declared.</summary>
    private sealed class BoundedStream(Stream inner, long limit, string part) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            return _read > limit
                ? throw new InvalidDataException($"the part {part} expands beyond the {limit} bytes its entry declares.")
                : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static int Number(string text, string part, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new InvalidDataException($"{part}: {what} '{text}' is not a whole number.");
}
