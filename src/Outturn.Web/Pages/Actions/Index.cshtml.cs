using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.National;
using Outturn.Store;

namespace Outturn.Web.Pages.Actions;

/// <summary>
/// The performance board's areas of focus and actions: each with its owner, due date and status, overdue ones marked
/// in words; an action raised, or its status, owner, due date or notes changed, through the store (each change kept
/// in the action's history and the audit trail). Managers, analysts and admins; not members, as actions name officers
/// (members read them in the committee report).
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">Today, for what is overdue.</param>
public sealed class IndexModel(OutturnStore store, TimeProvider clock) : PageModel
{
    /// <summary>How a due date is typed and shown.</summary>
    public const string DateFormat = "d/M/yyyy";

    /// <summary>The actions shown, oldest first.</summary>
    public IReadOnlyList<BoardAction> Actions { get; private set; } = [];

    /// <summary>The status shown, or null for every one.</summary>
    public string? Status { get; private set; }

    /// <summary>The action being changed, or null.</summary>
    public BoardAction? Editing { get; private set; }

    /// <summary>The versions of the action being changed, the first as raised.</summary>
    public IReadOnlyList<ActionVersion> History { get; private set; } = [];

    /// <summary>The form's fields as typed, when a post was refused.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Each problem: the field's id and what is wrong.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    /// <summary>What the last post did, for the banner; null when nothing.</summary>
    public string? Done { get; private set; }

    /// <summary>Today, for what is overdue.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Lists the actions (<c>?status=open</c> for one status), and the form for one when <paramref name="edit"/> names it.</summary>
    public IActionResult OnGet(string? status, long? edit, long? raised, long? changed)
    {
        Status = ActionStatus.Parse(status);
        Done = raised is { } r ? $"Action #{r} raised." : changed is { } c ? $"Action #{c} changed." : null;
        Actions = store.Actions(Status);
        if (edit is { } id)
        {
            Editing = store.Actions().FirstOrDefault(a => a.Id == id);
            if (Editing is null)
            {
                return NotFound();
            }

            History = store.ActionHistory(id);
        }

        return Page();
    }

    /// <summary>Raises an action from the form, or shows every problem (status 400).</summary>
    public IActionResult OnPostAdd(string? areaOfFocus, List<string>? indicators, string? owner, string? due, string? notes)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(areaOfFocus))
        {
            errors.Add(("areaOfFocus", "Enter the area of focus"));
        }

        var chosen = (indicators ?? []).Where(i => NationalIndicators.Find(i) is not null).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            errors.Add(("indicators", "Choose the indicators the action concerns"));
        }

        var day = OwnerAndDue(owner, due, errors);
        if (errors.Count > 0)
        {
            return Refused(errors, null);
        }

        var added = Changing().AddActions([new NewAction(areaOfFocus!, chosen, owner!, day!.Value, notes ?? "")]);
        return Redirect($"/actions?raised={added[0].Id}");
    }

    /// <summary>Changes an action's status, owner, due date and notes, or shows every problem (status 400).</summary>
    public IActionResult OnPostUpdate(long id, string? status, string? owner, string? due, string? notes)
    {
        if (store.Actions().FirstOrDefault(a => a.Id == id) is null)
        {
            return NotFound();
        }

        var errors = new List<(string, string)>();
        var parsed = ActionStatus.Parse(status);
        if (parsed is null)
        {
            errors.Add(("status", "Choose the status"));
        }

        var day = OwnerAndDue(owner, due, errors);
        if (errors.Count > 0)
        {
            return Refused(errors, id);
        }

        Changing().UpdateAction(id, new ActionChange(parsed, notes ?? "", day, owner));
        return Redirect($"/actions?changed={id}");
    }

    /// <summary>A date as shown, such as 31 March 2025.</summary>
    public static string Text(DateOnly day) => day.ToString("d MMMM yyyy", Outturn.Formats.Scorecards.Display.Culture);

    /// <summary>A date as typed, such as 31/3/2025.</summary>
    public static string Input(DateOnly day) => day.ToString(DateFormat, Outturn.Formats.Scorecards.Display.Culture);

    /// <summary>The indicators' names, for people.</summary>
    public static string Names(BoardAction action) =>
        string.Join("; ", action.Indicators.Select(i => NationalIndicators.Find(i)?.Indicator.Name ?? i));

    private OutturnStore Changing() => store.As(User.Identity!.Name!);

    /// <summary>Checks the owner is given and reads the due date; the problems added to <paramref name="errors"/>.</summary>
    private static DateOnly? OwnerAndDue(string? owner, string? due, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            errors.Add(("owner", "Enter who owns the action"));
        }

        var trimmed = due?.Trim() ?? "";
        if (DateOnly.TryParseExact(trimmed, [DateFormat, "dd/MM/yyyy", "yyyy-MM-dd"], Outturn.Formats.Scorecards.Display.Culture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(("due", trimmed.Length == 0 ? "Enter the due date" : $"Enter the due date as a date, like 31/3/2025 ('{trimmed}' is not one)"));
        return null;
    }

    private PageResult Refused(List<(string, string)> errors, long? editing)
    {
        Errors = errors;
        Typed = Request.Form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Actions = store.Actions();
        if (editing is { } id)
        {
            Editing = store.Actions().First(a => a.Id == id);
            History = store.ActionHistory(id);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
