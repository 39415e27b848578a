using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Outturn.App;
using Outturn.Store;

namespace Outturn.Cli.Tests;

/// <summary>A clock that stays where the test puts it.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A new store for the command line on either provider, given as <c>--db</c>: a SQLite file in a folder of the test's
/// own, or a PostgreSQL database of its own on the server <c>OUTTURN_TEST_POSTGRES</c> names, dropped afterwards.
/// </summary>
internal sealed class CliStore : IDisposable
{
    private const string PostgresVariable = "OUTTURN_TEST_POSTGRES";

    private readonly string? _database;

    /// <summary>A new store, empty, or holding what <paramref name="template"/> holds (a copy of its file or database).</summary>
    public CliStore(string provider, CliStore? template = null)
    {
        Folder = Directory.CreateTempSubdirectory("outturn-cli-store-").FullName;
        if (provider == "sqlite")
        {
            Db = System.IO.Path.Combine(Folder, "outturn.db");
            if (template is not null)
            {
                foreach (var suffix in new[] { "", "-wal" }.Where(s => File.Exists(template.Db + s)))
                {
                    File.Copy(template.Db + suffix, Db + suffix);
                }
            }
        }
        else
        {
            var server = Server();
            _database = $"outturn_cli_{Guid.NewGuid():N}";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var admin = new NpgsqlConnection(server);
                    admin.Open();
                    admin.Execute(template is null ? $"CREATE DATABASE {_database}" : $"CREATE DATABASE {_database} TEMPLATE {template._database}");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == "55006" && attempt < 40)
                {
                    // The template's last client is still leaving.
                    Thread.Sleep(100);
                }
            }

            Db = new NpgsqlConnectionStringBuilder(server) { Database = _database, Pooling = false }.ToString();
        }

        Target = StoreTarget.Parse(Db);
    }

    /// <summary>The providers: SQLite always; PostgreSQL when a server is given, and always in CI.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            data.Add("postgres");
        }

        return data;
    }

    /// <summary>A folder of the test's own (the SQLite store's, and room for files).</summary>
    public string Folder { get; }

    /// <summary>The store as <c>--db</c> takes it.</summary>
    public string Db { get; }

    /// <summary>The store as Outturn names it.</summary>
    public StoreTarget Target { get; }

    /// <summary>The clock the settings give, still until the test moves it.</summary>
    public FixedClock Clock { get; } = new(new DateTimeOffset(2025, 4, 10, 9, 30, 0, TimeSpan.Zero));

    /// <summary>The settings the environment gives, with this store, the user <c>analyst.one</c> and the fixed clock.</summary>
    public OutturnSettings Settings => OutturnCli.SettingsFromEnvironment() with { Database = Db, User = "analyst.one", Clock = Clock };

    /// <summary>A plain connection of the test's own.</summary>
    public DbConnection Connect()
    {
        DbConnection c = Target.Provider == StoreProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Target.Location, Pooling = false }.ToString())
            : new NpgsqlConnection(Target.Location);
        c.Open();
        return c;
    }

    /// <summary>Every row of every table, as text (contents by digest): equal dumps are an unchanged store.</summary>
    public string Dump()
    {
        using var c = Connect();
        var tables = Target.Provider == StoreProvider.Sqlite
            ? c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList()
            : c.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name").ToList();
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{table}]\n");
            foreach (var row in c.Query($"SELECT * FROM \"{table}\"").Cast<IDictionary<string, object?>>()
                .Select(r => string.Join("|", r.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={(kv.Value is byte[] b ? Convert.ToHexString(SHA256.HashData(b)) : Convert.ToString(kv.Value, CultureInfo.InvariantCulture))}")))
                .Order(StringComparer.Ordinal))
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"${PostgresVariable} is not set, so the CLI tests cannot reach PostgreSQL (.ci/run starts a server and sets it).");

    public void Dispose()
    {
        if (_database is not null)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var admin = new NpgsqlConnection(Server());
                    admin.Open();
                    admin.Execute($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == "42501" && attempt < 20)
                {
                    Thread.Sleep(250);
                }
            }
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
