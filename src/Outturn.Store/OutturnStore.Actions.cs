using System.Data.Common;
using System.Globalization;
using Dapper;
using Outturn.Domain.National;
using Outturn.Formats.Reports;

namespace Outturn.Store;

/// <summary>An action's status: open, in progress, done or dropped.</summary>
public static class ActionStatus
{
    /// <summary>Raised, not yet started.</summary>
    public const string Open = "open";

    /// <summary>Being worked on.</summary>
    public const string InProgress = "in progress";

    /// <summary>Completed.</summary>
    public const string Done = "done";

    /// <summary>No longer pursued.</summary>
    public const string Dropped = "dropped";

    /// <summary>Every status, in the order an action moves through them.</summary>
    public static readonly IReadOnlyList<string> All = [Open, InProgress, Done, Dropped];

    /// <summary>
    /// The status a user means (<c>open</c>, <c>in progress</c> or <c>in-progress</c>, <c>done</c>, <c>dropped</c>,
    /// ignoring case), or null when it is none of them.
    /// </summary>
    public static string? Parse(string? text) =>
        text?.Trim().Replace('-', ' ').Replace('_', ' ').ToLowerInvariant() is { } t && All.Contains(t) ? t : null;

    /// <summary>Whether an action with this status still needs doing (open or in progress).</summary>
    public static bool IsLive(string status) => status is Open or InProgress;
}

/// <summary>An action from the performance board, as the store holds it now.</summary>
/// <param name="Id">Its number.</param>
/// <param name="AreaOfFocus">What the board asked to be done, in its words.</param>
/// <param name="Indicators">The catalogue's ids of the indicators concerned.</param>
/// <param name="Owner">Who owns it (a role, such as "Head of Service, Safeguarding").</param>
/// <param name="Due">When it is due (the day it must be done by, inclusive).</param>
/// <param name="Status">One of <see cref="ActionStatus.All"/>.</param>
/// <param name="Notes">Progress notes; empty when none.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="RaisedAt">When (UTC, ISO 8601).</param>
/// <param name="UpdatedBy">Who last changed it.</param>
/// <param name="UpdatedAt">When (UTC, ISO 8601).</param>
public sealed record BoardAction(
    long Id, string AreaOfFocus, IReadOnlyList<string> Indicators, string Owner, DateOnly Due, string Status, string Notes,
    string RaisedBy, string RaisedAt, string UpdatedBy, string UpdatedAt)
{
    /// <summary>Equal when every field is, the indicators compared id by id.</summary>
    public bool Equals(BoardAction? other) =>
        other is not null && Id == other.Id && AreaOfFocus == other.AreaOfFocus && Indicators.SequenceEqual(other.Indicators, StringComparer.Ordinal)
        && Owner == other.Owner && Due == other.Due && Status == other.Status && Notes == other.Notes
        && RaisedBy == other.RaisedBy && RaisedAt == other.RaisedAt && UpdatedBy == other.UpdatedBy && UpdatedAt == other.UpdatedAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, AreaOfFocus, string.Join(",", Indicators), Owner, Due, Status, UpdatedAt);

    /// <summary>Whether it is overdue on <paramref name="asAt"/>: still open or in progress after its due day.</summary>
    public bool IsOverdue(DateOnly asAt) => ActionStatus.IsLive(Status) && Due < asAt;

    /// <summary>The service areas of the indicators concerned, in catalogue order.</summary>
    public IReadOnlyList<string> Areas =>
        [.. NationalIndicators.All.Where(d => Indicators.Contains(d.Id, StringComparer.Ordinal)).Select(d => d.Indicator.Area).Distinct(StringComparer.Ordinal)];
}

/// <summary>A new action for the performance board.</summary>
/// <param name="AreaOfFocus">What the board asked to be done.</param>
/// <param name="Indicators">The ids of the indicators concerned (each in the catalogue; one at least).</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Due">When it is due.</param>
/// <param name="Notes">Notes; empty when none.</param>
/// <param name="Status">Its status, open unless it is raised already under way.</param>
public sealed record NewAction(string AreaOfFocus, IReadOnlyList<string> Indicators, string Owner, DateOnly Due, string Notes = "", string Status = ActionStatus.Open);

/// <summary>A change to an action: each field given replaces the one held; those left null stay.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Notes">The new notes.</param>
/// <param name="Due">The new due date.</param>
/// <param name="Owner">The new owner.</param>
public sealed record ActionChange(string? Status = null, string? Notes = null, DateOnly? Due = null, string? Owner = null);

/// <summary>One version of an action, as the history keeps it: the first as raised, then one per change.</summary>
/// <param name="Version">1 when raised, then 2, 3, ...</param>
/// <param name="Action">The action as it stood after the change.</param>
/// <param name="By">Who made the change.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
public sealed record ActionVersion(int Version, BoardAction Action, string By, string At);

