using Microsoft.Data.Sqlite;
using Outturn.App;

namespace Outturn.Cli.Tests;

/// <summary>A folder of the test's own holding its SQLite store, deleted afterwards; the settings point the CLI at it.</summary>
internal sealed class StoreFolder(string prefix) : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The store's file (created on first use).</summary>
    public string Db => System.IO.Path.Combine(Path, "outturn.db");

    /// <summary>The settings the environment gives, with this store and the user <c>analyst.one</c>.</summary>
    public OutturnSettings Settings => OutturnCli.SettingsFromEnvironment() with { Database = Db, User = "analyst.one" };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
