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
    public void Html_ShowsCommentaryMarkdownButNotItsHtml()
    {
        var narrative = new[] { new AreaNarrative("Child Protection", ["A point with **emphasis**."], [], "Officers note <script>alert(1)</script> the *rise*.") };

        var html = ReportHtml.Render(SeedReport.Build(narrative));

        html.ShouldContain("<li>A point with <strong>emphasis</strong>.</li>");
        html.ShouldContain("<p>Officers note &lt;script&gt;alert(1)&lt;/script&gt; the <em>rise</em>.</p>");
        html.ShouldNotContain("<script>");
    }
}
