using Outturn.App.ChildLevel;
using Outturn.Demo.Returns;
using Outturn.Formats;

namespace Outturn.Demo.Tests.Returns;

public sealed class DemoWriterTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("outturn-demo-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void Write_WritesEveryReturnOfEveryYear()
    {
        var target = Path.Combine(_parent, "la");

        var files = DemoWriter.Write(SmallLa.ThreeYears, target);

        files.Count.ShouldBe((3 * 11) - 1 + 3 + 4 + 3); // 903 tables (no SW episodes in 2022-23), 3 censuses, 3 SEN2 censuses and an extract, Annex A, population, staff
        files.ShouldContain(Path.Combine("ssda903", "2022-23", "episodes.csv"));
        files.ShouldContain(Path.Combine("cin-census", "CIN_Census_2024-25.xml"));
        files.ShouldContain(Path.Combine("annex-a", "Annex_A_2024-25.xlsx"));
        files.Where(f => f.StartsWith("sen2", StringComparison.Ordinal)).ShouldBe(
            [.. new[] { "SEN2_2023-01-19.xml", "SEN2_2024-01-18.xml", "SEN2_2025-01-16.xml", "SEN2_2025-03-31.xml" }.Select(f => Path.Combine("sen2", f))]);
        files.ShouldAllBe(f => File.Exists(Path.Combine(target, f)));
        Directory.GetFileSystemEntries(_parent).ShouldBe([target]);
    }

    [Fact]
    public void Folder_NamesWhereEachReturnWasWritten()
    {
        var target = Path.Combine(_parent, "la");
        DemoWriter.Write(SmallLa.ThreeYears, target);

        var folder = new DemoFolder(target);
        var paths = folder.ToChildLevelPaths();

        new[] { paths.Ssda903!, paths.Cin!, paths.Sen2!, folder.Ssda903Of(SmallLa.ThreeYears.Settings.FirstYear) }.ShouldAllBe(d => Directory.Exists(d));
        new[] { paths.AnnexA!, paths.Staff!, paths.Population!, folder.CinCensusOf(SmallLa.ThreeYears.Settings.LastYear), folder.Sen2Of(new DateOnly(2025, 3, 31)) }
            .ShouldAllBe(f => File.Exists(f));
        paths.AnnexA.ShouldBe(folder.AnnexAOf(SmallLa.ThreeYears.Settings.LastYear));
    }

    [Fact]
    public void Write_RefusesAFolderWithFilesInItAndLeavesItAlone()
    {
        var target = Directory.CreateDirectory(Path.Combine(_parent, "la")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var error = Should.Throw<InputException>(() => DemoWriter.Write(SmallLa.OneYear, target));

        error.Errors.Single().Message.ShouldBe("the folder is not empty; give a new or empty folder.");
        Directory.GetFileSystemEntries(target).ShouldBe([Path.Combine(target, "keep.txt")]);
        Directory.GetFileSystemEntries(_parent).ShouldBe([target]);
    }

    [Fact]
    public void Write_FillsAnEmptyFolder()
    {
        var target = Directory.CreateDirectory(Path.Combine(_parent, "la")).FullName;

        DemoWriter.Write(SmallLa.OneYear, target);

        File.Exists(Path.Combine(target, "population", "ons_mid-year_population_estimates.csv")).ShouldBeTrue();
    }
}
