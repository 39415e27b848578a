using Microsoft.Playwright;
using Outturn.Formats.Pdf;

namespace Outturn.Formats.Tests.Pdf;

/// <summary>
/// A page in the real Chromium the PDFs are printed with (Debian's, found as <see cref="ChromiumPdf.FindExecutable"/>
/// finds it), driven through Playwright: no browser is downloaded.
/// </summary>
internal static class Browser
{
    /// <summary>What a page laid out at a viewport width measures.</summary>
    /// <param name="ScrollWidth">The document's full width in CSS pixels.</param>
    /// <param name="ClientWidth">The viewport's width in CSS pixels.</param>
    /// <param name="OffScreen">Text of cells whose right edge lies beyond the viewport.</param>
    /// <param name="SmallestText">The smallest computed font size of any visible text outside charts, in CSS pixels.</param>
    /// <param name="SmallestChartText">The smallest size a chart's text is drawn at, scaled as the page shows the chart, in CSS pixels (1,000 with no chart).</param>
    public sealed record Measured(int ScrollWidth, int ClientWidth, IReadOnlyList<string> OffScreen, double SmallestText, double SmallestChartText);

    /// <summary>Lays <paramref name="html"/> out in a viewport <paramref name="width"/> pixels wide (as a screen, or as print) and measures it.</summary>
    public static async Task<Measured> Measure(string html, int width, bool print = false)
    {
        var chromium = ChromiumPdf.FindExecutable(null);
        chromium.ShouldNotBeNull("Chromium is needed: apt-get install chromium (.ci/run installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        if (print)
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        }

        await page.SetContentAsync(html);
        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var client = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        var offScreen = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('th, td')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map(e => e.textContent.trim())");
        var smallest = await page.EvaluateAsync<double>(
            "Math.min(...[...document.querySelectorAll('body *')].filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length && !e.closest('svg, .visually-hidden')).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        // A chart's text is drawn at its font size times the scale the page gives the chart (its width over its viewBox's)
        var smallestChart = await page.EvaluateAsync<double>(
            "Math.min(1000, ...[...document.querySelectorAll('svg text')].filter(t => t.textContent.trim() && t.getClientRects().length).map(t => { const s = t.ownerSVGElement; const vb = s.viewBox.baseVal; return parseFloat(getComputedStyle(t).fontSize) * (vb && vb.width ? s.getBoundingClientRect().width / vb.width : 1); }))");
        return new Measured(scroll, client, offScreen, smallest, smallestChart);
    }
}
