using Outturn.Formats.Tables;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Tables;

public class TableReaderTests
{
    private static string Data(string file) => RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Tables", "TestData", file);

    // Issue 10 item 14: "A table saved with semicolons (as Excel does in some locales) reads as empty". Excel's "CSV"
    // uses the list separator of the Windows region (a semicolon where the decimal separator is a comma), and
    // "Text (Tab delimited)" uses tabs: the header row says which.
    [Theory]
    [InlineData("oc3-semicolons.csv")]
    [InlineData("oc3-tabs.csv")]
    public void Read_TakesTheDelimiterFromTheHeaderRow(string file)
    {
        var table = TableReader.Read(Data(file));

        table.Headers.ShouldBe(["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]);
        table.Rows[0]["ACCOM"].ShouldBe("B1");
        table.Rows[0].Number.ShouldBe(2);
    }

    [Fact]
    public void Read_CountsOnlyDelimitersOutsideQuotes()
    {
        var table = TableReader.Read(Data("quoted.csv"));

        table.Headers.ShouldBe(["CHILD", "Name; as known", "DOB"]);
        table.Rows.Single()["Name; as known"].ShouldBe("Smith; J");
    }

    [Fact]
    public void Read_RefusesAHeaderRowWhoseDelimiterCannotBeTold()
    {
        var error = Should.Throw<InputException>(() => TableReader.Read(Data("mixed.csv"))).Errors.Single();

        (error.Row, error.Outcome).ShouldBe((1, Outcome.Refused));
        error.Message.ShouldBe("the header row has 2 commas and 2 semicolons, so its columns cannot be told apart; save the file as CSV with one delimiter (commas, semicolons or tabs). The file is refused.");
    }
}