/// <summary>Actions from the performance board.</summary>
public sealed partial class OutturnStore
{
    private sealed record ActionRow(long Id, string AreaOfFocus, string Indicators, string Owner, string Due, string Status, string Notes, string RaisedBy, string RaisedAt, string UpdatedBy, string UpdatedAt)
    {
        public BoardAction ToAction() => new(Id, AreaOfFocus, [.. Indicators.Split(',', StringSplitOptions.RemoveEmptyEntries)], Owner,
            DateOnly.ParseExact(Due, "yyyy-MM-dd", CultureInfo.InvariantCulture), Status, Notes, RaisedBy, RaisedAt, UpdatedBy, UpdatedAt);
    }

    private const string ActionColumns =
        "id AS Id, area_of_focus AS AreaOfFocus, indicators AS Indicators, owner AS Owner, due AS Due, status AS Status, notes AS Notes, raised_by AS RaisedBy, raised_at AS RaisedAt, updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    /// <summary>
    /// Raises actions for the performance board, in one transaction: each kept with its first version in the history,
    /// and all in the audit trail.
    /// </summary>
    /// <returns>The actions as stored, with their numbers.</returns>
    /// <exception cref="StoreException">An indicator is not in the catalogue, a field is empty or the status is unknown; nothing is stored.</exception>
    public IReadOnlyList<BoardAction> AddActions(IReadOnlyList<NewAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var checkedActions = actions.Select(a => a with
        {
            AreaOfFocus = Required(a.AreaOfFocus, "area of focus"),
            Owner = Required(a.Owner, "owner"),
            Indicators = CheckIndicators(a.Indicators),
            Status = ActionStatus.Parse(a.Status) ?? throw UnknownStatus(a.Status),
            Notes = a.Notes?.Trim() ?? "",
        }).ToList();
        return Write((c, tx) =>
        {
            var now = Now;
            var at = Moment(now);
            var added = new List<BoardAction>();
            foreach (var a in checkedActions)
            {
                var id = c.ExecuteScalar<long>(
                    """
                    INSERT INTO actions (area_of_focus, indicators, owner, due, status, notes, raised_by, raised_at, updated_by, updated_at)
                    VALUES (@AreaOfFocus, @Indicators, @Owner, @Due, @Status, @Notes, @User, @At, @User, @At) RETURNING id
                    """,
                    new { a.AreaOfFocus, Indicators = string.Join(",", a.Indicators), a.Owner, Due = Day(a.Due), a.Status, a.Notes, User, At = at },
                    tx);
                var action = new BoardAction(id, a.AreaOfFocus, a.Indicators, a.Owner, a.Due, a.Status, a.Notes, User, at, User, at);
                KeepVersion(c, tx, action, 1);
                added.Add(action);
            }

            Audit(c, tx, now, User, "action", string.Join("; ", added.Select(a =>
                $"#{a.Id} raised: {a.AreaOfFocus} ({string.Join(",", a.Indicators)}), owner {a.Owner}, due {Day(a.Due)}, {a.Status}")));
            return (IReadOnlyList<BoardAction>)added;
        });
    }

    /// <summary>
    /// Changes an action's status, notes, due date or owner, in one transaction: the new version kept in the history
    /// and what changed in the audit trail. A change that changes nothing stores nothing.
    /// </summary>
    /// <returns>The action as it now stands.</returns>
    /// <exception cref="StoreException">No action has the number, the status is unknown or the owner empty; nothing is stored.</exception>
    public BoardAction UpdateAction(long id, ActionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var status = change.Status is null ? null : ActionStatus.Parse(change.Status) ?? throw UnknownStatus(change.Status);
        var owner = change.Owner is null ? null : Required(change.Owner, "owner");
        return Write((c, tx) =>
        {
            var held = ActionOf(c, tx, id) ?? throw UnknownAction(c, tx, id);
            var next = held with
            {
                Status = status ?? held.Status,
                Notes = change.Notes?.Trim() ?? held.Notes,
                Due = change.Due ?? held.Due,
                Owner = owner ?? held.Owner,
            };
            var changes = new List<string>();
            void Compare(string field, string before, string after)
            {
                if (before != after)
                {
                    changes.Add($"{field} '{before}' to '{after}'");
                }
            }

            Compare("status", held.Status, next.Status);
            Compare("notes", held.Notes, next.Notes);
            Compare("due", Day(held.Due), Day(next.Due));
            Compare("owner", held.Owner, next.Owner);
            if (changes.Count == 0)
            {
                return held;
            }

            var now = Now;
            var at = Moment(now);
            next = next with { UpdatedBy = User, UpdatedAt = at };
            c.Execute(
                "UPDATE actions SET status = @Status, notes = @Notes, due = @Due, owner = @Owner, updated_by = @UpdatedBy, updated_at = @UpdatedAt WHERE id = @Id",
                new { next.Status, next.Notes, Due = Day(next.Due), next.Owner, next.UpdatedBy, next.UpdatedAt, next.Id },
                tx);
            var version = c.ExecuteScalar<int>("SELECT max(version) FROM action_changes WHERE action_id = @id", new { id }, tx) + 1;
            KeepVersion(c, tx, next, version);
            Audit(c, tx, now, User, "action", $"#{id} changed: {string.Join(", ", changes)}");
            return next;
        });
    }

