using Dapper;
using Microsoft.Data.Sqlite;

namespace Outturn.Store;

/// <summary>One change to the store, as the audit trail keeps it.</summary>
/// <param name="At">When (UTC, ISO 8601).</param>
/// <param name="By">Who.</param>
/// <param name="Action">What kind of change: import, targets, publish, demo.</param>
/// <param name="Detail">What changed.</param>
public sealed record AuditEntry(string At, string By, string Action, string Detail);

/// <summary>The audit trail, and the store as a whole.</summary>
public sealed partial class OutturnStore
{
    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<AuditEntry> History() => Read(c =>
        (IReadOnlyList<AuditEntry>)[.. c.Query<AuditEntry>("SELECT happened_at AS At, done_by AS By, action AS Action, detail AS Detail FROM audit_trail ORDER BY id")]);

    /// <summary>
    /// The latest change Outturn made to the store (its audit trail's last entry), or 0 before the first: every import,
    /// target, publication, benchmark release and purge is one, so what was worked out from the store before it stays
    /// right until it moves, whichever instance made the change. A change made to the database outside Outturn is not.
    /// </summary>
    public long LatestChange() => Read(LatestChange);

    private static long LatestChange(System.Data.Common.DbConnection c) => c.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM audit_trail");

    /// <summary>
    /// <see cref="LatestChange"/> asked often (a web app asks on every request): on SQLite through one connection kept
    /// open for it, rather than a file opened and closed each time; on PostgreSQL through the pool, as any read.
    /// </summary>
    public StoreChanges WatchChanges() => new(this);

    /// <summary>The store's latest change, asked through a connection kept for it (<see cref="WatchChanges"/>).</summary>
    public sealed class StoreChanges : IDisposable
    {
        private readonly OutturnStore _store;
        private readonly Lock _gate = new();
        private System.Data.Common.DbConnection? _connection;

        internal StoreChanges(OutturnStore store) => _store = store;

        /// <summary>The latest change, as <see cref="LatestChange()"/> gives it.</summary>
        public long Latest()
        {
            if (_store.Target.Provider != StoreProvider.Sqlite)
            {
                return _store.LatestChange();
            }

            lock (_gate)
            {
                try
                {
                    _connection ??= _store.Connect();
                    return LatestChange(_connection);
                }
                catch (System.Data.Common.DbException)
                {
                    // A connection gone bad is opened afresh next time; this request sees the error.
                    _connection?.Dispose();
                    _connection = null;
                    throw;
                }
            }
        }

        /// <summary>Closes the kept connection.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _connection?.Dispose();
                _connection = null;
            }
        }
    }

    /// <summary>Whether the store holds nothing yet: no import, figure or target.</summary>
    public bool IsEmpty() => Read(c =>
        c.ExecuteScalar<long>("SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM figures) + (SELECT count(*) FROM targets) + (SELECT count(*) FROM measures)") == 0);

    /// <summary>
    /// Copies the store to a new SQLite file with SQLite's online backup: consistent while others read and write.
    /// For PostgreSQL, <c>pg_dump</c> does this (README, "The store").
    /// </summary>
    /// <exception cref="StoreException">The store is PostgreSQL's, or the file exists.</exception>
    public void Backup(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Target.Provider != StoreProvider.Sqlite)
        {
            throw new StoreException("A PostgreSQL store is backed up with pg_dump (pg_dump --format=custom --file=outturn.dump \"$DATABASE\"), not outturn db backup.");
        }

        if (File.Exists(path))
        {
            throw new StoreException($"{path} exists: give a new file for the backup.");
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        try
        {
            using (var source = (SqliteConnection)Connect())
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                copy.Open();
                source.BackupDatabase(copy);
                copy.Execute("PRAGMA journal_mode = DELETE");
            }

            File.Move(partial, full);
        }
        finally
        {
            File.Delete(partial);
        }

        Write((c, tx) =>
        {
            Audit(c, tx, Now, User, "backup", $"copied to {full}");
            return 0;
        });
    }
}
