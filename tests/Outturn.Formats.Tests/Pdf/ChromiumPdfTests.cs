using System.Diagnostics;
using Outturn.Formats.Pdf;
using Outturn.Formats.Reports;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Pdf;

/// <summary>
/// Prints the demo report with the real Chromium and reads the PDF back with poppler (pdfinfo, pdftotext), both
/// installed by .ci/run. pdftotext leaves out text beyond the page edge, so finding every cell's text proves that
/// no table is cut off.
/// </summary>
public sealed class ChromiumPdfTests(ChromiumPdfTests.PrintedReport printed) : IClassFixture<ChromiumPdfTests.PrintedReport>
{
    private readonly string _pdf = printed.Path;

    /// <summary>The demo report printed once for all the tests in this class.</summary>
    public sealed class PrintedReport : IDisposable
    {
        public PrintedReport()
        {
            ChromiumPdf.FindExecutable(null).ShouldNotBeNull("Chromium is needed: apt-get install chromium (.ci/run installs it).");
            ChromiumPdf.Print(ReportHtml.Render(SeedReport.Build()), Path, ChromiumPdf.FindExecutable(null));
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"outturn-report-{Guid.NewGuid():N}.pdf");

        public void Dispose() => File.Delete(Path);
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} failed");
        return text;
    }

    private string Page(int n) => Run("pdftotext", "-layout", "-f", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", n.ToString(System.Globalization.CultureInfo.InvariantCulture), _pdf, "-");

    [Fact]
    public void Print_GivesEightA4LandscapePages()
    {
        var info = Run("pdfinfo", _pdf);

        info.ShouldContain("Pages:           8");
        info.ShouldContain("Page size:       841.92 x 594.96 pts (A4)");
    }

    [Fact]
    public void Print_PutsEachPartOnItsOwnPage()
    {
        Page(1).ShouldContain("Children's services performance report");
        Page(1).ShouldContain("Quarter 4 2024/25 (January to March 2025)");
        Page(2).ShouldContain("Scorecard");
        Page(3).ShouldContain("Children in Need");
        Page(4).ShouldContain("Children in need per 10,000 children"); // the second indicator's charts, whole, on the next page
        Page(5).ShouldContain("Child Protection");
        Page(7).ShouldContain("Actions from the performance board");
        Page(7).ShouldContain("overdue");
        Page(8).ShouldContain("Definitions");
    }

    [Fact]
    public void Print_KeepsTheWholeScorecardOnThePage()
    {
        var page = Page(2);

        // The last columns (benchmarks) and the last row's last figure are on the page, not cut off to the right
        foreach (var text in new[] { "Top qtile", "Reg", "88.5%", "83.2%", "90.5%", "Reliably met", "Hit and miss" })
        {
            page.ShouldContain(text);
        }
    }

    /// <summary>
    /// The words on a page with their sizes in points, read with <c>pdftotext -bbox</c>: poppler's box runs from the
    /// font's ascent to its descent, 1.117 em for Liberation Sans (Arial's metrics, as the fonts' own tables give
    /// them: 0.905 above, 0.212 below), so a box's height over 1.117 is the size the text was set in.
    /// </summary>
    private IReadOnlyList<(string Word, double Points)> Words(int page)
    {
        var n = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var html = Run("pdftotext", "-bbox", "-f", n, "-l", n, _pdf, "-");
        return [.. System.Text.RegularExpressions.Regex.Matches(html, "<word xMin=\"[^\"]+\" yMin=\"([^\"]+)\" xMax=\"[^\"]+\" yMax=\"([^\"]+)\">([^<]*)</word>")
            .Select(m => (m.Groups[3].Value, (double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) / 1.117))];
    }

    [Fact]
    public void Print_SetsTheScorecardInEightPointOrMore()
    {
        var words = Words(2);

        words.Count.ShouldBeGreaterThan(200);
        var small = words.Where(w => w.Points < 7.95).Select(w => $"{w.Word} ({w.Points:0.0} pt)").ToList();
        small.ShouldBeEmpty();
    }

    [Fact]
    public void Print_NeverSplitsAnIndicatorAcrossPages()
    {
        var names = SeedReport.Build().Scorecard.Rows.Select(r => r.Indicator.Name).ToList();
        var scorecard = string.Join(" ", Page(2).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        // Each name is on the scorecard page (it may wrap inside its cell, so compare the words in order)
        foreach (var name in names)
        {
            var words = name.Split(' ');
            var at = 0;
            foreach (var word in words)
            {
                at = scorecard.IndexOf(word, at, StringComparison.Ordinal);
                at.ShouldBeGreaterThanOrEqualTo(0, $"'{word}' of '{name}' is not on the scorecard page");
            }
        }
    }
}
