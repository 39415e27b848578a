using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Outturn.Fuzz;

/// <summary>The packages the solution uses, with their licences, and what the feed says of their vulnerabilities.</summary>
internal static class Packages
{
    /// <summary>
    /// Every package of every project, direct and transitive, once per version: its id, version, whether any project
    /// references it directly, and the licence its nuspec declares (in the local NuGet cache, where restore put it).
    /// </summary>
    public static IReadOnlyList<(string Id, string Version, bool Direct, string Licence)> List(string solution)
    {
        var (_, json) = Dotnet($"list \"{solution}\" package --include-transitive --format json");
        using var document = JsonDocument.Parse(json);
        var found = new SortedDictionary<(string, string), bool>();
        foreach (var project in document.RootElement.GetProperty("projects").EnumerateArray())
        {
            foreach (var framework in project.TryGetProperty("frameworks", out var f) ? f.EnumerateArray() : default)
            {
                foreach (var (kind, direct) in new[] { ("topLevelPackages", true), ("transitivePackages", false) })
                {
                    foreach (var package in framework.TryGetProperty(kind, out var p) ? p.EnumerateArray() : default)
                    {
                        var key = (package.GetProperty("id").GetString()!, package.GetProperty("resolvedVersion").GetString()!);
                        found[key] = found.GetValueOrDefault(key) || direct;
                    }
                }
            }
        }

        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return [.. found.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value, Licence(cache, kv.Key.Item1, kv.Key.Item2)))];
    }

    /// <summary>The output of <c>dotnet list package --vulnerable --include-transitive</c>, as the feed answered it.</summary>
    public static string Vulnerable(string solution)
    {
        var (code, output) = Dotnet($"list \"{solution}\" package --vulnerable --include-transitive");
        return code == 0 ? output : $"(exit code {code})\n{output}";
    }

    private static string Licence(string cache, string id, string version)
    {
        var nuspec = Path.Combine(cache, id.ToLowerInvariant(), version.ToLowerInvariant(), id.ToLowerInvariant() + ".nuspec");
        if (!File.Exists(nuspec))
        {
            return "(not in the local cache)";
        }

        var metadata = XDocument.Load(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var licence = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
        var url = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "licenseUrl")?.Value;
        return licence?.Attribute("type")?.Value == "expression" ? licence.Value
            : licence is not null ? $"file {licence.Value}"
            : url ?? "(none declared)";
    }

    private static (int Code, string Output) Dotnet(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.ErrorDataReceived += (_, e) => output.Append(e.Data is null ? "" : e.Data + "\n");
        process.BeginErrorReadLine();
        output.Insert(0, process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
