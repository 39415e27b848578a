using System.Data.Common;
using System.Globalization;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Npgsql;
using Outturn.App;

namespace Outturn.Store;

/// <summary>
/// The store: one SQLite file or a PostgreSQL database, created and migrated on first use by the numbered scripts in
/// <c>Migrations/</c> (DbUp, journalled in <c>schemaversions</c>), its version in <c>outturn_schema</c>. A store
/// written by a newer Outturn is refused. Every change is one transaction, and writers take turns.
/// </summary>
public sealed partial class OutturnStore
{
    /// <summary>The schema version this build writes: the number of the last migration script.</summary>
    public const int SchemaVersion = 8;

    /// <summary>The lock PostgreSQL writers take for the length of their transaction, so writers take turns.</summary>
    private const long WriterLock = 0x4F75_7474_7572_6E00;

    private readonly OutturnSettings _settings;

    private OutturnStore(StoreTarget target, OutturnSettings settings)
    {
        Target = target;
        _settings = settings;
    }

    /// <summary>Where the store is.</summary>
    public StoreTarget Target { get; }

    /// <summary>Who is using the store, as the audit trail records them.</summary>
    private string User => _settings.User;

    /// <summary>Now, by the host's clock.</summary>
    private DateTimeOffset Now => _settings.Clock.GetUtcNow();

