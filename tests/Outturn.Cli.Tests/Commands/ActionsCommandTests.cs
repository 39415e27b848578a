using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

/// <summary><c>outturn actions</c>: raising, listing and changing the performance board's actions in the store.</summary>
public sealed class ActionsCommandTests : IDisposable
{
    private readonly StoreFolder _store = new("outturn-actions-cli-");

    public void Dispose() => _store.Dispose();

    private string Db => _store.Db;

    private CliRun Run(params string[] args) => CliRun.With(_store.Settings, args);

    private void RaiseThree()
    {
        Run("actions", "add", "--area", "Clear the backlog of assessments over 45 working days", "--indicators", "assess-45wd,rereferrals-12m",
            "--owner", "Head of Service, Safeguarding", "--due", "2025-02-28", "--notes", "Weekly tracking by team began in January.").ExitCode.ShouldBe(0);
        Run("actions", "add", "--area", "Review every third placement move at panel", "--indicators", "placements-3plus",
            "--owner", "Head of Service, Children in Care", "--due", "2025-06-30").ExitCode.ShouldBe(0);
        Run("actions", "add", "--area", "Audit child protection plans open two years", "--indicators", "cpp-2yrs",
            "--owner", "Head of Service, Safeguarding", "--due", "2025-03-31").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Add_SaysWhatWasRaised()
    {
        var run = Run("actions", "add", "--area", "Reduce re-referrals", "--indicators", "rereferrals-12m", "--owner", "Head of Service, Front Door", "--due", "2025-06-30");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"Raised action #1 (Reduce re-referrals), owner Head of Service, Front Door, due 30 Jun 2025, in {Db}.\n");
    }

    [Fact]
    public void List_FitsTheConsole_AndMarksOverdueActionsInWords()
    {
        RaiseThree();
        Run("actions", "update", "3", "--status", "done", "--notes", "Audit reported in March.").ExitCode.ShouldBe(0);

        var wide = Run("actions", "list", "--as-at", "2025-03-31", "--width", "140");
        var narrow = Run("actions", "list", "--as-at", "2025-03-31", "--width", "80");
        var overdue = Run("actions", "list", "--as-at", "2025-03-31", "--overdue");
        var done = Run("actions", "list", "--status", "done", "--as-at", "2025-03-31");

        wide.ExitCode.ShouldBe(0, wide.Error);
        Snapshot.Match(wide.Output, "actions-list-140.txt");
        Snapshot.Match(narrow.Output, "actions-list-80.txt");
        narrow.Output.Split('\n').ShouldAllBe(line => line.Length <= 80);
        overdue.Output.ShouldContain("open, OVERDUE");
        overdue.Output.ShouldNotContain("placement");
        done.Output.ShouldContain("Audit reported in March.");
        done.Output.ShouldNotContain("Clear the backlog");
    }

    [Fact]
    public void Update_ChangesWhatIsGiven_AndTheHistoryKeepsEachChange()
    {
        RaiseThree();

        var run = Run("actions", "update", "2", "--status", "in-progress", "--due", "2025-07-31", "--owner", "Service Manager, Fostering");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"Action #2 (Review every third placement move at panel): in progress, owner Service Manager, Fostering, due 31 Jul 2025, in {Db}.\n");
        Run("history").Output.ShouldContain("  analyst.one  action  #2 changed: status 'open' to 'in progress', due '2025-06-30' to '2025-07-31', owner 'Head of Service, Children in Care' to 'Service Manager, Fostering'\n");
    }

    [Theory]
    [InlineData("an unknown indicator", "The indicator 'assess-45' is not in the catalogue (see outturn indicators catalogue); nothing was stored.", "add", "--area", "x", "--indicators", "assess-45", "--owner", "o", "--due", "2025-06-30")]
    [InlineData("a date that is not one", "--due '30/06/2025' is not a date like 2025-06-30.", "add", "--area", "x", "--indicators", "assess-45wd", "--owner", "o", "--due", "30/06/2025")]
    [InlineData("an unknown action", "There is no action #9: the actions are numbered 1 to 3 (outturn actions list).", "update", "9", "--status", "done")]
    [InlineData("an unknown status", "--status 'closed' is not an action status: give one of open, in progress, done, dropped.", "update", "1", "--status", "closed")]
    [InlineData("no change", "Give what changes: --status, --notes, --due or --owner.", "update", "1")]
    [InlineData("a bad new due date", "--due '2025-02-30' is not a date like 2025-06-30.", "update", "1", "--due", "2025-02-30")]
    public void BadInput_IsOneLine_ExitOne_AndNothingIsStored(string why, string message, params string[] args)
    {
        RaiseThree();
        var before = Run("history").Output;

        var run = Run(["actions", .. args]);

        run.ExitCode.ShouldBe(1, why);
        run.Error.ShouldBe(message + "\n", why);
        Run("history").Output.ShouldBe(before, why);
    }

    [Fact]
    public void List_OfAStoreWithoutActions_SaysHowToRaiseOne() =>
        Run("actions", "list").Output.ShouldBe("No actions are held yet: raise one with outturn actions add.\n");

    [Fact]
    public void Help_MatchesTheExpectedFile() => Snapshot.Match(Run("actions", "add", "--help").Output, "actions-add-help.txt");
}
