using System.Text.RegularExpressions;
using System.Xml.Linq;
using Outturn.Testing;

namespace Outturn.App.Tests;

/// <summary>
/// The layout ARCHITECTURE.md describes, held by the build's own files: which project may reference which, which
/// takes packages, and that only the hosts read the environment or the clock.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>The projects each project under src/ may reference (ARCHITECTURE.md, "Allowed references").</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Outturn.Domain"] = [],
        ["Outturn.Formats"] = ["Outturn.Domain"],
        ["Outturn.App"] = ["Outturn.Domain", "Outturn.Formats"],
        ["Outturn.Demo"] = ["Outturn.Domain", "Outturn.Formats"],
        ["Outturn.Store"] = ["Outturn.Domain", "Outturn.App"],
        ["Outturn.Cli"] = ["Outturn.App", "Outturn.Demo", "Outturn.Formats", "Outturn.Store"],
        ["Outturn.Web"] = ["Outturn.App", "Outturn.Demo", "Outturn.Formats", "Outturn.Store"],
    };

    private static readonly string[] Hosts = ["Outturn.Cli", "Outturn.Web"];

    private static IEnumerable<string> SourceProjects() =>
        Directory.GetDirectories(RepoPaths.InRepo("src")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static XDocument Project(string name) => XDocument.Load(RepoPaths.InRepo("src", name, $"{name}.csproj"));

    private static IEnumerable<string> References(XDocument project) =>
        project.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    [Fact]
    public void EverySourceProject_HasItsRuleAndATestProjectMirroringIt()
    {
        foreach (var name in SourceProjects())
        {
            Allowed.ShouldContainKey(name, $"src/{name} has no rule here or in ARCHITECTURE.md");
            File.Exists(RepoPaths.InRepo("tests", $"{name}.Tests", $"{name}.Tests.csproj")).ShouldBeTrue($"src/{name} has no tests/{name}.Tests");
        }
    }

    [Fact]
    public void SourceProjects_ReferenceOnlyWhatTheLayoutAllows()
    {
        foreach (var name in SourceProjects())
        {
            References(Project(name)).Except(Allowed[name]).ShouldBeEmpty($"src/{name} references a project the layout does not allow");
        }
    }

    [Fact]
    public void NothingReferencesAHost()
    {
        var projects = Directory.GetFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var path in projects)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var hosts = References(XDocument.Load(path)).Intersect(Hosts).ToList();
            if (name.EndsWith(".Tests", StringComparison.Ordinal) && hosts.All(h => name == $"{h}.Tests"))
            {
                continue; // a host's own tests run it
            }

            if (name == "Outturn.Load" && hosts.SequenceEqual(["Outturn.Web"]))
            {
                continue; // the load run serves the web app itself, as its tests do
            }

            hosts.ShouldBeEmpty($"{name} references a host");
        }
    }

    [Fact]
    public void TheDomain_TakesNoPackages() =>
        Project("Outturn.Domain").Descendants("PackageReference").ShouldBeEmpty();

    [Fact]
    public void OnlyTheHosts_ReadTheEnvironmentOrTheClock()
    {
        var offending = SourceProjects().Except(Hosts)
            .SelectMany(name => Directory.GetFiles(RepoPaths.InRepo("src", name), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepoPaths.Root, f), Line: i + 1, Text: line)))
            .Where(x => EnvironmentOrClock().IsMatch(x.Text) && !x.Text.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();

        offending.ShouldBeEmpty();
    }

    [Fact]
    public void TheHosts_ReadFilesOnlyThroughTheApp()
    {
        var offending = Hosts.Where(h => Directory.Exists(RepoPaths.InRepo("src", h)))
            .SelectMany(name => Directory.GetFiles(RepoPaths.InRepo("src", name), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepoPaths.Root, f), Line: i + 1, Text: line)))
            .Where(x => FormatReader().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}: {x.Text.Trim()}")
            .ToList();

        offending.ShouldBeEmpty();
    }

    /// <summary>A call into one of Formats' readers; the hosts use its renderers, and reach files through the App.</summary>
    [GeneratedRegex(@"\b\w+Reader\.|\bScorecardFiles\.Read|\bNarrativeMarkdown\.Read|\bPublishedMeasures\.Read|\bPublishedData\.Open|\bXmlFile\.")]
    private static partial Regex FormatReader();

    [GeneratedRegex(@"\bEnvironment\.|\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bTimeProvider\.System\b|\bAppContext\.BaseDirectory\b")]
    private static partial Regex EnvironmentOrClock();
}
