using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("outturn-demo-cli-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private string Folder(string name) => Path.Combine(_parent, name);

    private static Dictionary<string, byte[]> Contents(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public void Generate_WritesASmallLaAndPrintsWhatEachReturnHolds()
    {
        var run = CliRun.Of("demo", "generate", "--children", "2000", "--years", "1", "--seed", "7", "-o", Folder("la"));

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        Snapshot.Match(run.Output.Replace(Folder("la"), "DIR", StringComparison.Ordinal), "demo-generate.txt");
        Contents(Folder("la")).Count.ShouldBe(17);
    }

    [Fact]
    public void Generate_TheSameSeedWritesTheSameBytesAndAnotherSeedOthers()
    {
        CliRun.Of("demo", "generate", "-n", "3000", "-y", "2", "-s", "5", "-o", Folder("a")).ExitCode.ShouldBe(0);
        CliRun.Of("demo", "generate", "-n", "3000", "-y", "2", "-s", "5", "-o", Folder("b")).ExitCode.ShouldBe(0);
        CliRun.Of("demo", "generate", "-n", "3000", "-y", "2", "-s", "6", "-o", Folder("c")).ExitCode.ShouldBe(0);

        var a = Contents(Folder("a"));
        var b = Contents(Folder("b"));
        var c = Contents(Folder("c"));

        b.Keys.Order().ShouldBe(a.Keys.Order());
        a.Keys.Where(k => !a[k].SequenceEqual(b[k])).ShouldBeEmpty();
        string[] returns = ["cin-census/CIN_Census_2024-25.xml", "ssda903/2024-25/episodes.csv", "ssda903/2024-25/header.csv", "annex-a/Annex_A_2024-25.xlsx"];
        returns.Where(k => a[k].SequenceEqual(c[k])).ShouldBeEmpty();
    }

    [Fact]
    public void Generate_RefusesAFolderWithFilesInItAndWritesNothing()
    {
        Directory.CreateDirectory(Folder("la"));
        File.WriteAllText(Path.Combine(Folder("la"), "keep.txt"), "mine");

        var run = CliRun.Of("demo", "generate", "-n", "2000", "-y", "1", "-o", Folder("la"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"The input has an error:\n  {Folder("la")}: the folder is not empty; give a new or empty folder.\nNothing was written.\n");
        Directory.GetFileSystemEntries(_parent).ShouldBe([Folder("la")]);
        Directory.GetFileSystemEntries(Folder("la")).Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("--as-at", "31/03/2025", "--as-at '31/03/2025' is not a date like 2025-03-31.\n")]
    [InlineData("--children", "100", "--children must be from 500 to 2,000,000.\n")]
    [InlineData("--years", "12", "--years must be from 1 to 10.\n")]
    public void Generate_RefusesBadOptions(string option, string value, string message)
    {
        var run = CliRun.Of("demo", "generate", option, value, "-o", Folder("la"));

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe(message);
        Directory.Exists(Folder("la")).ShouldBeFalse();
    }

    [Fact]
    public void Generate_AuthoritiesWritesEachInAFolderOfItsCodeSharingTheChildren()
    {
        var run = CliRun.Of("demo", "generate", "--authorities", "3", "-n", "3000", "-y", "1", "-s", "7", "-o", Folder("set"));

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        Snapshot.Match(run.Output.Replace(Folder("set"), "DIR", StringComparison.Ordinal), "demo-generate-authorities.txt");
        Directory.GetDirectories(Folder("set")).Select(Path.GetFileName).Order().ShouldBe(["001", "002", "003"]);
        var files = Contents(Folder("set"));
        files.Count.ShouldBe(3 * 17);
        foreach (var code in new[] { "001", "002", "003" })
        {
            System.Text.Encoding.UTF8.GetString(files[Path.Combine(code, "cin-census", "CIN_Census_2024-25.xml")]).ShouldContain($"<LEA>{code}</LEA>");
            System.Text.Encoding.UTF8.GetString(files[Path.Combine(code, "population", "ons_mid-year_population_estimates.csv")]).ShouldContain($",{code},E06900{code},Synthetic authority {code},");
        }

        CliRun.Of("demo", "generate", "--authorities", "3", "-n", "3000", "-y", "1", "-s", "7", "-o", Folder("again")).ExitCode.ShouldBe(0);
        var again = Contents(Folder("again"));
        again.Keys.Order().ShouldBe(files.Keys.Order());
        files.Keys.Where(k => !files[k].SequenceEqual(again[k])).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0", "3000", "--authorities must be from 1 to 153.\n")]
    [InlineData("154", "100000", "--authorities must be from 1 to 153.\n")]
    [InlineData("3", "1000", "--children must be from 1,500 to 6,000,000 for 3 authorities (500 to 2,000,000 each).\n")]
    public void Generate_AuthoritiesRefusesBadCounts(string authorities, string children, string message)
    {
        var run = CliRun.Of("demo", "generate", "--authorities", authorities, "-n", children, "-o", Folder("set"));

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldBe(message);
        Directory.Exists(Folder("set")).ShouldBeFalse();
    }

    [Fact]
    public void Help_MatchesTheExpectedFile()
    {
        var run = CliRun.Of("demo", "generate", "--help");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "demo-generate-help.txt");
    }
}
