namespace Outturn.Testing;

/// <summary>Finds the repository and the shared reference folder beside it, wherever the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding <c>Outturn.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The read-only <c>../shared</c> folder beside the repository (seeds, published data, samples).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path under the repository.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path under <c>../shared</c>.</summary>
    public static string InShared(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outturn.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Outturn.slnx not found above {AppContext.BaseDirectory}.");
    }
}
