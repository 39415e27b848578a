using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Outturn.Store;

/// <summary>What <see cref="OutturnStore.VerifyLogs"/> found in one chained log.</summary>
/// <param name="Log">The log, in words: "audit trail" or "access log".</param>
/// <param name="Entries">How many entries it holds.</param>
/// <param name="Head">The last entry's hash (64 lower-case hex digits), or null when the log is empty: noted outside the
/// store (in the minutes, say), it shows later whether entries were removed from the end.</param>
/// <param name="Broken">The first entry that does not match, or null when the chain is intact.</param>
public sealed record LogCheck(string Log, long Entries, string? Head, BrokenEntry? Broken)
{
    /// <summary>Whether every entry follows the one before and matches its hash.</summary>
    public bool Intact => Broken is null;
}

/// <summary>The first entry of a log that does not match its chain.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="At">When it says it was written (UTC, ISO 8601).</param>
/// <param name="What">What it records: the audit trail's action and detail, or the access log's purpose.</param>
/// <param name="Reason">Why it does not match, in words.</param>
public sealed record BrokenEntry(long Id, string At, string What, string Reason);

/// <summary>
/// The audit trail and the access log as hash chains: each entry holds the hash of the entry before it
/// (<c>chain_prev</c>) and its own (<c>chain_hash</c>), so an entry changed, removed, inserted or moved after it was
/// written no longer matches and <see cref="VerifyLogs"/> names it.
/// </summary>
/// <remarks>
/// <para>The hash of an entry is SHA-256 over the UTF-8 bytes of this text, written as 64 lower-case hex digits:</para>
/// <code>
/// outturn-log-v1 LF
/// the table's name (audit_trail or access_log) LF
/// the previous entry's chain_hash (64 zeros for the first entry) LF
/// then for each field in order: its length in UTF-8 bytes (decimal, invariant digits) ":" the field's text LF
/// </code>
/// <para>The fields are the columns as stored, in this order. The audit trail: <c>happened_at</c>, <c>done_by</c>,
/// <c>action</c>, <c>detail</c>. The access log: <c>happened_at</c>, <c>done_by</c>, <c>purpose</c>, <c>children</c>.
/// <c>happened_at</c> is the store's UTC ISO 8601 text to the millisecond (<see cref="Moment"/>); the id is not hashed
/// (PostgreSQL's identities may skip numbers), the order is. Each field is length-prefixed, so a field holding a line
/// feed cannot pass for two.</para>
/// <para>Appends run inside the store's writer transaction (SQLite's <c>BEGIN IMMEDIATE</c>; on PostgreSQL the
/// transaction's advisory lock every writer takes), so the tail read is the tail written after; a unique index on
/// <c>chain_prev</c> refuses a second entry after the same one should a writer ever bypass that. Entries written before
/// schema version 7 are chained when the store is first opened after migrating (and, should that have been cut off,
/// by the next append), in id order. The chain is not keyed: someone able to drop the triggers and rewrite every
/// hash from an entry on can forge a consistent chain, which a head noted elsewhere then shows.</para>
/// </remarks>
public sealed partial class OutturnStore
{
    /// <summary>The hash before the first entry.</summary>
    internal const string ChainStart = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>A chained log: its table, its name in words, and the fields hashed, in order.</summary>
    internal sealed record ChainedLog(string Table, string Name, string What, params string[] Fields);

    /// <summary>The audit trail: every change to the store.</summary>
    internal static readonly ChainedLog AuditTrail = new("audit_trail", "audit trail", "action || ': ' || detail", "happened_at", "done_by", "action", "detail");

    /// <summary>The access log: every disclosure of children.</summary>
    internal static readonly ChainedLog AccessLogTable = new("access_log", "access log", "purpose", "happened_at", "done_by", "purpose", "children");

    private static readonly ChainedLog[] ChainedLogs = [AuditTrail, AccessLogTable];

