using Outturn.Domain.ChildLevel;
using Outturn.Formats.Staff;

namespace Outturn.Formats.Tests.Staff;

public sealed class StaffReaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"outturn-staff-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Read_TakesIdNameAndTeam()
    {
        File.WriteAllText(_file, "id,name,team\nSW0001,Fern Ellery,Children in Care Team 1\nSW0002,\"Carrow, Gideon\",\n");

        StaffReader.Read(_file).ShouldBe([new StaffMember("SW0001", "Fern Ellery", "Children in Care Team 1"), new StaffMember("SW0002", "Carrow, Gideon", null)]);
    }

    [Fact]
    public void Read_RefusesTheListWithEveryProblem()
    {
        File.WriteAllText(_file, "id,name,team\nSW0001,Fern Ellery,East\n,No Id,East\nSW0001,Again,West\nSW0003,,West\n");

        var error = Should.Throw<InputException>(() => StaffReader.Read(_file));

        error.Errors.Select(e => (e.Row, e.Field, e.Message)).ShouldBe(
        [
            ((int?)3, (string?)"id", "every worker needs an id and a name."),
            (4, "id", "'SW0001' is already on row 2."),
            (5, "name", "every worker needs an id and a name."),
        ]);
    }

    [Fact]
    public void Read_NamesAMissingColumn()
    {
        File.WriteAllText(_file, "id,worker\nSW0001,Fern Ellery\n");

        Should.Throw<InputException>(() => StaffReader.Read(_file)).Errors.Select(e => e.Field).ShouldBe(["name", "team"]);
    }

    [Fact]
    public void WithStaff_GivesTheSsda903WorkerTheNameAndTeamAnnexAUses()
    {
        var data = LookedAfterData.Empty with
        {
            SocialWorkers = [new SocialWorkerEpisode("C1", "SW0001", new DateOnly(2024, 4, 1), null, null), new SocialWorkerEpisode("C2", "SW0099", new DateOnly(2024, 4, 1), null, null)],
        };

        var named = data.WithStaff([new StaffMember("sw0001", "Fern Ellery", "East")]);

        named.SocialWorkers.Select(s => (s.WorkerId, s.Team)).ShouldBe([("Fern Ellery", "East"), ("SW0099", null)]); // ids match ignoring case; unknown ids kept
    }
}
