using System.Globalization;
using System.Text.RegularExpressions;
using Outturn.Formats.Charts;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Xlsx;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Scorecards;

/// <summary>
/// Direction of travel is not carried by colour alone. WCAG 2.2 1.4.1 Use of colour: "Color is not used as the only
/// visual means of conveying information, indicating an action, prompting a response, or distinguishing a visual
/// element." 1.4.3 Contrast (minimum): text has "a contrast ratio of at least 4.5:1". 1.4.11 Non-text contrast:
/// "parts of graphics required to understand the content" have "a contrast ratio of at least 3:1 against adjacent
/// color(s)". The seed's green and red arrows differ from each other by 1.28:1 only, so the words must carry it.
/// </summary>
public partial class DirectionOfTravelTests
{
    private static readonly Domain.Scorecards.Scorecard Scorecard = SeedReport.Build().Scorecard;

    /// <summary>WCAG's contrast ratio: (L1 + 0.05) / (L2 + 0.05) over relative luminances, lighter first.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int i)
            {
                var c = int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
        }

        var (x, y) = (Luminance(a.TrimStart('#')), Luminance(b.TrimStart('#')));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    [GeneratedRegex(@"(?<selector>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();

    /// <summary>The colours a selector's rule in the stylesheet sets (color, background).</summary>
    private static (string? Colour, string? Background) Style(string css, string selector)
    {
        var rule = Rule().Matches(css).Single(m => m.Groups["selector"].Value.Trim() == selector).Groups["body"].Value;
        string? Get(string property) => Regex.Match(rule, $@"(?:^|;)\s*{property}:\s*#([0-9a-fA-F]{{6}}|[0-9a-fA-F]{{3}})\b") is { Success: true } m
            ? "#" + (m.Groups[1].Value.Length == 3 ? string.Concat(m.Groups[1].Value.Select(c => $"{c}{c}")) : m.Groups[1].Value)
            : null;
        return (Get("color"), Get("background"));
    }

    [Fact]
    public void Html_EveryArrowSaysBetterOrWorseInWordsAndToScreenReaders()
    {
        var html = ScorecardHtml.Render(Scorecard);
        var cells = Regex.Matches(html, "<td class=\"dot (?<how>improving|worsening)\" title=\"[^\"]+\"><span aria-hidden=\"true\"><span class=\"arrow\">(?<arrow>.)</span> <span class=\"word\">(?<word>\\w+)</span></span><span class=\"visually-hidden\">(?<label>[^<]+)</span></td>");

        // Every direction the (suppressed) seed report shows, and no other: a direction on a withheld month is withheld
        var shown = Scorecard.Rows.SelectMany(r => new[] { r.DirectionMonth, r.DirectionYear }).Where(d => d?.Improving is not null).ToList();
        shown.Count.ShouldBeGreaterThan(4);
        cells.Count.ShouldBe(shown.Count);
        foreach (Match cell in cells)
        {
            var improving = cell.Groups["how"].Value == "improving";
            cell.Groups["word"].Value.ShouldBe(improving ? "better" : "worse");
            cell.Groups["label"].Value.ShouldBe((cell.Groups["arrow"].Value == "↑" ? "up, " : "down, ") + (improving ? "improving" : "worsening"));
        }

        cells.Count(c => c.Groups["how"].Value == "worsening").ShouldBe(shown.Count(d => d!.Value.Improving == false));
        html.ShouldContain("“better” or “worse” says whether that is an improvement");
    }

    [Fact]
    public void Html_ColoursOfWordsAndRatingsHaveEnoughContrast()
    {
        const string white = "#ffffff";
        var css = ScorecardHtml.Css;
        var improving = Style(css, ".dot.improving").Colour!;
        var worsening = Style(css, ".dot.worsening").Colour!;

        // The arrows against the white page: text, 4.5:1 at least
        Contrast(improving, white).ShouldBeGreaterThanOrEqualTo(4.5);
        Contrast(worsening, white).ShouldBeGreaterThanOrEqualTo(4.5);

        // Against each other they barely differ, which is why the words are there (the issue's 1.28)
        Contrast(improving, worsening).ShouldBeLessThan(1.5);

        // RAG words on their fills; headings on theirs
        foreach (var selector in new[] { ".rag-green", ".rag-amber", ".rag-red", ".scorecard thead th", ".scorecard tr.bands th" })
        {
            var (colour, background) = Style(css, selector);
            Contrast(colour ?? Style(css, ".scorecard thead th").Colour!, background!).ShouldBeGreaterThanOrEqualTo(4.5, selector);
        }
    }

    [Fact]
    public void Xlsx_ArrowsCarryTheirWord()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.Write(Scorecard, stream);
        stream.Position = 0;
        var grid = XlsxGrid.Describe(stream);

        grid.ShouldContain("= ↑ better  [bold; font FF00703C]");
        grid.ShouldContain("= ↑ worse  [bold; font FFD4351C]");
        grid.ShouldContain("= ↓ worse  [bold; font FFD4351C]");
    }

    [Fact]
    public void Charts_BarsAndLinesStandOutFromThePage()
    {
        // Bars and the series line are graphics needed to read the chart: 3:1 against the white page at least
        var svg = BenchmarkBars.Svg([("Us", 92.5m, true), ("Stat neighbour average", 84.7m, false)], SeedReport.Build().Scorecard.Rows[0].Indicator, 84.5m, 90.5m)
            + SeriesChart.Svg(SeedReport.Build().Spc.Values.First().Series, SeedReport.Build().Scorecard.Rows[0].Indicator, null);
        var colours = Regex.Matches(svg, "<(?:rect|polyline)[^>]*?(?:fill|stroke)=\"(#[0-9a-f]{6})\"[^>]*class=\"bar\"|<polyline fill=\"none\" stroke=\"(#[0-9a-f]{6})\"")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Distinct().ToList();

        colours.Count.ShouldBeGreaterThanOrEqualTo(2);
        colours.ShouldAllBe(c => Contrast(c, "#ffffff") >= 3.0);
    }
}
