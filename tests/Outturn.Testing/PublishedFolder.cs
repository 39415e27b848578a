namespace Outturn.Testing;

/// <summary>
/// The DfE published statistics the repository ships (<c>data/published</c>), for tests that check Outturn against
/// the real files.
/// </summary>
public static class PublishedFolder
{
    /// <summary>The folder; the test fails with a clear message when it is not there.</summary>
    public static string Path { get; } = Locate();

    /// <summary>A file in the folder.</summary>
    public static string File(string name) => System.IO.Path.Combine(Path, name);

    private static string Locate()
    {
        var folder = RepoPaths.Published;
        return Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"The published statistics are not at {folder} (data/published in the repository).");
    }
}
