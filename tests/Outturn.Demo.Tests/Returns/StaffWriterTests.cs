using Outturn.Demo.Returns;
using Outturn.Formats.Staff;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public class StaffWriterTests
{
    [Fact]
    public void Staff_MatchesTheExpectedFileAndReadsBack()
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-staff-{Guid.NewGuid():N}.csv");
        try
        {
            StaffWriter.Write(SmallLa.OneYear, path);

            Snapshot.Match(File.ReadAllText(path), "staff.csv");
            StaffReader.Read(path).Select(m => (m.Id, m.Name, m.Team)).ShouldBe(SmallLa.OneYear.Workers.Select(w => (w.Id, w.Name, (string?)w.Team)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
