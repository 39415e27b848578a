using System.CommandLine;
using System.Globalization;
using Outturn.App;
using Outturn.Store;
using Spectre.Console;

namespace Outturn.Cli.Commands;

/// <summary><c>outturn actions add|list|update</c>: the performance board's actions, kept in the store with every change.</summary>
internal static class ActionsCommand
{
    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var statuses = string.Join(", ", ActionStatus.All);

        var area = new Option<string>("--area") { Description = "The area of focus: what the board asked to be done.", Required = true };
        var indicators = new Option<string>("--indicators") { Description = "The indicators concerned, their ids separated by commas (see outturn indicators catalogue).", Required = true };
        var owner = new Option<string>("--owner") { Description = "Who owns it, e.g. \"Head of Service, Safeguarding\".", Required = true };
        var due = new Option<string>("--due") { Description = "When it is due, e.g. 2025-06-30.", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Notes." };
        var addStore = new StoreOption(settings);
        var add = new Command("add", "Raise an action from the performance board.") { area, indicators, owner, due, notes };
        addStore.AddTo(add);
        add.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (Day(parse.GetValue(due)!, "--due", error) is not { } day)
            {
                return 1;
            }

            var db = addStore.Open(parse);
            var added = db.AddActions([new NewAction(parse.GetValue(area)!, [.. parse.GetValue(indicators)!.Split(',')], parse.GetValue(owner)!, day, parse.GetValue(notes) ?? "")]).Single();
            output.WriteLine($"Raised action #{added.Id} ({added.AreaOfFocus}), owner {added.Owner}, due {Due(added.Due)}, in {db.Target}.");
            return 0;
        }));

        var status = new Option<string?>("--status") { Description = $"Only the actions with this status: {statuses}." };
        var overdue = new Option<bool>("--overdue") { Description = "Only the actions overdue: open or in progress after their due date." };
        var asAt = new Option<string?>("--as-at") { Description = "Judge overdue as at this date (yyyy-mm-dd); default today." };
        var width = new Option<int?>("--width") { Description = "Fit the table to this many columns (default: the terminal's width; 160 when writing to a file or a pipe)." };
        var listStore = new StoreOption(settings);
        var list = new Command("list", "List the actions held, overdue ones marked in words.") { status, overdue, asAt, width };
        listStore.AddTo(list);
        list.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var today = DateOnly.FromDateTime(settings.Clock.GetLocalNow().DateTime);
            if ((parse.GetValue(asAt) is { } text ? Day(text, "--as-at", error) : today) is not { } on)
            {
                return 1;
            }

            if (parse.GetValue(width) is { } w && w < Terminal.MinimumWidth)
            {
                error.WriteLine($"--width must be {Terminal.MinimumWidth} or more.");
                return 1;
            }

            if (parse.GetValue(status) is { } s && ActionStatus.Parse(s) is null)
            {
                error.WriteLine($"--status '{s}' is not an action status: give one of {statuses}.");
                return 1;
            }

            var actions = listStore.Open(parse).Actions(parse.GetValue(status)).Where(a => !parse.GetValue(overdue) || a.IsOverdue(on)).ToList();
            if (actions.Count == 0)
            {
                output.WriteLine(parse.GetValue(status) is null && !parse.GetValue(overdue) ? "No actions are held yet: raise one with outturn actions add." : "No actions match.");
                return 0;
            }

            var console = Terminal.For(output, parse.GetValue(width));
            console.Write(Table(actions, on, console.Profile.Width));
            return 0;
        }));

        var id = new Argument<long>("id") { Description = "The action's number (see outturn actions list)." };
        var newStatus = new Option<string?>("--status") { Description = $"The new status: {statuses}." };
        var newNotes = new Option<string?>("--notes") { Description = "The new notes (they replace those held; the old are kept in the history)." };
        var newDue = new Option<string?>("--due") { Description = "The new due date, e.g. 2025-09-30." };
        var newOwner = new Option<string?>("--owner") { Description = "The new owner." };
        var updateStore = new StoreOption(settings);
        var update = new Command("update", "Change an action's status, notes, due date or owner; each change is kept.") { id, newStatus, newNotes, newDue, newOwner };
        updateStore.AddTo(update);
        update.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (parse.GetValue(newStatus) is null && parse.GetValue(newNotes) is null && parse.GetValue(newDue) is null && parse.GetValue(newOwner) is null)
            {
                error.WriteLine("Give what changes: --status, --notes, --due or --owner.");
                return 1;
            }

            if (parse.GetValue(newStatus) is { } s && ActionStatus.Parse(s) is null)
            {
                error.WriteLine($"--status '{s}' is not an action status: give one of {statuses}.");
                return 1;
            }

            DateOnly? day = null;
            if (parse.GetValue(newDue) is { } text && (day = Day(text, "--due", error)) is null)
            {
                return 1;
            }

            var db = updateStore.Open(parse);
            var now = db.UpdateAction(parse.GetValue(id), new ActionChange(parse.GetValue(newStatus), parse.GetValue(newNotes), day, parse.GetValue(newOwner)));
            output.WriteLine($"Action #{now.Id} ({now.AreaOfFocus}): {now.Status}, owner {now.Owner}, due {Due(now.Due)}, in {db.Target}.");
            return 0;
        }));

        return new Command("actions", "Actions from the performance board: area of focus, indicators, owner, due date, status and notes, each change kept.") { add, list, update };
    }

    /// <summary>The narrowest console that shows the notes column; narrower, the caption says it is left out.</summary>
    public const int NotesWidth = 100;

    /// <summary>
    /// The actions as a table fitted to <paramref name="width"/> columns, overdue ones said so in words in their
    /// status (and in bold on a terminal); below <see cref="NotesWidth"/> the notes are left out, as the caption says.
    /// </summary>
    public static Table Table(IReadOnlyList<BoardAction> actions, DateOnly asAt, int width)
    {
        var notes = width >= NotesWidth;
        var table = new Table().Border(TableBorder.Rounded)
            .Caption($"Overdue as at {Due(asAt)}: open or in progress after the due date.{(notes ? "" : $" Notes left out: widen the terminal, or --width {NotesWidth}.")}")
            .AddColumn(new TableColumn("No.").RightAligned())
            .AddColumns("Area of focus", "Indicators", "Owner", "Due", "Status");
        if (notes)
        {
            table.AddColumn("Notes");
        }

        foreach (var a in actions)
        {
            var late = a.IsOverdue(asAt);
            string Cell(string text) => late ? $"[bold]{Markup.Escape(text)}[/]" : Markup.Escape(text);
            string[] cells =
            [
                a.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.AreaOfFocus), Markup.Escape(string.Join(", ", a.Indicators)), Markup.Escape(a.Owner),
                Due(a.Due), Cell(late ? $"{a.Status}, OVERDUE" : a.Status), Markup.Escape(a.Notes),
            ];
            table.AddRow(notes ? cells : cells[..^1]);
        }

        return table;
    }

    private static string Due(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static DateOnly? Day(string text, string option, TextWriter error)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        error.WriteLine($"{option} '{text}' is not a date like 2025-06-30.");
        return null;
    }
}
