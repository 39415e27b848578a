using Outturn.App.Reports;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Spc;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Reports;

public class CommitteeReportTests
{
    [Fact]
    public void Html_MatchesTheExpectedFile() => Snapshot.Match(ReportHtml.Render(SeedReport.Build()), "demo-report.html");

    [Fact]
    public void Xlsx_MatchesTheExpectedGrid()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.WriteReport(SeedReport.Build(), stream);
        stream.Position = 0;

        Snapshot.Match(Xlsx.XlsxGrid.Describe(stream), "demo-report.xlsx.txt");
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).ShouldBeEmpty();
    }

    [Fact]
    public void Xlsx_GivesEveryRowWithWrappedTextItsHeight()
    {
        // LibreOffice draws wrapped text over the next row unless the row says how tall it is
        using var stream = new MemoryStream();
        ScorecardXlsx.WriteReport(SeedReport.Build(), stream);
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var wrapped = 0;
        foreach (var sheet in document.WorkbookPart.WorksheetParts)
        {
            foreach (var row in sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            {
                var wraps = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Where(c => c.StyleIndex is { } i && formats[(int)i.Value].Alignment?.WrapText?.Value == true && c.InnerText.Length > 0).ToList();
                if (wraps.Count == 0)
                {
                    continue;
                }

                wrapped++;
                (row.CustomHeight?.Value ?? false).ShouldBe(true, $"row {row.RowIndex} of {sheet.Uri} has wrapped text ({wraps[0].InnerText}) and no height");
                row.Height!.Value.ShouldBeGreaterThanOrEqualTo(15.75);
            }
        }

        wrapped.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Xlsx_HasTheNarrativeTheHtmlHasAndAChartPerIndicator()
    {
        var report = SeedReport.Build();
        var grid = Grid(report);
        var html = ReportHtml.Render(report);

        grid.ShouldContain("== sheet Narrative ==");
        foreach (var area in report.Areas)
        {
            grid.ShouldContain($"= {area.Area}  [fill FFDEE0E2; bold]");
            foreach (var bullet in area.WorkingWell.Concat(area.Challenges))
            {
                grid.ShouldContain("= • " + bullet);
                html.ShouldContain(System.Net.WebUtility.HtmlEncode(bullet).Replace("&#39;", "'", StringComparison.Ordinal)[..40]);
            }
        }

        var charts = grid.Split('\n').Where(l => l.StartsWith("chart ", StringComparison.Ordinal)).ToList();
        charts.Count.ShouldBe(report.Scorecard.Rows.Count);
        grid.ShouldContain("chart Assessments completed within 45 working days, monthly at G4:Q28");
    }

    [Fact]
    public void Html_ShowsCommentaryMarkdownButNotItsHtml()
    {
        var narrative = new[] { new AreaNarrative("Child Protection", ["A point with **emphasis**."], [], "Officers note <script>alert(1)</script> the *rise*.") };

        var html = ReportHtml.Render(SeedReport.Build(narrative));

        html.ShouldContain("<li>A point with <strong>emphasis</strong>.</li>");
        html.ShouldContain("<p>Officers note &lt;script&gt;alert(1)&lt;/script&gt; the <em>rise</em>.</p>");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public void TheActions_AreListedByArea_InTheHtmlAndTheWorkbook_OverdueInWords()
    {
        var report = SeedReport.Build();
        var grid = Grid(report);
        var html = ReportHtml.Render(report);

        var section = html[html.IndexOf("<section class=\"actions-section\">", StringComparison.Ordinal)..html.IndexOf("<section class=\"notes\">", StringComparison.Ordinal)];
        section.ShouldContain("<h3>Children in Need</h3>");
        section.IndexOf("<h3>Children in Need</h3>", StringComparison.Ordinal).ShouldBeLessThan(section.IndexOf("<h3>Child Protection</h3>", StringComparison.Ordinal));
        section.ShouldContain("<tr class=\"overdue\"><td>3</td><td>Clear the backlog of assessments open beyond 45 working days</td>");
        section.ShouldContain("<td>In progress, overdue</td>");
        section.Split("Step-down pathway").Length.ShouldBe(3);
        grid.ShouldContain("== sheet Actions ==");
        grid.ShouldContain("In progress, overdue");
    }

    [Fact]
    public void AReportNotFromTheStore_HasNoActionsSection_AndOneWithNoneOpenSaysSo()
    {
        var none = CommitteeReports.Build(SeedReport.Input, Domain.Periods.Quarter.Parse("2024-25Q4"), SuppressionPolicy.Default);
        var empty = SeedReport.Build(actions: []);

        none.Actions.ShouldBeNull();
        ReportHtml.Render(none).ShouldNotContain("<section class=\"actions-section\">");
        ReportHtml.Render(empty).ShouldContain("<p class=\"none\">No open actions.</p>");
        Grid(none).ShouldNotContain("== sheet Actions ==");
    }

    /// <summary>The report's workbook as its cell grid.</summary>
    private static string Grid(CommitteeReport report)
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.WriteReport(report, stream);
        stream.Position = 0;
        return Xlsx.XlsxGrid.Describe(stream);
    }
}
