using Outturn.Formats.CinCensus;

namespace Outturn.Formats.Tests.Security;

/// <summary>An XML return is read within limits: no DTD (so no entity expansion and nothing fetched), no nesting deeper than any return.</summary>
public sealed class XmlLimitsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-xml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("<!DOCTYPE Message [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Message>&b;</Message>")] // entity expansion
    [InlineData("<!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Message>&x;</Message>")] // an external entity
    [InlineData("<!DOCTYPE Message SYSTEM \"http://127.0.0.1:9/evil.dtd\"><Message/>")] // an external DTD
    public void ADocumentTypeDeclaration_IsRefusedNamingTheFile(string xml)
    {
        var path = Write(xml);

        var error = Should.Throw<InputException>(() => CinCensusReader.Read(path)).Errors.Single();

        // The parser gives no line for a refused DTD (line 0), so none is named
        (error.File, error.Row).ShouldBe((path, (int?)null));
        error.Message.ShouldStartWith("the file is not well-formed XML: For security reasons DTD is prohibited");
    }

    [Fact]
    public void NestingDeeperThanAnyReturn_IsRefusedNamingTheLine()
    {
        var path = Write("<Message>\n" + string.Concat(Enumerable.Repeat("<n>", 100)) + string.Concat(Enumerable.Repeat("</n>", 100)) + "</Message>");

        var error = Should.Throw<InputException>(() => CinCensusReader.Read(path)).Errors.Single();

        (error.File, error.Row).ShouldBe((path, 2));
        error.Message.ShouldBe("the file is not well-formed XML: elements are nested more than 64 deep (at 'n'); no return nests so deep, and the file is refused. Line 2, position 194.");
    }

    private string Write(string xml)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        return path;
    }
}
