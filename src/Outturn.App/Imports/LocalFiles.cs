using Outturn.Domain.Indicators;
using Outturn.Formats;
using Outturn.Formats.Scorecards;

namespace Outturn.App.Imports;

/// <summary>
/// A local catalogue or measures file as received (its bytes), read by the scorecard's own readers: each problem is
/// added to the caller's list, named by the file's name.
/// </summary>
public static class LocalFiles
{
    /// <summary>The indicators of a catalogue file whose rows hold no problem; <paramref name="check"/> may refuse one, naming the field.</summary>
    public static IReadOnlyList<Indicator> ReadCatalogue(ReturnFile file, List<InputError> errors, Func<Indicator, Problem?>? check = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Laid(file, errors, (path, found) => ScorecardFiles.ReadCatalogue(path, found, check));
    }

    /// <summary>The figures of a measures file whose rows hold no problem, against <paramref name="catalogue"/>; <paramref name="refuse"/> says why an id may have none.</summary>
    public static IReadOnlyList<Measure> ReadMeasures(ReturnFile file, IReadOnlyList<Indicator> catalogue, List<InputError> errors, Func<string, string?>? refuse = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Laid(file, errors, (path, found) => ScorecardFiles.ReadMeasures(path, catalogue, found, refuse));
    }

    /// <summary>Writes the bytes to a temporary file of the same extension, reads it, and names the problems by the file's name.</summary>
    private static T Laid<T>(ReturnFile file, List<InputError> errors, Func<string, List<InputError>, T> read)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = Directory.CreateTempSubdirectory("outturn-local-").FullName;
        var path = Path.Combine(root, "file" + Path.GetExtension(file.Name).ToLowerInvariant());
        try
        {
            File.WriteAllBytes(path, file.Content);
            var found = new List<InputError>();
            var result = read(path, found);
            errors.AddRange(found.Select(e => e with { File = e.File.Replace(path, file.Name, StringComparison.Ordinal) }));
            return result;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
