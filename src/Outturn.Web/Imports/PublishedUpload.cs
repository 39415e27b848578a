using System.Globalization;
using Outturn.Formats;
using Outturn.Formats.Published;

namespace Outturn.Web.Imports;

/// <summary>
/// Published statistics uploaded in the browser: the files of a newer release (a DfE table, the statistical neighbour
/// groupings, LAIT's table or dictionary) laid over a copy of the statistics the app is configured with
/// (<c>Outturn:Published</c>, the shipped <c>data/published</c> by default), so the store's import reads the folder it
/// always reads, with the newer files in it. A measure reads the latest file its pattern matches, so a release with a
/// new name (<c>b1_children_in_need_2013_to_2026.csv</c>) is taken over the one before it.
/// </summary>
public static class PublishedUpload
{
    /// <summary>
    /// The folder an import of <paramref name="files"/> reads, laid out under <paramref name="root"/>: the configured
    /// folder copied, each file put where the import looks for it, and each named in the folder's README as of
    /// <paramref name="release"/> (unless the upload brings its own README).
    /// </summary>
    /// <exception cref="InputException">A file is not one the published statistics are read from (each named with why), or no
    /// release is given for files the upload's README does not name.</exception>
    public static string Lay(string? configured, IReadOnlyList<(string Name, string Path)> files, string? release, string by, DateTimeOffset at, string root)
    {
        ArgumentNullException.ThrowIfNull(files);
        var patterns = PublishedMeasures.Shipped().Where(m => m.Lait is null).Select(m => m.File).Distinct(StringComparer.Ordinal).ToList();
        var errors = new List<InputError>();
        var placed = new List<(string Name, string Path, string Target)>();
        foreach (var (name, path) in files)
        {
            string? target = name.Equals("README.md", StringComparison.OrdinalIgnoreCase) ? "README.md"
                : name is NeighbourFiles.April2021FileName or NeighbourFiles.Model2025FileName ? name
                : name == LaitDictionary.FileName || Matches(name, LaitTable.FilePattern) ? Path.Combine("lait", name)
                : patterns.Any(p => Matches(name, p)) ? name
                : null;
            if (target is null)
            {
                errors.Add(new InputError(name, null, null,
                    $"not a file the published statistics are read from: expected a DfE table named as the measures file maps them ({string.Join(", ", patterns)}), the statistical neighbour groupings ({NeighbourFiles.April2021FileName}, {NeighbourFiles.Model2025FileName}), LAIT's table ({LaitTable.FilePattern}) or {LaitDictionary.FileName}, or a README.md naming their releases."));
                continue;
            }

            placed.Add((name, path, target));
        }

        var ownReadme = placed.Any(p => p.Target == "README.md");
        var named = release?.Trim() is { Length: > 0 } r ? r : null;
        if (!ownReadme && named is null && placed.Count > 0)
        {
            errors.Add(new InputError("(form)", null, "release", "Name the release the files are of, as the DfE does, with its month in brackets: for example \"reporting year 2026 (October 2026)\"."));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var folder = Directory.CreateDirectory(Path.Combine(root, "published")).FullName;
        if (configured is not null && Directory.Exists(configured))
        {
            Copy(configured, folder);
        }

        foreach (var (_, path, target) in placed)
        {
            var to = Path.Combine(folder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(path, to, overwrite: true);
        }

        if (!ownReadme)
        {
            // A row per file, in the README of its folder, in the layout PublishedReleases reads: file, what it is,
            // source, release (replacing any row the folder had for a file of that name).
            var on = at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
            foreach (var group in placed.GroupBy(p => Path.GetDirectoryName(Path.Combine(folder, p.Target))!))
            {
                var readme = Path.Combine(group.Key, "README.md");
                var prefixes = group.Select(p => $"| `{Path.GetFileName(p.Target)}` |").ToList();
                var lines = File.Exists(readme) ? File.ReadAllLines(readme).ToList() : [];
                lines.RemoveAll(l => prefixes.Any(prefix => l.StartsWith(prefix, StringComparison.Ordinal)));
                lines.AddRange(prefixes.Select(prefix => $"{prefix} uploaded | uploaded by {by} on {on} | {named} |"));
                File.WriteAllLines(readme, lines);
            }
        }

        return folder;
    }

    private static bool Matches(string name, string pattern) =>
        System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, name, ignoreCase: false);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
