using System.Xml;
using System.Xml.Linq;

namespace Outturn.Formats;

/// <summary>Loads an XML return with line numbers, so every problem can name the line it is on.</summary>
internal static class XmlFile
{
    /// <exception cref="InputException">The file is missing or is not well-formed XML.</exception>
    public static XDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        try
        {
            return XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InputException(new InputError(path, e.LineNumber, null, $"the file is not well-formed XML: {e.Message}"));
        }
    }
}