    /// <summary>An entry's hash, by the encoding above.</summary>
    /// <param name="log">The log.</param>
    /// <param name="previous">The previous entry's hash, or <see cref="ChainStart"/>.</param>
    /// <param name="fields">The entry's fields, in the log's order.</param>
    internal static string ChainHash(ChainedLog log, string previous, IReadOnlyList<string> fields)
    {
        if (fields.Count != log.Fields.Length)
        {
            throw new ArgumentException($"The {log.Name} hashes {log.Fields.Length} fields, not {fields.Count}.", nameof(fields));
        }

        var text = new StringBuilder("outturn-log-v1\n").Append(log.Table).Append('\n').Append(previous).Append('\n');
        foreach (var field in fields)
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Appends one entry to a chained log, in the caller's writer transaction: after chaining any entries left without
    /// a hash at the end, the new entry takes the tail's hash as its previous.
    /// </summary>
    internal static void AppendChained(DbConnection c, DbTransaction tx, ChainedLog log, params string[] fields)
    {
        var previous = ChainPending(c, tx, log);
        var columns = string.Join(", ", log.Fields);
        var values = string.Join(", ", log.Fields.Select((_, i) => $"@f{i}"));
        var parameters = new DynamicParameters();
        for (var i = 0; i < fields.Length; i++)
        {
            parameters.Add($"f{i}", fields[i]);
        }

        parameters.Add("prev", previous);
        parameters.Add("hash", ChainHash(log, previous, fields));
        c.Execute($"INSERT INTO {log.Table} ({columns}, chain_prev, chain_hash) VALUES ({values}, @prev, @hash)", parameters, tx);
    }

    /// <summary>
    /// Chains the entries at the end of a log that have no hash (written before schema version 7), in id order, and
    /// returns the tail's hash. An entry without a hash before one with a hash is left as it is: it was not written by
    /// Outturn, and <see cref="VerifyLogs"/> names it.
    /// </summary>
    private static string ChainPending(DbConnection c, DbTransaction tx, ChainedLog log)
    {
        var tail = c.QueryFirstOrDefault<ChainTail>($"SELECT id AS Id, chain_hash AS Hash FROM {log.Table} WHERE chain_hash IS NOT NULL ORDER BY id DESC LIMIT 1", transaction: tx);
        var previous = tail?.Hash ?? ChainStart;
        var after = tail?.Id ?? long.MinValue;
        var pending = c.Query($"SELECT id, {string.Join(", ", log.Fields)} FROM {log.Table} WHERE chain_hash IS NULL AND id > @after ORDER BY id", new { after }, tx)
            .Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in pending)
        {
            var hash = ChainHash(log, previous, [.. log.Fields.Select(f => (string)row[f]!)]);
            c.Execute($"UPDATE {log.Table} SET chain_prev = @previous, chain_hash = @hash WHERE id = @id", new { previous, hash, id = row["id"] }, tx);
            previous = hash;
        }

        return previous;
    }

    /// <summary>Chains the entries written before schema version 7, once, when the store is opened after migrating.</summary>
    private void ChainLegacyEntries() => Write((c, tx) =>
    {
        foreach (var log in ChainedLogs)
        {
            ChainPending(c, tx, log);
        }

        return 0;
    });

    /// <summary>
    /// Checks both chained logs from their first entry: each must name the hash of the entry before it and match its
    /// own. Reads only; the store is not changed.
    /// </summary>
    /// <returns>The audit trail's check, then the access log's.</returns>
    public IReadOnlyList<LogCheck> VerifyLogs() => Read(c => (IReadOnlyList<LogCheck>)[.. ChainedLogs.Select(log => Verify(c, log))]);

    private static LogCheck Verify(DbConnection c, ChainedLog log)
    {
        var previous = ChainStart;
        long count = 0;
        BrokenEntry? broken = null;
        using (var reader = c.ExecuteReader($"SELECT id, chain_prev, chain_hash, {log.What} AS what, {string.Join(", ", log.Fields)} FROM {log.Table} ORDER BY id"))
        {
            long? previousId = null;
            while (broken is null && reader.Read())
            {
                count++;
                var id = reader.GetInt64(0);
                var prev = reader.IsDBNull(1) ? null : reader.GetString(1);
                var hash = reader.IsDBNull(2) ? null : reader.GetString(2);
                var fields = log.Fields.Select((_, i) => reader.GetString(4 + i)).ToList();
                var before = previousId is { } p ? $"entry #{p}" : "the start of the log";
                string? reason = hash is null || prev is null
                    ? "it has no hash (it was not written by Outturn)"
                    : prev != previous
                        ? $"it does not follow {before}: an entry was removed, inserted or moved here"
                        : hash != ChainHash(log, previous, fields)
                            ? "its fields do not match its hash: it was changed after it was written"
                            : null;
                if (reason is not null)
                {
                    var what = reader.GetString(3);
                    broken = new BrokenEntry(id, fields[0], what.Length > 120 ? what[..120] + "…" : what, reason);
                }
                else
                {
                    previous = hash!;
                    previousId = id;
                }
            }
        }

        return broken is null
            ? new LogCheck(log.Name, count, count == 0 ? null : previous, null)
            : new LogCheck(log.Name, c.ExecuteScalar<long>($"SELECT count(*) FROM {log.Table}"), null, broken);
    }

    private sealed record ChainTail(long Id, string Hash);
}
