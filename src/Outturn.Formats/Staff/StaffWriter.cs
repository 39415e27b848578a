using Outturn.Domain.Demo;

namespace Outturn.Formats.Staff;

/// <summary>Writes the demo LA's staff list in the columns <see cref="StaffReader"/> reads.</summary>
public static class StaffWriter
{
    /// <summary>Writes every social worker: SSDA903 id, the name Annex A shows, and the team.</summary>
    public static void Write(SyntheticLa la, string path)
    {
        ArgumentNullException.ThrowIfNull(la);
        AtomicFile.WriteText(path, string.Join("\n", la.Workers.Select(w => $"{Field(w.Id)},{Field(w.Name)},{Field(w.Team)}").Prepend(string.Join(",", StaffReader.Columns))) + "\n");
    }

    private static string Field(string text) => text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
