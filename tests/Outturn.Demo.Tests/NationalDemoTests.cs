using System.Xml.Linq;
using Outturn.App.ChildLevel;
using Outturn.Demo.Returns;
using Outturn.Domain.Benchmarking;
using Outturn.Formats;
using Outturn.Formats.Population;
using Outturn.Testing;

namespace Outturn.Demo.Tests;

public sealed class NationalDemoTests : IDisposable
{
    private static readonly DateOnly AsAt = new(2025, 3, 31);

    private readonly string _parent = Directory.CreateTempSubdirectory("outturn-national-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private static Dictionary<string, byte[]> Contents(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static string Lea(string xmlFile) => XDocument.Load(xmlFile).Descendants("LEA").Single().Value;

    [Fact]
    public void Settings_ShareTheChildrenAndGiveEachAuthorityItsOwnCodesAndSeed()
    {
        var set = NationalDemo.Settings(3, 3_001, 1, 5, AsAt);

        set.Select(s => s.Children).ShouldBe([1_001, 1_000, 1_000]);
        set.Select(s => s.Authority.OldLaCode).ShouldBe(["001", "002", "003"]);
        set.Select(s => s.Authority.NewLaCode).ShouldBe(["E06900001", "E06900002", "E06900003"]);
        set.Select(s => s.Authority.Name).ShouldBe(["Synthetic authority 001", "Synthetic authority 002", "Synthetic authority 003"]);
        set.Select(s => s.Seed).Distinct().Count().ShouldBe(3);
        NationalDemo.Settings(3, 3_001, 1, 5, AsAt).Select(s => s.Seed).ShouldBe(set.Select(s => s.Seed));
        NationalDemo.Settings(3, 3_001, 1, 6, AsAt).Select(s => s.Seed).ShouldNotBe(set.Select(s => s.Seed));
    }

    [Fact]
    public void Synthetic_CodesBelongToNoRealAuthority()
    {
        var codes = Enumerable.Range(1, DemoAuthority.MaxSynthetic).Select(DemoAuthority.Synthetic).ToList();
        // Every authority's codes in the published children in need table and ONS estimates (2012 to 2025), and those
        // of code changes and reorganisations.
        var real = new[] { "b1_children_in_need_2013_to_2025.csv", "ons_mid-year_population_estimates_2012_to_2024.csv" }
            .SelectMany(f => RawCsv.Rows(RepoPaths.InPublished(f)))
            .SelectMany(row => new[] { row["old_la_code"], row["new_la_code"] })
            .Where(code => code.Length > 0)
            .Concat(AuthorityCodes.England.SelectMany(c => new[] { c.Old, c.New }))
            .Concat(Reorganisation.England.SelectMany(r => r.Predecessors.Concat(r.Successors)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        real.Count.ShouldBeGreaterThan(300);

        codes.Select(c => c.OldLaCode).Distinct().Count().ShouldBe(153);
        codes.ShouldAllBe(c => int.Parse(c.OldLaCode, System.Globalization.CultureInfo.InvariantCulture) < 201 && !real.Contains(c.OldLaCode) && !real.Contains(c.NewLaCode));
        Should.Throw<ArgumentOutOfRangeException>(() => DemoAuthority.Synthetic(154));
        Should.Throw<ArgumentOutOfRangeException>(() => NationalDemo.Settings(3, 1_499, 1, 1, AsAt)).ParamName.ShouldBe("children");
    }

    [Fact]
    public void Write_EachAuthorityInItsOwnFolderReadableAsOneLa_TheSameBytesOnOneCoreOrMany()
    {
        var set = NationalDemo.Settings(3, 3_000, 1, 7, AsAt);

        var files = NationalDemo.Write(set, Path.Combine(_parent, "many"), parallel: 3);
        NationalDemo.Write(set, Path.Combine(_parent, "one"), parallel: 1);

        var many = Contents(Path.Combine(_parent, "many"));
        var one = Contents(Path.Combine(_parent, "one"));
        files.Order().ShouldBe(many.Keys.Order());
        one.Keys.Order().ShouldBe(many.Keys.Order());
        many.Keys.Where(k => !many[k].SequenceEqual(one[k])).ShouldBeEmpty();
        Directory.GetFileSystemEntries(_parent).Order().ShouldBe([Path.Combine(_parent, "many"), Path.Combine(_parent, "one")]);

        foreach (var settings in set)
        {
            var code = settings.Authority.OldLaCode;
            var folder = new DemoFolder(Path.Combine(_parent, "many", code));
            Lea(folder.CinCensusOf(settings.LastYear)).ShouldBe(code);
            Directory.GetFiles(folder.Sen2).ShouldAllBe(f => Lea(f) == code);
            OnsPopulationReader.Read(folder.Population, settings.Authority.NewLaCode).ShouldNotBeEmpty();

            var load = ChildLevelFiles.Read(folder.ToChildLevelPaths());
            load.Data.Authority.ShouldBe(code);
            load.Problems.ShouldNotContain(p => p.Outcome == Outcome.Refused);
        }

        many[Path.Combine("001", "cin-census", "CIN_Census_2024-25.xml")].ShouldNotBe(many[Path.Combine("002", "cin-census", "CIN_Census_2024-25.xml")]);
    }

    [Fact]
    public void Write_RefusesAFolderWithFilesInIt()
    {
        var target = Directory.CreateDirectory(Path.Combine(_parent, "set")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        Should.Throw<InputException>(() => NationalDemo.Write(NationalDemo.Settings(2, 1_000, 1, 1, AsAt), target))
            .Errors.Single().Message.ShouldBe("the folder is not empty; give a new or empty folder.");
        Directory.GetFileSystemEntries(_parent).ShouldBe([target]);
    }
}
