using Outturn.Formats.Pdf;

namespace Outturn.Web.Scorecards;

/// <summary>A page printed to PDF by <see cref="ChromiumPdf"/>, as bytes for a download.</summary>
public static class Pdf
{
    /// <summary>Prints <paramref name="html"/> with Chromium and returns the PDF.</summary>
    public static byte[] Print(string html, string chromium)
    {
        var folder = Directory.CreateTempSubdirectory("outturn-web-pdf-").FullName;
        try
        {
            var path = Path.Combine(folder, "page.pdf");
            ChromiumPdf.Print(html, path, chromium);
            return File.ReadAllBytes(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
