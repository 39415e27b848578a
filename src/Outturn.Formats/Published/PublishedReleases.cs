using System.Text.RegularExpressions;

namespace Outturn.Formats.Published;

/// <summary>The release a published statistics file came from, as the folder holding it names it.</summary>
/// <remarks>
/// A folder's <c>README.md</c> may list its files in a table whose rows begin <c>| `file name` | what it holds |
/// source publication | release |</c> (as <c>data/published/README.md</c> does): the release is then the source
/// publication (links reduced to their text) and the release cell. A file the README does not list, or a folder
/// without one, is named by the folder (a release downloaded into <c>children-in-need-2026/</c> is that).
/// </remarks>
public static partial class PublishedReleases
{
    /// <summary>The release of the file at <paramref name="path"/>.</summary>
    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var readme = Path.Combine(folder, "README.md");
        var prefix = $"| `{Path.GetFileName(full)}` |";
        if (File.Exists(readme))
        {
            foreach (var line in File.ReadLines(readme))
            {
                if (!line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 6 && cells[3].Length > 0 && cells[4].Length > 0)
                {
                    return $"{Link().Replace(cells[3], "$1")}, {Link().Replace(cells[4], "$1")}";
                }
            }
        }

        return $"the files in {Path.GetFileName(folder)}";
    }

    /// <summary>The month a release names in brackets (<c>reporting year 2025 (October 2025)</c> gives <c>October 2025</c>), or null.</summary>
    public static string? MonthOf(string release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var match = Month().Match(release);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\(((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\)")]
    private static partial Regex Month();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();
}
