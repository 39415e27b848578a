namespace Outturn.Testing;

/// <summary>
/// Finds the DfE published statistics that live beside the repository (<c>../shared/data/published</c>), for tests
/// that check Outturn against the real files.
/// </summary>
public static class PublishedFolder
{
    private static readonly Lazy<string> Found = new(Locate);

    /// <summary>The folder; the test fails with a clear message when it cannot be found.</summary>
    public static string Path => Found.Value;

    /// <summary>A file in the folder.</summary>
    public static string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "data", "published");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"No shared/data/published folder beside the repository, looking up from {AppContext.BaseDirectory}.");
    }
}
