using System.IO.Compression;
using System.Text;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Tests.Tables;

/// <summary>
/// Workbooks written by hand, part by part, as other tools write them: the reader streams each sheet, so these pin
/// down what the standard allows beyond what our own writer produces (ECMA-376 Part 1, §18.3.1.4 c and §18.3.1.73 row:
/// the r attributes are optional; §18.4 shared strings; §18.8.30 numFmt).
/// </summary>
public sealed class XlsxTableTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadsSharedInlineNumberDateAndPercentCellsAsSeen()
    {
        var path = Workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Rate</t></is></c><c r="D1" t="s"><v>2</v></c></row>
            <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>45747</v></c><c r="C2" s="2"><v>0.925</v></c><c r="D2" t="b"><v>1</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><r><t>Multi </t></r><r><t xml:space="preserve">Agency </t></r><rPh><t>ignored</t></rPh></is></c><c r="B3" t="d"><v>2025-01-02T00:00:00</v></c><c r="C3" t="str"><f>1+1</f><v>2</v></c></row>
            """,
            strings: ["Child ID", "Referral date", "Flag", "6537810"]);

        var table = TableReader.Read(path);

        table.Headers.ShouldBe(["Child ID", "Referral date", "Rate", "Flag"]);
        table.Rows.Select(r => (r.Number, r["Child ID"], r["Referral date"], r["Rate"], r["Flag"])).ShouldBe(
        [
            (2, "6537810", "2025-03-31", "92.5", "TRUE"),
            (3, "Multi Agency", "2025-01-02", "2", ""),
        ]);
    }

    [Fact]
    public void PlacesRowsAndCellsWithoutReferencesAfterTheOneBefore()
    {
        var path = Workbook(
            """
            <row><c t="inlineStr"><is><t>A</t></is></c><c t="inlineStr"><is><t>B</t></is></c><c r="D1" t="inlineStr"><is><t>D</t></is></c><c t="inlineStr"><is><t>E</t></is></c></row>
            <row><c><v>1</v></c><c><v>2</v></c></row>
            <row r="5"><c r="B5"><v>3</v></c><c r="A5" t="inlineStr"><is><t>x</t></is></c><c r="C5"><v>9</v></c><c><v>4</v></c></row>
            """);

        var table = TableReader.Read(path);

        table.Headers.ShouldBe(["A", "B", "", "D", "E"]);
        table.Rows.Select(r => (r.Number, r["A"], r["B"], r["D"])).ShouldBe([(2, "1", "2", ""), (5, "x", "3", "4")]);
    }

    [Fact]
    public void ReadsAStrictWorkbookAsATransitionalOne()
    {
        var path = Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>Child ID</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row>""", ns: Strict);

        TableReader.Read(path).Rows.Single()["Child ID"].ShouldBe("7");
    }

    [Fact]
    public void ReadsEverySheetInTheWorkbooksOrderByName()
    {
        var path = Write(new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            ["_rels/.rels"] = Rels(("rId1", "officeDocument", "/xl/workbook.xml")),
            ["xl/workbook.xml"] = $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List 3" sheetId="1" r:id="rId7"/><sheet name="Empty" sheetId="2" r:id="rId8"/><sheet name="List 4" sheetId="3" r:id="rId9"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = Rels(("rId7", "worksheet", "sheets/b.xml"), ("rId8", "worksheet", "../xl/sheets/empty.xml"), ("rId9", "worksheet", "/xl/sheets/a.xml")),
            ["xl/sheets/b.xml"] = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>three</t></is></c></row>"""),
            ["xl/sheets/empty.xml"] = Sheet(""),
            ["xl/sheets/a.xml"] = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>four</t></is></c></row>"""),
        });

        TableReader.ReadSheets(path).Select(s => (s.Sheet, s.Table.Headers.Single())).ShouldBe([("List 3", "three"), ("List 4", "four")]);
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "a cell points to shared string 5, and the workbook has 0.")]
    [InlineData("<row r=\"x\"><c r=\"A1\"><v>5</v></c></row>", "xl/worksheets/sheet1.xml: row r 'x' is not a whole number.")]
    [InlineData("<row r=\"1\"><c r=\"ZZZZ1\"><v>5</v></c></row>", "the cell reference 'ZZZZ1' is beyond the last column (XFD).")]
    public void RefusesACorruptSheetNamingTheFile(string rows, string message)
    {
        var path = Workbook(rows);

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        (error.File, error.Message).ShouldBe((path, $"the file cannot be read as a table: {message}"));
    }

    [Fact]
    public void RefusesADocumentTypeDeclaration()
    {
        var path = Workbook("", prologue: """<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>""");

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        error.Message.ShouldStartWith("the file cannot be read as a table: For security reasons DTD is prohibited");
    }

    [Fact]
    public void RefusesAPartThatExpandsFarBeyondItsCompressedSize()
    {
        // 5 MB of spaces deflate to a few kilobytes: a ratio no sheet's XML has (it deflates about 10 to 1)
        var path = Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + new string(' ', 5_000_000));

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        error.Message.ShouldMatch(@"^the file cannot be read as a table: the part xl/worksheets/sheet1\.xml expands \d+ times its compressed size, over the 200 a workbook's part may \(a zip bomb\)\.$");
    }

    [Fact]
    public void RefusesElementsNestedDeeperThanAnyWorkbook()
    {
        var path = Workbook(string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100)));

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        error.Message.ShouldStartWith("the file cannot be read as a table: elements are nested more than 64 deep (at 'x')");
    }

    [Fact]
    public void RefusesACellLongerThanExcelAllows()
    {
        var path = Workbook($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', 32_768)}</t></is></c></row>");

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        error.Message.ShouldBe("the file cannot be read as a table: a cell or string holds more than 32767 characters, more than Excel allows in a cell.");
    }

    [Fact]
    public void ReadsACellAsLongAsExcelAllows()
    {
        var path = Workbook($"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{new string('x', 32_767)}</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>");

        TableReader.Read(path).Headers.Single().Length.ShouldBe(32_767);
    }

    [Fact]
    public void RefusesARowBeyondTheLastRowOfASheet()
    {
        var path = Workbook("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>");

        var error = Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single();

        error.Message.ShouldBe("the file cannot be read as a table: xl/worksheets/sheet1.xml: row 1048577 is beyond the last row a sheet has (1048576).");
    }

    [Fact]
    public void RefusesAZipOfMorePartsThanAWorkbookHas()
    {
        var parts = new Dictionary<string, string> { ["_rels/.rels"] = Rels(("rId1", "officeDocument", "xl/workbook.xml")) };
        foreach (var i in Enumerable.Range(0, 10_000))
        {
            parts[$"xl/extra{i}.xml"] = "<a/>";
        }

        var error = Should.Throw<InputException>(() => TableReader.Read(Write(parts))).Errors.Single();

        error.Message.ShouldBe("the file cannot be read as a table: the zip holds 10001 parts, over the 10000 a workbook may have.");
    }

    [Fact]
    public void RefusesAFileThatIsNotAZip()
    {
        var path = Path.Combine(_folder, "not.xlsx");
        File.WriteAllText(path, "Child ID,Date\n1,2025-01-01\n");

        Should.Throw<InputException>(() => TableReader.Read(path)).Errors.Single().Message.ShouldStartWith("the file cannot be read as a table: ");
    }

    private string Workbook(string rows, string[]? strings = null, string ns = Main, string prologue = "")
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            ["_rels/.rels"] = Rels(("rId1", "officeDocument", "xl/workbook.xml")),
            ["xl/workbook.xml"] = $"""<workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = Rels(("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"), ("rId3", "sharedStrings", "sharedStrings.xml")),
            ["xl/styles.xml"] = $"""<styleSheet xmlns="{ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>""",
            ["xl/sharedStrings.xml"] = $"""<sst xmlns="{ns}">{string.Concat((strings ?? []).Select(s => $"<si><t>{s}</t></si>"))}</sst>""",
            ["xl/worksheets/sheet1.xml"] = prologue + Sheet(rows, ns),
        };
        return Write(parts);
    }

    private static string Sheet(string rows, string ns = Main) => $"""<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData></worksheet>""";

    private static string Rels(params (string Id, string Type, string Target)[] relations) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relations.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";

    private string Write(Dictionary<string, string> parts)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return path;
    }
}
