using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Outturn.App;
using Outturn.Store;
using Outturn.Web.Accounts;

namespace Outturn.Web.Tests;

/// <summary>A clock the test moves.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The web app through its real pipeline on a store of the test's own: a copy of a demo store loaded once per test run
/// (a SQLite file copied; a PostgreSQL database made from a template database), with the demo accounts, each with
/// <see cref="Password"/>.
/// </summary>
internal sealed partial class TestSite : WebApplicationFactory<Program>
{
    /// <summary>The demo accounts' password in the tests.</summary>
    public const string Password = "test-password-1";

    /// <summary>The variable naming the PostgreSQL server (as the store tests use it).</summary>
    public const string PostgresVariable = "OUTTURN_TEST_POSTGRES";

    private static readonly Lazy<string> SqliteTemplate = new(MakeSqliteTemplate);
    private static readonly Lazy<string> PostgresTemplate = new(MakePostgresTemplate);
    private static readonly Lock CopyGate = new();

    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-web-test-").FullName;
    private readonly string? _database;
    private bool _disposed;

    /// <param name="provider"><c>sqlite</c> or <c>postgres</c>.</param>
    /// <param name="authority">Our authority (<c>Outturn:Authority</c>), for the benchmark columns; none when null.</param>
    /// <param name="pooled">Whether the app keeps PostgreSQL connections in a pool, as it does when deployed (the tests' sites otherwise do not, so a database is dropped at once).</param>
    public TestSite(string provider, string? authority = null, bool pooled = false)
    {
        Provider = provider;
        Authority = authority;
        if (provider == "sqlite")
        {
            var path = Path.Combine(_folder, "outturn.db");
            File.Copy(SqliteTemplate.Value, path);
            Target = new StoreTarget(StoreProvider.Sqlite, path);
        }
        else
        {
            _database = $"outturn_web_{Guid.NewGuid():N}";
            lock (CopyGate)
            {
                using var admin = new NpgsqlConnection(PostgresServer());
                admin.Open();
                admin.Execute($"CREATE DATABASE {_database} TEMPLATE {PostgresTemplate.Value}");
            }

            Target = new StoreTarget(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = _database, Pooling = pooled }.ToString());
        }
    }

    /// <summary>
    /// What a PostgreSQL restart does to the app, on this site's database alone (other tests share the server): every
    /// connection to it ended by the server (57P01, as at a shutdown) and new ones refused, until <paramref name="down"/>
    /// is false again.
    /// </summary>
    public void Outage(bool down)
    {
        using var admin = new NpgsqlConnection(PostgresServer());
        admin.Open();
        admin.Execute($"ALTER DATABASE {_database} ALLOW_CONNECTIONS {(down ? "false" : "true")}");
        if (down)
        {
            admin.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", new { database = _database });
        }
    }

    public string Provider { get; }

    /// <summary>Our authority as configured; null when none is.</summary>
    public string? Authority { get; }

    public StoreTarget Target { get; }

    /// <summary>Where the app holds checked uploads.</summary>
    public string HeldFolder => Path.Combine(_folder, "held");

    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 4, 14, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The providers every web test runs on: SQLite always; PostgreSQL when a server is given, and always in CI.</summary>
    public static IReadOnlyList<string> ProviderNames() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } || IsCi ? ["sqlite", "postgres"] : ["sqlite"];

    /// <summary>The providers as theory data.</summary>
    public static TheoryData<string> Providers() => [.. ProviderNames()];

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The store as the test reads it beside the app.</summary>
    public OutturnStore Store() => OutturnStore.Open(Target, Settings("test"));

    /// <summary>Configuration given to the app besides the site's own (set before the first request).</summary>
    public Dictionary<string, string> Configured { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Configured)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Outturn:Database", Target.Location);
        builder.UseSetting("Outturn:DemoPassword", Password);
        builder.UseSetting("Outturn:AccessLog", Path.Combine(_folder, "access.log"));
        builder.UseSetting("Outturn:HeldUploads", Path.Combine(_folder, "held"));
        if (Authority is not null)
        {
            builder.UseSetting("Outturn:Authority", Authority);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>Runs SQL on the store beside the app, as something outside Outturn would (a test's way to age the data).</summary>
    public void Execute(string sql)
    {
        using System.Data.Common.DbConnection c = Provider == "sqlite"
            ? new SqliteConnection($"Data Source={Target.Location};Pooling=false")
            : new NpgsqlConnection(Target.Location);
        c.Open();
        c.Execute(sql);
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="name"/> (a demo account: admin, analyst, manager or member).</summary>
    public async Task<HttpClient> SignedIn(string name)
    {
        var client = Client();
        var response = await Post(client, "/sign-in", new() { ["name"] = name, ["password"] = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{name} could not sign in");
        return client;
    }

    /// <summary>Posts a form the way a browser does: the page's anti-forgery token read from <paramref name="path"/> first.</summary>
    public static async Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await FormToken(client, formPage ?? path) };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>The anti-forgery token of the page at <paramref name="path"/>, as its forms post it.</summary>
    public static async Task<string> FormToken(HttpClient client, string path)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(path));
        token.Success.ShouldBeTrue($"{path} has no anti-forgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>A page's main element, each anti-forgery token replaced by <c>(token)</c>, ending with a new line: what a page's snapshot holds.</summary>
    public static string MainOf(string page)
    {
        var start = page.IndexOf("<main", StringComparison.Ordinal);
        var end = page.IndexOf("</main>", StringComparison.Ordinal);
        return TokenValue().Replace(page[start..(end + 7)], "value=\"(token)\"") + "\n";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex TokenValue();

    private OutturnSettings Settings(string user) => new()
    {
        AccessLog = Path.Combine(_folder, "access.log"),
        DemoCache = Demo.DemoCache.In(Path.GetTempPath()),
        User = user,
        Clock = Clock,
    };

    private static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"${PostgresVariable} is not set, so the web tests cannot reach PostgreSQL (.ci/run starts a server and sets it).");

    /// <summary>Fills a new store with the demo LA, the shipped published statistics and the demo accounts, as the app's first start does.</summary>
    private static void Fill(StoreTarget target)
    {
        var settings = new OutturnSettings
        {
            AccessLog = Path.Combine(Path.GetTempPath(), "outturn-web-template-access.log"),
            DemoCache = Demo.DemoCache.In(Path.GetTempPath()),
            User = "outturn-web",
            Clock = new TestClock(new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.Zero)),
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Outturn:DemoPassword", Password)]).Build();
        DemoStart.Run(OutturnStore.Open(target, settings), configuration, TextWriter.Null, Testing.RepoPaths.Published);
    }

    private static string MakeSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("outturn-web-template-").FullName;
        var path = Path.Combine(folder, "template.db");
        Fill(new StoreTarget(StoreProvider.Sqlite, path));
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return path;
    }

    private static string MakePostgresTemplate()
    {
        var name = $"outturn_web_template_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(PostgresServer()))
        {
            admin.Open();
            admin.Execute($"CREATE DATABASE {name}");
        }

        Fill(new StoreTarget(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name, Pooling = false }.ToString()));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        return name;
    }

    /// <summary>
    /// Drops a test database; a server process of another role (autovacuum) can hold it for a moment, which FORCE may
    /// not end (42501): then it is tried again.
    /// </summary>
    private static void Drop(string database)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var admin = new NpgsqlConnection(PostgresServer());
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            Drop(_database);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
