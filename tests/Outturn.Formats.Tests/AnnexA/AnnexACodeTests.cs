using Outturn.Formats.AnnexA;

namespace Outturn.Formats.Tests.AnnexA;

public class AnnexACodeTests
{
    [Theory]
    [InlineData("q) 6: Police", "6")]
    [InlineData("6 - Police", "6")]
    [InlineData("6: Police", "6")]
    [InlineData("6 Police", "6")]
    [InlineData("6", "6")]
    [InlineData(" (q) 6 – Police ", "6")]
    [InlineData("b) 1B: Individual", "1B")]
    [InlineData("1b - Individual", "1B")]
    [InlineData("1B", "1B")]
    [InlineData("j) 3D: Health services", "3D")]
    [InlineData("3D Health services", "3D")]
    [InlineData("a) WBRI", "WBRI")]
    [InlineData("WBRI - White British", "WBRI")]
    [InlineData("WBRI White British", "WBRI")]
    [InlineData("WBRI", "WBRI")]
    [InlineData("f) U6: Foster placement - not FFA", "U6")]
    [InlineData("U6 - Foster placement - not FFA", "U6")]
    [InlineData("U6", "U6")]
    [InlineData("e) PR4 - Private provision", "PR4")]
    [InlineData("e. PR4: Private provision", "PR4")]
    [InlineData("PR4", "PR4")]
    [InlineData("N1 - Abuse or Neglect", "N1")]
    [InlineData("U: Independent living", "U")]
    [InlineData("a) Male", "Male")]
    [InlineData("Male", "Male")]
    [InlineData("c) Not stated/recorded", "Not stated/recorded")]
    public void Parse_ReadsTheCodeWhateverFormTheCellGivesIt(string cell, string code) => AnnexACode.Parse(cell)!.Value.Code.ShouldBe(code);

    [Theory]
    [InlineData("q) 6: Police", "Police")]
    [InlineData("f) U6: Foster placement - not FFA", "Foster placement - not FFA")]
    [InlineData("WBRI White British", "White British")]
    [InlineData("a) WBRI", null)]
    [InlineData("Male", null)]
    public void Parse_KeepsTheLabelAfterTheCode(string cell, string? label) => AnnexACode.Parse(cell)!.Value.Label.ShouldBe(label);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_IsNullForABlankCell(string? cell) => AnnexACode.Parse(cell).ShouldBeNull();

    [Theory]
    [InlineData("No further action")] // words, not a code and a label
    [InlineData("Multi-agency")]
    public void Parse_LeavesWordsThatAreNotCodesWhole(string cell) => AnnexACode.Parse(cell)!.Value.ShouldBe(new AnnexACodedValue(cell, null));

    [Theory]
    [InlineData("a) Yes", true)]
    [InlineData("Yes", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("1 - Yes", true)]
    [InlineData("b) No", false)]
    [InlineData("No", false)]
    [InlineData("N", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("", null)]
    [InlineData("c) Not stated/recorded", null)]
    [InlineData("Not known", null)]
    [InlineData("N/K", null)]
    [InlineData("Unknown", null)]
    public void YesNo_ReadsTheWaysLAsWriteYesAndNo(string cell, bool? expected)
    {
        AnnexACode.TryYesNo(cell, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
        AnnexACode.YesNo(cell).ShouldBe(expected);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("Yes - referred to early help")]
    public void YesNo_SaysWhenACellIsNotYesOrNo(string cell)
    {
        AnnexACode.TryYesNo(cell, out var value).ShouldBeFalse();
        value.ShouldBeNull();
        Should.Throw<FormatException>(() => AnnexACode.YesNo(cell)).Message.ShouldBe($"'{cell}' is not yes or no.");
    }

    [Theory]
    [InlineData("a) Male", 1)]
    [InlineData("Male", 1)]
    [InlineData("1 - Male", 1)]
    [InlineData("M", 1)]
    [InlineData("1", 1)]
    [InlineData("b) Female", 2)]
    [InlineData("female", 2)]
    [InlineData("2 - Female", 2)]
    [InlineData("F", 2)]
    [InlineData("c) Not stated/recorded", 0)]
    [InlineData("Not known", 0)]
    [InlineData("U", 0)]
    [InlineData("0", 0)]
    [InlineData("Not specified", 9)]
    [InlineData("Indeterminate", 9)]
    [InlineData("9", 9)]
    [InlineData("", null)]
    public void Gender_GivesTheCinCensusCode(string cell, int? code)
    {
        AnnexACode.TryGender(cell, out var read).ShouldBeTrue();
        read.ShouldBe(code);
        AnnexACode.Gender(cell).ShouldBe(code);
    }

    [Fact]
    public void Gender_SaysWhenACellIsNotAGender()
    {
        AnnexACode.TryGender("Blue", out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => AnnexACode.Gender("Blue"));
    }
}
