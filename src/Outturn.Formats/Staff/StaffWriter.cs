using Outturn.Domain.Demo;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Staff;

/// <summary>Writes the demo LA's staff list in the columns <see cref="StaffReader"/> reads.</summary>
public static class StaffWriter
{
    /// <summary>Writes every social worker: SSDA903 id, the name Annex A shows, and the team.</summary>
    public static void Write(SyntheticLa la, string path)
    {
        ArgumentNullException.ThrowIfNull(la);
        AtomicFile.WriteText(path, CsvText.Write(csv =>
        {
            CsvText.Row(csv, StaffReader.Columns);
            foreach (var w in la.Workers)
            {
                CsvText.Row(csv, w.Id, w.Name, w.Team);
            }
        }));
    }
}
