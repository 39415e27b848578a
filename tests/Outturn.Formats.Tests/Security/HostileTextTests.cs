using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Tables;
using Outturn.Formats.Xlsx;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Security;

/// <summary>
/// Exports cannot attack whoever opens them: a CSV field or workbook cell that a spreadsheet would run as a formula is
/// text, while negative numbers stay numbers; every HTML writer escapes the text that came from input files (an
/// indicator's name, area and definition, commentary and bullets, an action's owner and notes).
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private const string Script = "<script>alert('x')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Quote = "\" onmouseover=\"alert(1)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"outturn-hostile-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")] // a minus that starts a formula, not a number
    [InlineData("@SUM(1,1)", "'@SUM(1,1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-3.5", "-3.5")] // a negative number stays a number
    [InlineData("-12", "-12")]
    [InlineData("+44", "+44")] // a signed number is still a number
    [InlineData("1e-5", "1e-5")]
    [InlineData("-", "-")] // the dash of a figure not given
    [InlineData("Fern Ellery", "Fern Ellery")]
    [InlineData("", "")]
    public void Safe_PrefixesAFieldASpreadsheetWouldRun_NotANumber(string field, string written) =>
        CsvText.Safe(field).ShouldBe(written);

    [Fact]
    public void Csv_WritesAFormulaAsTextAndANegativeNumberAsANumber()
    {
        var text = CsvText.Write([["name", "change"], ["=HYPERLINK(\"http://127.0.0.1/\",\"x\")", "-4.2"], ["@SUM(A1)", "-2+3"]]);

        text.ShouldBe("name,change\n\"'=HYPERLINK(\"\"http://127.0.0.1/\"\",\"\"x\"\")\",-4.2\n'@SUM(A1),'-2+3\n");
    }

    [Fact]
    public void ScorecardCsv_WritesAHostileIndicatorNameAsText()
    {
        var card = ScorecardCsv.ToText(Report().Scorecard);

        card.ShouldContain("'=HYPERLINK(");
        card.Split('\n').Skip(1).ShouldAllBe(line => line.Length == 0 || !"=+@\t\r".Contains(line[0], StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_WritesFormulaTextAsAStringCellAndANegativeNumberAsANumberCell()
    {
        var styles = new XlsxStyles();
        var sheet = new XlsxSheetWriter("Sheet1", styles);
        sheet.Text(1, 1, "=1+1");
        sheet.Text(1, 2, "-2+3");
        sheet.Number(1, 3, -3.5m);
        using var stream = new MemoryStream();
        XlsxWorkbook.Save(stream, styles, [sheet]);

        var cells = Cells(stream);

        cells.ShouldAllBe(c => c.CellFormula == null);
        cells[0].DataType!.Value.ShouldBe(CellValues.InlineString);
        cells[0].InnerText.ShouldBe("=1+1");
        cells[1].DataType!.Value.ShouldBe(CellValues.InlineString);
        cells[2].DataType!.Value.ShouldBe(CellValues.Number);
        cells[2].CellValue!.Text.ShouldBe("-3.5");
    }

    [Fact]
    public void ReportXlsx_HasNoFormulaAndKeepsHostileTextAsStrings()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.WriteReport(Report(), stream);

        var cells = Cells(stream);

        cells.ShouldAllBe(c => c.CellFormula == null);
        var hostile = cells.Where(c => c.InnerText.StartsWith('=')).ToList();
        hostile.ShouldNotBeEmpty();
        hostile.ShouldAllBe(c => c.DataType != null && (c.DataType.Value == CellValues.InlineString || c.DataType.Value == CellValues.SharedString));
    }

    [Fact]
    public void ScorecardHtml_EscapesTheIndicatorsNameAreaAndDefinition() =>
        ShouldBeEscaped(ScorecardHtml.Render(Report().Scorecard));

    [Fact]
    public void ReportHtml_EscapesEveryTextFromInput_NameCommentaryBulletsAndActions()
    {
        var html = ReportHtml.Render(Report());

        ShouldBeEscaped(html);
        html.ShouldContain("Owner &lt;script&gt;");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public void Charts_EscapeTheIndicatorsName()
    {
        var report = Report();
        var row = report.Scorecard.Rows.First(r => r.Indicator.Name.Contains(Script, StringComparison.Ordinal));
        var spc = report.Spc[row.Indicator.Id];

        ShouldBeEscaped(Formats.Charts.SeriesChart.Svg(spc.Series, spc.Indicator, row.Target));
        ShouldBeEscaped(Formats.Charts.XmrChartSvg.Svg(spc));
        ShouldBeEscaped(Formats.Charts.BenchmarkBars.Svg([("Us " + Script, 1m, true), (Image, 2m, false)], row.Indicator, 1.5m, 2m));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    private static void ShouldBeEscaped(string html)
    {
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain(Quote);
        html.ShouldContain("&lt;script&gt;");
    }

    private static List<Cell> Cells(MemoryStream stream)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        return [.. document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())];
    }

    /// <summary>The seed report with its first indicator's name, area and definition hostile, and hostile narrative and actions.</summary>
    private CommitteeReport Report()
    {
        Directory.CreateDirectory(_folder);
        foreach (var name in new[] { "catalogue", "targets", "measures", "benchmarks" })
        {
            File.Copy(RepoPaths.InRepo("samples", "seed-scorecard", name + ".csv"), Path.Combine(_folder, name + ".csv"), true);
        }

        var catalogue = Path.Combine(_folder, "catalogue.csv");
        var lines = File.ReadAllLines(catalogue);
        var indicator = lines[1].Split(',')[1];
        lines[1] = lines[1].Replace(indicator, $"\"=HYPERLINK(\"\"http://127.0.0.1/\"\") {Script}{Quote}\"", StringComparison.Ordinal)
            .Replace("(DfE children in need census)", $"({Image} census)", StringComparison.Ordinal);
        File.WriteAllLines(catalogue, lines);
        var input = ScorecardFiles.Read(catalogue, Path.Combine(_folder, "targets.csv"), Path.Combine(_folder, "measures.csv"), Path.Combine(_folder, "benchmarks.csv"));
        var area = input.Catalogue[0].Area;
        var narrative = new[] { new AreaNarrative(area, [$"Working {Script}"], [$"A challenge {Image}"], $"Commentary {Script} {Image}") };
        var actions = SeedReport.Actions.Select(a => a with { Owner = "Owner " + Script, Notes = Image + Quote, AreaOfFocus = "=1+1 " + Script }).ToList();
        return App.Reports.CommitteeReports.Build(input, Domain.Periods.Quarter.Parse("2024-25Q4"), Domain.Disclosure.SuppressionPolicy.Default, narrative,
            authority: "Demo " + Script, committee: "Committee " + Image, actions: actions);
    }
}
