using Outturn.Formats;
using Outturn.Formats.Staff;
using Outturn.Formats.Tables;

namespace Outturn.Demo.Returns;

/// <summary>Writes the demo LA's staff list in the columns <see cref="StaffReader"/> reads.</summary>
public static class StaffWriter
{
    /// <summary>Writes every social worker: SSDA903 id, the name Annex A shows, and the team.</summary>
    public static void Write(SyntheticLa la, string path)
    {
        ArgumentNullException.ThrowIfNull(la);
        AtomicFile.WriteText(path, CsvText.Write([StaffReader.Columns, .. la.Workers.Select(w => new[] { w.Id, w.Name, w.Team })]));
    }
}
