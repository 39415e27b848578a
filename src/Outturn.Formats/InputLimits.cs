using System.Xml;

namespace Outturn.Formats;

/// <summary>
/// The limits every reader keeps to, so that a hostile file ends in a located error rather than a hang or unbounded
/// memory: a file of at most <see cref="MaxFileBytes"/>; in XML no DTD (so no entity expansion and no external
/// resource), elements nested at most <see cref="MaxDepth"/> deep, at most <see cref="MaxElements"/> elements and
/// <see cref="MaxCharacters"/> characters; in a workbook's zip at most <see cref="MaxParts"/> parts, each expanding to
/// at most <see cref="MaxPartBytes"/> and <see cref="MaxRatio"/> times its compressed size, all together to at most
/// <see cref="MaxWorkbookBytes"/>; a table of at most <see cref="MaxColumns"/> columns, a cell or field of at most <see cref="MaxCellCharacters"/>
/// characters.
/// </summary>
/// <remarks>
/// The returns nest six or seven deep and the largest known (a county's SSDA903 XML, a 40,000-row Annex A sheet) hold
/// a few million elements, so the limits sit well above any real file and well below what exhausts the process.
/// </remarks>
public static class InputLimits
{
    /// <summary>The largest file read (CSV, XML or XLSX).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The most parts in a workbook's zip (a real one has a few dozen).</summary>
    public const int MaxParts = 10_000;

    /// <summary>The most one workbook part may expand to.</summary>
    public const long MaxPartBytes = 256L * 1024 * 1024;

    /// <summary>The most all of a workbook's parts read may expand to together.</summary>
    public const long MaxWorkbookBytes = 1024L * 1024 * 1024;

    /// <summary>The most a part of over a megabyte may expand relative to its compressed size (sheet XML deflates about 10 to 1).</summary>
    public const int MaxRatio = 200;

    /// <summary>The most characters in one cell: Excel's own limit.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>The most columns in a table: Excel's own limit (XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>The most cells read from one workbook.</summary>
    public const int MaxCells = 20_000_000;

    /// <summary>The deepest element nesting read.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most elements read from one file or workbook part.</summary>
    public const int MaxElements = 10_000_000;

    /// <summary>The most characters read from one file or workbook part (about 256 MB of UTF-8 text).</summary>
    public const long MaxCharacters = 256L * 1024 * 1024;

    /// <summary>Reader settings that refuse DTDs, resolve nothing, and stop at <see cref="MaxCharacters"/>.</summary>
    public static XmlReaderSettings Settings(bool ignoreWhitespace = false) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = ignoreWhitespace,
        CloseInput = true,
    };

    /// <summary>Refuses a file larger than <see cref="MaxFileBytes"/>.</summary>
    /// <exception cref="InputException">The file is too large.</exception>
    public static void CheckFileSize(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new InputException(new InputError(path, null, null, $"the file is {length / (1024 * 1024)} MB, over the {MaxFileBytes / (1024 * 1024)} MB a return or table may be; the file is refused."));
        }
    }

    /// <summary>
    /// Checks the node the reader is on against the depth and count limits; call after every <c>Read</c>.
    /// </summary>
    /// <param name="reader">The reader, on the node just read.</param>
    /// <param name="elements">The elements read so far, counted on.</param>
    /// <exception cref="XmlException">An element is nested too deep, or there are too many.</exception>
    public static void Check(XmlReader reader, ref int elements)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            return;
        }

        var (line, position) = reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);
        if (reader.Depth > MaxDepth)
        {
            throw new XmlException($"elements are nested more than {MaxDepth} deep (at '{reader.LocalName}'); no return nests so deep, and the file is refused.", null, line, position);
        }

        if (++elements > MaxElements)
        {
            throw new XmlException($"the file holds more than {MaxElements} elements; the file is refused.", null, line, position);
        }
    }
}
