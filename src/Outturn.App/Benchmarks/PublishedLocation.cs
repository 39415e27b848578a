namespace Outturn.App.Benchmarks;

/// <summary>Where the published statistics are, when no one says.</summary>
public static class PublishedLocation
{
    /// <summary>The file that marks the repository's root folder, whose <c>data/published</c> holds the statistics.</summary>
    public const string RepositoryMarker = "Outturn.slnx";

    /// <summary>
    /// The folder of published statistics: the one configured; else the <c>published</c> folder beside the app (the
    /// build copies the repository's <c>data/published</c> there); else <c>data/published</c> in the repository, the
    /// first folder holding <c>Outturn.slnx</c> above the app or the working directory; null when there is none.
    /// </summary>
    /// <param name="configured">The folder named by the user (an option or configuration), if any.</param>
    /// <param name="appFolder">The folder the program runs from.</param>
    /// <param name="workingFolder">The working directory.</param>
    public static string? Find(string? configured, string appFolder, string workingFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var beside = Path.Combine(appFolder, "published");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { appFolder, workingFolder })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, RepositoryMarker)))
                {
                    var candidate = Path.Combine(d.FullName, "data", "published");
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }

                    break;
                }
            }
        }

        return null;
    }
}
