using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outturn.Web.Imports;

/// <summary>An upload checked and held until the person who made it accepts or cancels it.</summary>
/// <param name="Token">The random key it is held under.</param>
/// <param name="Kind">What it is: <see cref="HeldUploads.Returns"/>, <see cref="HeldUploads.Targets"/> or <see cref="HeldUploads.Published"/>.</param>
/// <param name="Year">The financial year given for SSDA903 files, or null.</param>
/// <param name="By">Who uploaded it (only they may accept it).</param>
/// <param name="At">When it was held.</param>
/// <param name="Files">Each file's name as received (for people, never a path) and where it is held.</param>
/// <param name="Release">For published statistics, the release the files are of, as the analyst named it.</param>
public sealed record HeldUpload(string Token, string Kind, string? Year, string By, DateTimeOffset At, IReadOnlyList<(string Name, string Path)> Files, string? Release = null);

/// <summary>
/// Uploads held between their check and their acceptance, each in a folder of the temporary folder named by a random
/// token (64 hex digits, checked before it is used as a path); the files are numbered, so no name a person gave is ever
/// a path. A held upload goes when it is accepted or cancelled, or after <see cref="Lifetime"/>.
/// </summary>
/// <param name="clock">The host's clock.</param>
public sealed partial class HeldUploads(TimeProvider clock)
{
    /// <summary>Returns (and the files read with them).</summary>
    public const string Returns = "returns";

    /// <summary>A targets file.</summary>
    public const string Targets = "targets";

    /// <summary>An upload of published statistics: files of a newer release laid over the statistics the app is configured with.</summary>
    public const string Published = "published";

    /// <summary>How long an upload is held without being accepted or cancelled.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string ManifestName = "held.json";

    private sealed record Manifest(string Kind, string? Year, string By, DateTimeOffset At, string[] Names, string[] Files, string? Release = null);

    /// <summary>The folder the uploads are held in.</summary>
    public string Root { get; init; } = Path.Combine(Path.GetTempPath(), "outturn-held-uploads");

    /// <summary>
    /// Holds the files (their names reduced to letters, digits, spaces, dots, hyphens and underscores) and gives the
    /// upload; any upload held longer than <see cref="Lifetime"/> goes first.
    /// </summary>
    public HeldUpload Hold(string kind, string? year, string by, IReadOnlyList<(string Name, byte[] Content)> files, string? release = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // Written whole under another name first, so a sweep (here or on another instance) never meets half an upload.
        var partial = Directory.CreateDirectory(Path.Combine(Root, token + ".partial")).FullName;
        var folder = Path.Combine(Root, token);
        var names = files.Select(f => SafeName(f.Name)).ToArray();

        // Each file under a number and the extension it is read by: nothing a person typed reaches the file system.
        var held = names.Select((n, i) => $"{i:D4}{Extension(n)}").ToArray();
        for (var i = 0; i < files.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(partial, held[i]), files[i].Content);
        }

        var manifest = new Manifest(kind, year, by, clock.GetUtcNow(), names, held, release);
        File.WriteAllText(Path.Combine(partial, ManifestName), JsonSerializer.Serialize(manifest));
        Directory.Move(partial, folder);
        return Upload(token, folder, manifest);
    }

    /// <summary>The upload held under <paramref name="token"/> for <paramref name="by"/>; null when there is none (wrong, expired, or another person's).</summary>
    public HeldUpload? Find(string? token, string by)
    {
        if (Folder(token) is not { } folder || Read(folder) is not { } manifest)
        {
            return null;
        }

        if (clock.GetUtcNow() - manifest.At > Lifetime)
        {
            Directory.Delete(folder, recursive: true);
            return null;
        }

        return manifest.By == by ? Upload(token!, folder, manifest) : null;
    }

    /// <summary>Removes the upload held under <paramref name="token"/>, if there is one.</summary>
    public void Remove(string? token)
    {
        if (Folder(token) is { } folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Removed already (a second click, or another instance's sweep).
            }
        }
    }

    /// <summary>
    /// Removes every upload held longer than <see cref="Lifetime"/> (or whose folder cannot be read), and any left half
    /// written that long ago (an instance stopped while holding it).
    /// </summary>
    public void Sweep()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            var stale = TokenPattern().IsMatch(name)
                ? Read(folder) is not { } manifest || clock.GetUtcNow() - manifest.At > Lifetime
                : name.EndsWith(".partial", StringComparison.Ordinal) && TokenPattern().IsMatch(name[..^".partial".Length])
                    && clock.GetUtcNow() - Directory.GetLastWriteTimeUtc(folder) > Lifetime;
            if (stale)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another instance removed it first.
                }
            }
        }
    }

    /// <summary>A name as received, reduced to what is safe to show and to read an extension from.</summary>
    public static string SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var safe = UnsafeCharacters().Replace(last, "_").TrimStart('.', ' ');
        return safe.Length == 0 ? "upload" : safe.Length > 120 ? safe[^120..] : safe;
    }

    private static string Extension(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".csv" => ".csv",
        ".xml" => ".xml",
        ".xlsx" => ".xlsx",
        ".parquet" => ".parquet",
        ".md" => ".md",
        _ => ".upload",
    };

    private static HeldUpload Upload(string token, string folder, Manifest m) =>
        new(token, m.Kind, m.Year, m.By, m.At, [.. m.Names.Select((n, i) => (n, Path.Combine(folder, m.Files[i])))], m.Release);

    private string? Folder(string? token)
    {
        if (token is null || !TokenPattern().IsMatch(token))
        {
            return null;
        }

        var folder = Path.Combine(Root, token);
        return Directory.Exists(folder) ? folder : null;
    }

    private static Manifest? Read(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(folder, ManifestName)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("[^A-Za-z0-9 ._-]")]
    private static partial Regex UnsafeCharacters();
}