    /// <summary>The actions held, oldest first; only those with <paramref name="status"/> when it is given.</summary>
    /// <exception cref="StoreException">The status is unknown.</exception>
    public IReadOnlyList<BoardAction> Actions(string? status = null)
    {
        var wanted = status is null ? null : ActionStatus.Parse(status) ?? throw UnknownStatus(status);
        return Read(c => (IReadOnlyList<BoardAction>)[.. c.Query<ActionRow>(
                $"SELECT {ActionColumns} FROM actions {(wanted is null ? "" : "WHERE status = @wanted")} ORDER BY id", new { wanted })
            .Select(r => r.ToAction())]);
    }

    /// <summary>Every version of an action, the first as raised.</summary>
    /// <exception cref="StoreException">No action has the number.</exception>
    public IReadOnlyList<ActionVersion> ActionHistory(long id) => Read(c =>
    {
        var raised = ActionOf(c, null, id) ?? throw UnknownAction(c, null, id);
        return (IReadOnlyList<ActionVersion>)[.. c.Query<(int Version, string AreaOfFocus, string Indicators, string Owner, string Due, string Status, string Notes, string By, string At)>(
                "SELECT version, area_of_focus, indicators, owner, due, status, notes, changed_by, changed_at FROM action_changes WHERE action_id = @id ORDER BY version",
                new { id })
            .Select(v => new ActionVersion(v.Version, new ActionRow(id, v.AreaOfFocus, v.Indicators, v.Owner, v.Due, v.Status, v.Notes, raised.RaisedBy, raised.RaisedAt, v.By, v.At).ToAction(), v.By, v.At))];
    });

    /// <summary>
    /// The actions still to do (open or in progress) as the committee report lists them, in the service area of each
    /// indicator they concern (an action on two areas' indicators is listed under both), overdue as at <paramref name="asAt"/>.
    /// </summary>
    public IReadOnlyList<ReportAction> ReportActions(DateOnly asAt) =>
        [.. Actions().Where(a => ActionStatus.IsLive(a.Status))
            .SelectMany(a => a.Areas.Select(area => new ReportAction(area, a.Id, a.AreaOfFocus,
                [.. a.Indicators.Select(i => NationalIndicators.Find(i)?.Indicator.Name ?? i)], a.Owner, a.Due, a.Status, a.Notes, a.IsOverdue(asAt))))];

    private static void KeepVersion(DbConnection c, DbTransaction tx, BoardAction a, int version) =>
        c.Execute(
            """
            INSERT INTO action_changes (action_id, version, area_of_focus, indicators, owner, due, status, notes, changed_by, changed_at)
            VALUES (@Id, @version, @AreaOfFocus, @Indicators, @Owner, @Due, @Status, @Notes, @UpdatedBy, @UpdatedAt)
            """,
            new { a.Id, version, a.AreaOfFocus, Indicators = string.Join(",", a.Indicators), a.Owner, Due = Day(a.Due), a.Status, a.Notes, a.UpdatedBy, a.UpdatedAt },
            tx);

    private static BoardAction? ActionOf(DbConnection c, DbTransaction? tx, long id) =>
        c.QueryFirstOrDefault<ActionRow>($"SELECT {ActionColumns} FROM actions WHERE id = @id", new { id }, tx)?.ToAction();

    private static StoreException UnknownAction(DbConnection c, DbTransaction? tx, long id)
    {
        var count = c.ExecuteScalar<long>("SELECT count(*) FROM actions", transaction: tx);
        return new StoreException(count == 0
            ? $"There is no action #{id}: the store holds no actions yet (outturn actions add)."
            : $"There is no action #{id}: the actions are numbered 1 to {c.ExecuteScalar<long>("SELECT max(id) FROM actions", transaction: tx)} (outturn actions list).");
    }

    private static StoreException UnknownStatus(string? status) =>
        new($"'{status}' is not an action status: give one of {string.Join(", ", ActionStatus.All)}.");

    private static string Required(string? text, string field) =>
        text?.Trim() is { Length: > 0 } t ? t : throw new StoreException($"An action needs its {field}.");

    private static IReadOnlyList<string> CheckIndicators(IReadOnlyList<string>? ids)
    {
        var given = (ids ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (given.Count == 0)
        {
            throw new StoreException("An action needs the indicators it concerns (their ids, see outturn indicators catalogue).");
        }

        var unknown = given.Where(i => NationalIndicators.Find(i) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new StoreException($"{(unknown.Count == 1 ? "The indicator" : "The indicators")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} {(unknown.Count == 1 ? "is" : "are")} not in the catalogue (see outturn indicators catalogue); nothing was stored.");
        }

        return [.. given.Select(i => NationalIndicators.Find(i)!.Id).Distinct(StringComparer.Ordinal)];
    }
}
