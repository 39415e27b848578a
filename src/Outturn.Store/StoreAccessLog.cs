using Dapper;
using Outturn.App.Audit;

namespace Outturn.Store;

/// <summary>
/// The access log in the store: one row per disclosure (when, who, what was asked, which children), appended in its
/// own transaction before the children are shown, chained to the entry before by a hash, and never rewritten (the store
/// refuses updates and deletes).
/// </summary>
/// <param name="store">The store.</param>
public sealed class StoreAccessLog(OutturnStore store) : IAccessLog
{
    /// <inheritdoc />
    /// <exception cref="AccessLogException">The store cannot be written: the children must not be shown.</exception>
    public void Record(AccessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            store.AppendAccess(record);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or StoreException or InvalidOperationException)
        {
            throw new AccessLogException($"The access log in {store.Target} cannot be written: {e.Message}", e);
        }
    }
}

/// <summary>One disclosure as the access log in the store keeps it.</summary>
/// <param name="At">When (UTC, ISO 8601).</param>
/// <param name="By">Who saw it.</param>
/// <param name="Purpose">What was asked.</param>
/// <param name="Children">The children shown, comma separated, in order.</param>
public sealed record AccessEntry(string At, string By, string Purpose, string Children);

/// <summary>The access log.</summary>
public sealed partial class OutturnStore
{
    internal void AppendAccess(AccessRecord record) => Write((c, tx) =>
    {
        AppendChained(c, tx, AccessLogTable, Moment(record.When), record.User, record.Purpose, string.Join(",", record.ChildIds.Distinct().Order(StringComparer.Ordinal)));
        return 0;
    });

    /// <summary>The access log, oldest first.</summary>
    public IReadOnlyList<AccessEntry> AccessLog() => Read(c =>
        (IReadOnlyList<AccessEntry>)[.. c.Query<AccessEntry>("SELECT happened_at AS At, done_by AS By, purpose AS Purpose, children AS Children FROM access_log ORDER BY id")]);
}
