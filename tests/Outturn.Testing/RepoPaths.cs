namespace Outturn.Testing;

/// <summary>Finds the repository and the data it ships, wherever the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding <c>Outturn.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's <c>data/published</c>: the DfE and ONS statistics as published.</summary>
    public static string Published => InRepo("data", "published");

    /// <summary>The repository's <c>data/samples</c>: synthetic returns published as test data by other tools.</summary>
    public static string Samples => InRepo("data", "samples");

    /// <summary>A path under the repository.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A path under <c>data/published</c>.</summary>
    public static string InPublished(params string[] parts) => Path.Combine([Published, .. parts]);

    /// <summary>A path under <c>data/samples</c>, e.g. <c>InSamples("ssda903", "header.csv")</c>.</summary>
    public static string InSamples(params string[] parts) => Path.Combine([Samples, .. parts]);

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
