using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Outturn.App;

namespace Outturn.Store.Tests;

/// <summary>A clock the test moves.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A new, empty store on each provider: a SQLite file in a folder of the test's own, or a PostgreSQL database of its
/// own on the server <c>OUTTURN_TEST_POSTGRES</c> names (<c>.ci/run</c> starts one and sets it), dropped afterwards.
/// </summary>
internal sealed class TestStore : IDisposable
{
    /// <summary>The variable naming the PostgreSQL server the tests use: a connection string for a role that may create databases.</summary>
    public const string PostgresVariable = "OUTTURN_TEST_POSTGRES";

    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-store-test-").FullName;
    private readonly string? _database;

    public TestStore(string provider)
    {
        Clock = new TestClock(new DateTimeOffset(2025, 4, 10, 9, 30, 0, TimeSpan.Zero));
        if (provider == "sqlite")
        {
            Target = new StoreTarget(StoreProvider.Sqlite, Path.Combine(_folder, "outturn.db"));
        }
        else
        {
            var server = PostgresServer();
            _database = $"outturn_test_{Guid.NewGuid():N}";
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                admin.Execute($"CREATE DATABASE {_database}");
            }

            Target = new StoreTarget(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = _database, Pooling = false }.ToString());
        }

        Store = Open("analyst.one");
    }

    /// <summary>The providers every store test runs on: SQLite always; PostgreSQL when a server is given, and always in CI.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (PostgresWanted)
        {
            data.Add("postgres");
        }

        return data;
    }

    /// <summary>Whether the PostgreSQL runs are expected: the server is given, or this is CI (where a missing one fails).</summary>
    public static bool PostgresWanted => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } || IsCi;

    public static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"${PostgresVariable} is not set, so the store tests cannot reach PostgreSQL. .ci/run starts PostgreSQL 15 on 127.0.0.1 and sets it; locally, start a server and set it to a connection string for a role that may create databases.");

    public StoreTarget Target { get; }

    public TestClock Clock { get; }

    public OutturnStore Store { get; private set; }

    public string Folder => _folder;

    public OutturnSettings Settings(string user) => new()
    {
        AccessLog = Path.Combine(_folder, "access.log"),
        DemoCache = Path.Combine(_folder, "demo"),
        User = user,
        Clock = Clock,
    };

    /// <summary>The store opened again, as another user might.</summary>
    public OutturnStore Open(string user) => Store = OutturnStore.Open(Target, Settings(user));

    /// <summary>A plain connection of the test's own, beside the store's.</summary>
    public DbConnection Connect()
    {
        DbConnection c = Target.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Target.Location, Pooling = false }.ToString())
            : new NpgsqlConnection(Target.Location);
        c.Open();
        return c;
    }

    /// <summary>Every row of every table, as text (contents by digest): equal snapshots are an unchanged store.</summary>
    public string Snapshot()
    {
        string[] tables = ["outturn_schema", "imports", "computations", "problems", "figures", "targets", "commentary", "publications", "published_figures", "published_targets", "published_commentary", "case_lists", "audit_trail", "access_log", "actions", "action_changes", "benchmark_releases", "benchmark_figures", "benchmark_files", "users", "data_protection_keys", "local_indicators", "measures", "published_indicators", "published_measures"];
        using var c = Connect();
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = c.Query($"SELECT * FROM {table}").Cast<IDictionary<string, object?>>()
                .Select(r => string.Join("|", r.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Cell(kv.Value)}")))
                .Order(StringComparer.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"[{table}]\n");
            foreach (var row in rows)
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Drops a test database. A server process of another role (autovacuum) can hold it for a moment, which FORCE may
    /// not end (42501): then it is tried again.
    /// </summary>
    public static void Drop(string server, string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                admin.Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == "42501" && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "null",
        byte[] bytes => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        if (_database is not null)
        {
            Drop(PostgresServer(), _database);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Small return files, copied into a folder of the test's own to be imported, changed or broken.</summary>
internal static class TestReturns
{
    public static string Source => Path.Combine(AppContext.BaseDirectory, "TestData", "returns");

    /// <summary>A copy of the test returns (a small demo LA of 2,000 children, seed 3: SSDA903 and CIN census for 2023-24 and 2024-25, the population) under <paramref name="folder"/>.</summary>
    public static string CopyTo(string folder)
    {
        var root = Path.Combine(folder, "returns");
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(root, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return root;
    }
}
