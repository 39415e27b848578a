using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Store;

namespace Outturn.Web.Pages.Admin;

/// <summary>The access log (who saw which child) and the audit trail (every change), filtered by user, child and date.</summary>
/// <param name="store">The store.</param>
public sealed class LogsModel(OutturnStore store) : PageModel
{
    /// <summary>The user filter.</summary>
    public string? UserFilter { get; private set; }

    /// <summary>The child filter (the access log only).</summary>
    public string? Child { get; private set; }

    /// <summary>The date filter: entries on this day (yyyy-mm-dd, UTC).</summary>
    public string? Date { get; private set; }

    /// <summary>The access log entries kept, newest first.</summary>
    public IReadOnlyList<AccessEntry> Access { get; private set; } = [];

    /// <summary>The audit trail entries kept, newest first.</summary>
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    /// <summary>Each log's chain checked from its first entry: intact, or the first entry that does not match.</summary>
    public IReadOnlyList<LogCheck> Checks { get; private set; } = [];

    /// <summary>Shows both logs, filtered (a form post is not needed: the filters are a GET form).</summary>
    public void OnGet(string? user, string? child, string? date)
    {
        static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        UserFilter = Text(user);
        Child = Text(child);
        Date = Text(date);
        bool Keeps(string at, string by) =>
            (UserFilter is null || string.Equals(by, UserFilter, StringComparison.OrdinalIgnoreCase)) && (Date is null || at.StartsWith(Date, StringComparison.Ordinal));
        Access = [.. store.AccessLog().Where(e => Keeps(e.At, e.By) && (Child is null || e.Children.Split(',').Contains(Child, StringComparer.OrdinalIgnoreCase))).Reverse()];
        Audit = Child is null ? [.. store.History().Where(e => Keeps(e.At, e.By)).Reverse()] : [];
        Checks = store.VerifyLogs();
    }
}