    /// <summary>Opens the store, creating it and applying any migration it lacks.</summary>
    /// <param name="target">Where it is.</param>
    /// <param name="settings">Who uses it and the clock, as the host gives them.</param>
    /// <exception cref="StoreException">It cannot be reached, is not an Outturn store, or was written by a newer Outturn.</exception>
    public static OutturnStore Open(StoreTarget target, OutturnSettings settings)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var store = new OutturnStore(target, settings);
        try
        {
            if (target.Provider == StoreProvider.Sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target.Location)!);
            }

            store.Migrate();
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"The store {target} cannot be opened: {e.Message}{store.DiskFull(e)}", e);
        }

        return store;
    }

    /// <summary>The version the store holds: 0 when new.</summary>
    public int StoredVersion()
    {
        using var c = Connect();
        return StoredVersion(c);
    }

    private int StoredVersion(DbConnection c)
    {
        var exists = Target.Provider == StoreProvider.Sqlite
            ? c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outturn_schema'") > 0
            : c.ExecuteScalar<string?>("SELECT to_regclass('outturn_schema')::text") is not null;
        if (!exists)
        {
            var others = Target.Provider == StoreProvider.Sqlite
                ? c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) <> 'schemaversions' AND name NOT LIKE 'sqlite_%'")
                : c.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND lower(table_name) <> 'schemaversions'");
            return others > 0 ? throw new StoreException($"{Target} is not an Outturn store (it holds other tables): give another --db.") : 0;
        }

        return c.ExecuteScalar<int>("SELECT max(version) FROM outturn_schema");
    }

    private void Migrate()
    {
        // Two processes opening a new store at once: the second waits for the first's migration (checking the version
        // inside the gate, so it never sees a half-made schema), then finds nothing to do.
        using var gate = MigrationGate();
        using (var c = Connect())
        {
            var version = StoredVersion(c);
            if (version > SchemaVersion)
            {
                throw new StoreException(
                    $"The store {Target} was written by a newer Outturn (schema version {version}; this one knows up to {SchemaVersion}). Use that version of Outturn, or another --db; nothing was changed.");
            }

            if (version == SchemaVersion)
            {
                return;
            }
        }

        var provider = Target.Provider == StoreProvider.Sqlite ? "Sqlite" : "Postgres";
        var builder = Target.Provider == StoreProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(ConnectionString())
            : DeployChanges.To.PostgresqlDatabase(ConnectionString());
        var engine = builder
            .WithScriptsEmbeddedInAssembly(typeof(OutturnStore).Assembly, name => name.Contains($".Migrations.{provider}.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        DatabaseUpgradeResult result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new StoreException($"The store {Target} could not be migrated to schema version {SchemaVersion} (script {result.ErrorScript?.Name}): {result.Error.Message}", result.Error);
        }

        // Version 7 chains the logs: the entries written before it are chained now, still inside the gate.
        ChainLegacyEntries();
    }

    private IDisposable MigrationGate()
    {
        if (Target.Provider == StoreProvider.Sqlite)
        {
            var lockFile = Target.Location + ".migrating";
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (IOException) when (attempt < 600)
                {
                    Thread.Sleep(100);
                }
            }
        }

        var c = Connect();
        c.Execute("SELECT pg_advisory_lock(@key)", new { key = WriterLock + 1 });
        return c;
    }

    /// <summary>The provider's connection string.</summary>
    private string ConnectionString() => Target.Provider == StoreProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Target.Location, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 600 }.ToString()
        : Target.Location;

    /// <summary>An open connection. SQLite: write-ahead logging (readers never wait for a writer), foreign keys on, and a
    /// writer waits up to 10 minutes for another.</summary>
    internal DbConnection Connect()
    {
        DbConnection c = Target.Provider == StoreProvider.Sqlite ? new SqliteConnection(ConnectionString()) : new NpgsqlConnection(ConnectionString());
        c.Open();
        if (Target.Provider == StoreProvider.Sqlite)
        {
            c.Execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 600000;");
        }

        return c;
    }

    /// <summary>
    /// Runs <paramref name="body"/> in one transaction, committed only when it returns: an exception, or the process
    /// ending, leaves the store as it was. Writers take turns (SQLite's <c>BEGIN IMMEDIATE</c>, a PostgreSQL
    /// transaction lock), so a second waits for the first and reads what it wrote.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be written (a read-only file or folder, a full disk, the server
    /// gone): nothing was changed.</exception>
    internal T Write<T>(Func<DbConnection, DbTransaction, T> body)
    {
        // Within one process the writers of a SQLite store queue for it here, each let in the moment the one before
        // finishes: left to SQLite, a writer finding the store busy sleeps and tries again, and under many writers at
        // once (a web app's access log) some would wait for ever. Other processes still take turns through SQLite.
        if (Target.Provider == StoreProvider.Sqlite)
        {
            lock (SqliteWriters.GetOrAdd(Path.GetFullPath(Target.Location), _ => new Lock()))
            {
                return WriteOnce(body);
            }
        }

        return WriteOnce(body);
    }

    /// <summary>Each SQLite store's writers' queue in this process, by the store's full path.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lock> SqliteWriters = new(StringComparer.Ordinal);

    private T WriteOnce<T>(Func<DbConnection, DbTransaction, T> body)
    {
        try
        {
            using var c = Connect();
            using var tx = c.BeginTransaction();
            if (Target.Provider == StoreProvider.Postgres)
            {
                c.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = WriterLock }, tx);
            }

            var result = body(c, tx);
            tx.Commit();
            return result;
        }
        catch (DbException e) when (!IsRefusal(e))
        {
            throw new StoreException($"The store {Target} cannot be written ({e.Message.TrimEnd('.')}{DiskFull(e)}): nothing was changed.", e);
        }
    }

    /// <summary>
    /// For a SQLite store whose write or open failed for want of room (SQLite says "disk I/O error" when it cannot make
    /// its shared-memory file, "database or disk is full" otherwise), what the disk holding it has left.
    /// </summary>
    private string DiskFull(Exception e)
    {
        if (Target.Provider != StoreProvider.Sqlite || e is not SqliteException { SqliteErrorCode: 10 or 13 })
        {
            return "";
        }

        try
        {
            var free = new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(Target.Location))!).AvailableFreeSpace;
            return free < 1024 * 1024 ? $"; the disk holding it is full ({free.ToString("N0", CultureInfo.InvariantCulture)} bytes free)" : "";
        }
        catch (Exception probe) when (probe is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "";
        }
    }

    /// <summary>A write the store's own rules refused (a trigger, a constraint), which callers report in their own words.</summary>
    private static bool IsRefusal(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 19 or 1, // SQLITE_CONSTRAINT (RAISE(ABORT) too), SQLITE_ERROR
        PostgresException p => p.SqlState.StartsWith("23", StringComparison.Ordinal) || p.SqlState == "P0001",
        _ => false,
    };

    /// <summary>Runs a read on its own connection.</summary>
    internal T Read<T>(Func<DbConnection, T> body)
    {
        using var c = Connect();
        return body(c);
    }

    /// <summary>A moment as the store keeps it: UTC, ISO 8601 to the millisecond.</summary>
    internal static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A number as the store keeps it: exact, invariant.</summary>
    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A kept number read back.</summary>
    internal static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Appends one entry to the audit trail, chained to the one before, in the caller's writer transaction.</summary>
    internal static void Audit(DbConnection c, DbTransaction tx, DateTimeOffset at, string user, string action, string detail) =>
        AppendChained(c, tx, AuditTrail, Moment(at), user, action, detail);
}
