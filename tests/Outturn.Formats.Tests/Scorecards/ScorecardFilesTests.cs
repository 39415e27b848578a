using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Scorecards;

public class ScorecardFilesTests
{
    private static string Data(string file) => Path.Combine(RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Scorecards", "TestData"), file);

    private static string Relative(InputException e) =>
        string.Join("\n", e.Errors.Select(x => (x with { File = Path.GetFileName(x.File) }).ToString())) + "\n";

    [Fact]
    public void Read_ListsEveryErrorInEveryFileWithFileRowAndColumn()
    {
        // When the four broken files are read together
        var e = Should.Throw<InputException>(() => ScorecardFiles.Read(Data("catalogue.csv"), Data("targets.csv"), Data("measures.csv"), Data("benchmarks.csv")));

        // Then every problem is reported, not only the first
        Snapshot.Match(Relative(e), "bad-files.txt");
    }

    [Fact]
    public void Read_NamesAMissingColumnAndWhatTheHeaderHas()
    {
        var e = Should.Throw<InputException>(() => ScorecardFiles.Read(
            RepoPaths.InRepo("samples", "seed-scorecard", "catalogue.csv"), RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"), Data("missing-column.csv")));

        Relative(e).ShouldBe(
            "missing-column.csv, row 1, column 'value': the column 'value' is missing; the header row has: indicator, period, amount.\n" +
            "missing-column.csv, row 1, column 'numerator': the column 'numerator' is missing; the header row has: indicator, period, amount.\n" +
            "missing-column.csv, row 1, column 'denominator': the column 'denominator' is missing; the header row has: indicator, period, amount.\n" +
            "missing-column.csv, row 1, column 'amount': 'amount' is not a column of this file (indicator, period, value, numerator, denominator), so it would not be read: a misspelt column would change figures without a word, so the file is refused; rename or remove it.\n");
    }

    [Fact]
    public void Read_RefusesAMisspeltAmberColumnRatherThanGiveTwoBandsForThree()
    {
        // The seed's targets with 'amber' written 'ambr': read as given, every indicator would lose its amber band.
        const string Refusal = "targets-misspelt-amber.csv, row 1, column 'ambr': 'ambr' is not a column of this file (indicator, year, green, amber), so it would not be read: a misspelt column would change figures without a word, so the file is refused; rename or remove it.\n";
        var catalogue = RepoPaths.InRepo("samples", "seed-scorecard", "catalogue.csv");

        Relative(Should.Throw<InputException>(() => ScorecardFiles.Read(catalogue, Data("targets-misspelt-amber.csv"), RepoPaths.InRepo("samples", "seed-scorecard", "measures.csv")))).ShouldBe(Refusal);
        var indicators = ScorecardFiles.Read(catalogue, RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"), RepoPaths.InRepo("samples", "seed-scorecard", "measures.csv")).Catalogue;
        Relative(Should.Throw<InputException>(() => ScorecardFiles.ReadTargets(Data("targets-misspelt-amber.csv"), indicators))).ShouldBe(Refusal);
    }

    [Fact]
    public void Read_NamesAFileThatDoesNotExist()
    {
        var e = Should.Throw<InputException>(() => ScorecardFiles.Read(Data("nope.csv"), Data("targets.csv"), Data("measures.csv")));

        e.Errors.ShouldHaveSingleItem().ToString().ShouldEndWith("nope.csv: the file does not exist.");
    }

    [Fact]
    public void Read_TakesAWorkbookAsItIsSeen()
    {
        // Given measures typed into a spreadsheet: the month as a date, the value as a formatted percentage
        var path = Path.Combine(Path.GetTempPath(), $"outturn-measures-{Guid.NewGuid():N}.xlsx");
        try
        {
            WriteWorkbook(path);

            // When read beside the CSV catalogue
            var input = ScorecardFiles.Read(Data("../../../../samples/seed-scorecard/catalogue.csv"), RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"), path);

            // Then the date is the month and 0.925 shown as 92.5% is 92.5
            var measure = input.Measures.ShouldHaveSingleItem();
            measure.Period.ShouldBe(new Domain.Periods.Month(2025, 3));
            measure.Observation.Value.ShouldBe(92.5m);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TellsAMonthFromAYearWrittenWithTheSameDigits()
    {
        // Given December 2011 and the financial year 2011-12 (written 201112, as "2011-12" reads as the month)
        var path = Path.Combine(Path.GetTempPath(), $"outturn-measures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "indicator,period,value,numerator,denominator\ncin-rate,2011-12,300,,\ncin-rate,201112,310,,\n");
        try
        {
            // When read
            var input = ScorecardFiles.Read(RepoPaths.InRepo("samples", "seed-scorecard", "catalogue.csv"), RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"), path);

            // Then both are kept: they are different periods, not one figure given twice
            input.Measures.Select(m => (m.Period.Kind, m.Period.ToString())).ShouldBe([(Domain.Periods.PeriodKind.Month, "2011-12"), (Domain.Periods.PeriodKind.Year, "2011-12")]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        Cell Text(string r, string v) => new() { CellReference = r, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) };
        Cell Num(string r, string v, uint style) => new() { CellReference = r, CellValue = new CellValue(v), StyleIndex = style };
        sheetPart.Worksheet = new Worksheet(new SheetData(
            new Row(Text("A1", "indicator"), Text("B1", "period"), Text("C1", "value"), Text("D1", "numerator"), Text("E1", "denominator")) { RowIndex = 1 },
            new Row(Text("A2", "cin-rate"), Num("B2", "45717", 1), Num("C2", "0.925", 2)) { RowIndex = 2 })); // 45717 is 1 March 2025
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Measures" }));
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 10 }));
        workbook.Workbook.Save();
    }
}
