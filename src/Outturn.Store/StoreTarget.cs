namespace Outturn.Store;

/// <summary>Which database the store is in.</summary>
public enum StoreProvider
{
    /// <summary>One SQLite file: the default, no set-up.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for a council server and several web instances sharing it.</summary>
    Postgres,
}

/// <summary>
/// Where the store is: a SQLite file by path, or a PostgreSQL database by connection string
/// (<c>Host=...;Database=...;Username=...</c>), as <c>--db</c> or <c>OUTTURN_DB</c> give it.
/// </summary>
/// <param name="Provider">The database.</param>
/// <param name="Location">The SQLite file's full path, or the PostgreSQL connection string.</param>
public sealed record StoreTarget(StoreProvider Provider, string Location)
{
    /// <summary>The file name of the default store, in the user's local application data under <c>outturn</c>.</summary>
    public const string DefaultFileName = "outturn.db";

    /// <summary>
    /// A connection string (text holding <c>=</c> and naming a host) is PostgreSQL; anything else is a SQLite file's path.
    /// </summary>
    public static StoreTarget Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Trim();
        return text.Contains('=', StringComparison.Ordinal)
            && text.Split(';').Any(p => p.Split('=')[0].Trim() is var key
                && (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)))
            ? new StoreTarget(StoreProvider.Postgres, text)
            : new StoreTarget(StoreProvider.Sqlite, Path.GetFullPath(text));
    }

    /// <summary>The default store: <c>outturn/outturn.db</c> in <paramref name="localApplicationData"/>.</summary>
    public static StoreTarget DefaultIn(string localApplicationData) =>
        new(StoreProvider.Sqlite, Path.GetFullPath(Path.Combine(localApplicationData, "outturn", DefaultFileName)));

    /// <summary>For people: the file, or the PostgreSQL host and database without the password.</summary>
    public override string ToString()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            return Location;
        }

        var parts = Location.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2 && kv[0].Trim().ToUpperInvariant() is "HOST" or "SERVER" or "PORT" or "DATABASE")
            .Select(kv => $"{kv[0].Trim()}={kv[1].Trim()}");
        return $"PostgreSQL ({string.Join(";", parts)})";
    }
}
