using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Demo.Returns;
using Outturn.Domain.Periods;
using Outturn.Formats.AnnexA;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public class AnnexAWriterTests
{
    private static readonly FinancialYear Year = FinancialYear.Parse("2024-25");

    /// <summary>Each sheet's name and the texts of its first row, in order.</summary>
    private static List<(string Sheet, List<string> Headers)> HeaderRows(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>();
            var cells = rows.First().Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString
                ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList();
            return (sheet.Name!.Value!, cells);
        }).ToList();
    }

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        AnnexAWriter.Write(SmallLa.OneYear, Year, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Write_HasTheSheetsAndHeaderRowsOfTheAnnexATemplate()
    {
        using var sample = File.OpenRead(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"));
        var expected = HeaderRows(sample);

        var written = HeaderRows(new MemoryStream(Workbook()));

        written.Select(s => s.Sheet).ShouldBe(expected.Select(s => s.Sheet));
        foreach (var ((sheet, headers), (_, sampleHeaders)) in written.Zip(expected))
        {
            headers.ShouldBe(sampleHeaders, sheet);
        }
    }

    [Fact]
    public void Write_IsTheSameByteForByte() => Workbook().ShouldBe(Workbook());

    [Fact]
    public void Build_FillsEveryListOfAYearWithRowsAsWideAsTheHeaders()
    {
        // Large enough to have adoptions (about 2 a year per 10,000 children).
        var la = DemoGenerator.Generate(new DemoSettings(30_000, 2, 7, Year.End));

        var lists = AnnexAWriter.Build(la, Year);

        foreach (var (sheet, headers) in AnnexAWriter.Lists)
        {
            lists[sheet].ShouldAllBe(row => row.Length == headers.Length, sheet);
            lists[sheet].ShouldNotBeEmpty(sheet);
        }

        lists["List 3"].Count.ShouldBe(la.Children.Sum(c => c.CinEpisodes.Count(e => Year.Contains(e.ReferralDate))));
        lists["List 11"].Select(r => r[1]).ShouldBeSubsetOf(lists["List 10"].Select(r => r[1]));
    }

    [Fact]
    public void Read_GivesBackEachReferralsSourceAndNfaAsWritten()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            File.WriteAllBytes(path, Workbook());

            var workbook = AnnexAReader.Read(path);

            workbook.Problems.ShouldBeEmpty();
            var expected = SmallLa.OneYear.Children.SelectMany(c => c.CinEpisodes.Where(e => Year.Contains(e.ReferralDate))
                .Select(e => (c.Id, e.ReferralDate, (string?)e.ReferralSource, (bool?)e.ReferralNfa)));
            workbook.Referrals.Select(r => (r.ChildId, r.ReferralDate, r.Source, r.NoFurtherAction)).ShouldBe(expected, ignoreOrder: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_WritesDatesAsExcelDatesShownDayMonthYear()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var codes = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var birth = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ElementAt(3);

        birth.DataType?.Value.ShouldBe(CellValues.Number);
        codes[formats[(int)birth.StyleIndex!.Value].NumberFormatId!.Value].ShouldBe("dd/mm/yyyy");
        var child = SmallLa.OneYear.Children.First(c => c.Contacts.Any(x => Year.Contains(x.Date)));
        DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(birth.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(child.BirthDate);
    }
}
