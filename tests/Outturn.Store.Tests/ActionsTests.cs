using Dapper;

namespace Outturn.Store.Tests;

/// <summary>The performance board's actions, on each provider: raised, changed with every version kept, audited, refused whole when wrong.</summary>
public sealed class ActionsTests
{
    public static TheoryData<string> Providers() => TestStore.Providers();

    private static NewAction Assessments => new("Clear the backlog of late assessments", ["assess-45wd", " rereferrals-12m"], "Head of Service, Safeguarding", new DateOnly(2025, 6, 30));

    [Theory]
    [MemberData(nameof(Providers))]
    public void AnAction_RaisedThenChanged_KeepsEveryVersion_AndEachChangeIsInTheAuditTrail(string provider)
    {
        using var t = new TestStore(provider);
        var raised = t.Store.AddActions([Assessments]).ShouldHaveSingleItem();
        t.Clock.Now = t.Clock.Now.AddDays(7);
        t.Open("team.manager");

        var changed = t.Store.UpdateAction(raised.Id, new ActionChange(Status: "in-progress", Notes: "Weekly tracking by team."));

        changed.ShouldBe(raised with { Status = ActionStatus.InProgress, Notes = "Weekly tracking by team.", UpdatedBy = "team.manager", UpdatedAt = "2025-04-17T09:30:00.000Z" });
        raised.Indicators.ShouldBe(["assess-45wd", "rereferrals-12m"]);
        (raised.RaisedBy, raised.RaisedAt, raised.Status).ShouldBe(("analyst.one", "2025-04-10T09:30:00.000Z", ActionStatus.Open));
        t.Store.Actions().ShouldBe([changed]);
        var history = t.Store.ActionHistory(raised.Id);
        history.Select(v => (v.Version, v.Action.Status, v.Action.Notes, v.By)).ShouldBe([(1, "open", "", "analyst.one"), (2, "in progress", "Weekly tracking by team.", "team.manager")]);
        t.Store.History().Select(h => (h.By, h.Detail)).ShouldBe(
        [
            ("analyst.one", "#1 raised: Clear the backlog of late assessments (assess-45wd,rereferrals-12m), owner Head of Service, Safeguarding, due 2025-06-30, open"),
            ("team.manager", "#1 changed: status 'open' to 'in progress', notes '' to 'Weekly tracking by team.'"),
        ]);
        using var c = t.Connect();
        Should.Throw<Exception>(() => c.Execute("UPDATE action_changes SET notes = 'rewritten'")).Message.ShouldContain("append-only");
        Should.Throw<Exception>(() => c.Execute("DELETE FROM action_changes")).Message.ShouldContain("append-only");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void AChangeThatChangesNothing_StoresNothing(string provider)
    {
        using var t = new TestStore(provider);
        var raised = t.Store.AddActions([Assessments]).Single();
        var before = t.Snapshot();

        t.Store.UpdateAction(raised.Id, new ActionChange(Owner: "Head of Service, Safeguarding", Due: new DateOnly(2025, 6, 30))).ShouldBe(raised);

        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ActionsWithAnIndicatorNotInTheCatalogue_AreRefusedWhole_NamingIt(string provider)
    {
        using var t = new TestStore(provider);
        var before = t.Snapshot();

        Should.Throw<StoreException>(() => t.Store.AddActions([Assessments, Assessments with { Indicators = ["cla-count", "cla-cuont"] }]))
            .Message.ShouldBe("The indicator 'cla-cuont' is not in the catalogue (see outturn indicators catalogue); nothing was stored.");
        Should.Throw<StoreException>(() => t.Store.AddActions([Assessments with { Owner = " " }])).Message.ShouldBe("An action needs its owner.");
        Should.Throw<StoreException>(() => t.Store.AddActions([Assessments with { Indicators = [] }])).Message.ShouldStartWith("An action needs the indicators it concerns");
        Should.Throw<StoreException>(() => t.Store.AddActions([Assessments with { Status = "finished" }])).Message.ShouldBe("'finished' is not an action status: give one of open, in progress, done, dropped.");

        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void UpdatingAnActionNotHeld_IsRefused_AndNothingIsStored(string provider)
    {
        using var t = new TestStore(provider);
        Should.Throw<StoreException>(() => t.Store.UpdateAction(1, new ActionChange(Status: "done"))).Message.ShouldBe("There is no action #1: the store holds no actions yet (outturn actions add).");
        var raised = t.Store.AddActions([Assessments]).Single();
        var before = t.Snapshot();

        Should.Throw<StoreException>(() => t.Store.UpdateAction(7, new ActionChange(Status: "done"))).Message.ShouldBe("There is no action #7: the actions are numbered 1 to 1 (outturn actions list).");
        Should.Throw<StoreException>(() => t.Store.UpdateAction(raised.Id, new ActionChange(Status: "closed"))).Message.ShouldBe("'closed' is not an action status: give one of open, in progress, done, dropped.");

        t.Snapshot().ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheReportsActions_AreThoseStillToDo_UnderTheAreaOfEachIndicator_OverdueAtTheDateGiven(string provider)
    {
        using var t = new TestStore(provider);
        var actions = t.Store.AddActions(
        [
            new("Reduce placement moves", ["placements-3plus", "care-leavers-accom-19-21"], "Head of Service, Children in Care", new DateOnly(2025, 3, 14), "Panel reviews each third move."),
            new("Audit late conferences", ["icpc-15wd"], "Head of Service, Safeguarding", new DateOnly(2025, 3, 31)),
            new("Recruit agency cover", ["caseload-worker"], "Principal Social Worker", new DateOnly(2025, 1, 31)),
        ]);
        t.Store.UpdateAction(actions[2].Id, new ActionChange(Status: "done"));

        var listed = t.Store.ReportActions(new DateOnly(2025, 3, 31));

        listed.Select(a => (a.Area, a.Id, a.Overdue)).ShouldBe([("Children looked after", 1L, true), ("Care leavers", 1L, true), ("Children's social care", 2L, false)]);
        listed[0].Indicators.ShouldBe([Domain.National.NationalIndicators.Find("placements-3plus")!.Indicator.Name, Domain.National.NationalIndicators.Find("care-leavers-accom-19-21")!.Indicator.Name]);
        t.Store.Actions("open").Select(a => a.Id).ShouldBe([1L, 2L]);
        t.Store.Actions("done").Select(a => a.Id).ShouldBe([3L]);
    }
}
