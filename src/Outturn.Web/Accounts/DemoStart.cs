using System.Security.Cryptography;
using Outturn.Demo;
using Outturn.Domain.Periods;
using Outturn.Store;

namespace Outturn.Web.Accounts;

/// <summary>What the first start did: the store, and the demo accounts with their passwords when they were made.</summary>
/// <param name="Store">The store.</param>
/// <param name="Accounts">The demo accounts made now (name, role, password), or none.</param>
public sealed record StartResult(StoreTarget Store, IReadOnlyList<(string Name, string Role, string Password)> Accounts);

/// <summary>
/// The web app's first start on a store: an empty store gets the demo LA (its returns, targets, drafted commentary,
/// the shipped published statistics and the published last quarter), and a store with no account the demo accounts, one per role, named for it.
/// </summary>
public static class DemoStart
{
    /// <summary>The quarter the demo drafts and publishes.</summary>
    public static readonly Quarter DemoQuarter = Quarter.Parse("2024-25Q4");

    /// <summary>Loads the demo and makes the accounts as needed, saying so on <paramref name="console"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="configuration"><c>Outturn:DemoPassword</c> gives every demo account that password; without it,
    /// each gets a random one, printed once.</param>
    /// <param name="console">Where to say what was done.</param>
    /// <param name="publishedFolder">The published statistics imported with the demo (the shipped <c>data/published</c>, beside the app); none when null.</param>
    public static StartResult Run(OutturnStore store, IConfiguration configuration, TextWriter console, string? publishedFolder = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(console);
        if (store.IsEmpty())
        {
            console.WriteLine($"The store {store.Target} is empty: loading the demo LA (60,000 children, 2021-22 to 2024-25); this takes a minute the first time.");
            var demo = store.As("outturn-demo").LoadDemo(
                DemoCache.Ensure(DemoCache.In(Path.GetTempPath())),
                Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv"),
                DemoQuarter,
                publishedFolder: publishedFolder);
            console.WriteLine($"Loaded the demo LA: {demo.Files} return files, {demo.Import.Figures:N0} figures, {(demo.Benchmarks is { } b ? $"the published statistics of {b.Measures.Count} measures" : "no published statistics (none found)")}, {demo.Quarter} published.");
        }

        var made = new List<(string, string, string)>();
        if (store.Accounts().Count == 0)
        {
            var password = configuration["Outturn:DemoPassword"];
            foreach (var role in AccountRoles.All)
            {
                var p = string.IsNullOrEmpty(password) ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16) : password;
                store.As("outturn-demo").CreateAccount(role, role, SignIns.Hash(p));
                made.Add((role, role, p));
            }

            console.WriteLine("Demo accounts (shown once; change them under Admin):");
            foreach (var (name, role, p) in made)
            {
                console.WriteLine($"  {name,-8} {role,-8} password {p}");
            }
        }

        return new StartResult(store.Target, made);
    }
}
