using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Reports;

/// <summary>
/// The report's workbook as LibreOffice draws it: converted to PDF by LibreOffice Calc (Debian's
/// libreoffice-calc-nogui, installed by .ci/run) and read back with poppler. Wrapped text in a row without a height
/// was drawn over the rows below it; now no two words on a page overlap, and the narrative and charts are there.
/// </summary>
public partial class XlsxInLibreOfficeTests
{
    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).ShouldBeTrue($"{tool} took over two minutes");
        process.ExitCode.ShouldBe(0, $"{tool} failed: {errors.Result}");
        return text;
    }

    [GeneratedRegex("<word xMin=\"([^\"]+)\" yMin=\"([^\"]+)\" xMax=\"([^\"]+)\" yMax=\"([^\"]+)\">([^<]*)</word>")]
    private static partial Regex Word();

    [Fact]
    public void Report_DrawnByLibreOffice_HasNoTextOverTextAndHoldsTheNarrativeAndCharts()
    {
        File.Exists("/usr/bin/soffice").ShouldBeTrue("LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui (.ci/run installs it).");
        var work = Directory.CreateTempSubdirectory("outturn-lo-");
        try
        {
            var xlsx = Path.Combine(work.FullName, "report.xlsx");
            using (var file = File.Create(xlsx))
            {
                ScorecardXlsx.WriteReport(SeedReport.Build(), file);
            }

            Run("/usr/bin/soffice", $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}", "--headless", "--convert-to", "pdf", "--outdir", work.FullName, xlsx);
            var html = Run("pdftotext", "-bbox", Path.Combine(work.FullName, "report.pdf"), "-");

            var pages = html.Split("<page ").Skip(1).ToList();
            var overlaps = new List<string>();
            for (var p = 0; p < pages.Count; p++)
            {
                var words = Word().Matches(pages[p]).Select(m => (Text: m.Groups[5].Value, Box: new[] { 1, 2, 3, 4 }.Select(g => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture)).ToArray())).ToList();
                for (var a = 0; a < words.Count; a++)
                {
                    for (var b = a + 1; b < words.Count; b++)
                    {
                        var (x, y) = (words[a].Box, words[b].Box);
                        var wide = Math.Min(x[2], y[2]) - Math.Max(x[0], y[0]);
                        var high = Math.Min(x[3], y[3]) - Math.Max(x[1], y[1]);
                        // A word's box runs from the font's ascent to its descent, so the lines of one wrapped cell touch
                        // by a sixth of their height; text drawn over another row covers far more of it
                        if (wide > 0.5 && high > 0.4 * Math.Min(x[3] - x[1], y[3] - y[1]))
                        {
                            overlaps.Add($"page {p + 1}: '{words[a].Text}' over '{words[b].Text}'");
                        }
                    }
                }
            }

            overlaps.ShouldBeEmpty();
            var text = System.Net.WebUtility.HtmlDecode(string.Join(" ", Word().Matches(html).Select(m => m.Groups[5].Value)));
            text.ShouldContain("What's working well");
            text.ShouldContain("Areas of challenge and focus");
            text.ShouldContain("Figure (good is high)"); // a chart's legend, drawn by LibreOffice from the cells
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
