using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Outturn.Domain.National;

namespace Outturn.Load;

// Concurrent users on the web app, over loopback to a real Kestrel server, for a fixed time: each user signs in with
// a session of their own and requests pages one after another, as fast as the server answers. Every answer must be
// 200 with the page's own heading; anything else is an error, counted and shown. Stops by itself after --seconds.
//   dotnet run -c Release --project bench/Outturn.Load -- [--users 20] [--seconds 60] [--warmup 5]
//       [--pages scorecard|mix] [--db FILE]
// --pages scorecard: the scorecard page only. mix: the scorecard, an indicator page and the children behind an
// indicator's figure (each view written to the access log, as in use), in turn, the indicator chosen at random.
// The store is a SQLite file (--db, default outturn-load.db in the temporary folder): an empty one is filled with the
// demo LA by the app's first start, as `dotnet run --project src/Outturn.Web` does (a minute), and kept for the next run.
/// <summary>The load run (see the comment above).</summary>
internal static class LoadRun
{
    public static async Task<int> Main(string[] args)
    {
        var users = Option(args, "--users", 20);
        var seconds = Option(args, "--seconds", 60);
        var warmup = Option(args, "--warmup", 5);
        var pages = Text(args, "--pages") ?? "scorecard";
        var db = Text(args, "--db") ?? Path.Combine(Path.GetTempPath(), "outturn-load.db");
        if (pages is not ("scorecard" or "mix") || users < 1 || seconds < 1 || warmup < 0)
        {
            Console.Error.WriteLine("--pages is scorecard or mix; --users and --seconds at least 1; --warmup 0 or more.");
            return 2;
        }

        const string Password = "load-test-password-1";
        using var site = new Site(Repository(), db, Password);
        site.UseKestrel(0);
        site.StartServer();
        var address = site.ClientOptions.BaseAddress;
        Console.Out.WriteLine($"Serving {db} on {address}; {users} users for {seconds} s (after {warmup} s warm-up), pages: {pages}.");

        var ids = NationalIndicators.Indicators.Select(i => i.Id).ToArray();
        var clients = new List<HttpClient>();
        for (var u = 0; u < users; u++)
        {
            clients.Add(await SignIn(address, "manager", Password));
        }

        var samples = new List<(string Page, double Ms, bool Measured)>[users];
        var errors = new List<string>[users];
        var start = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(warmup);
        var stopAt = TimeSpan.FromSeconds(warmup + seconds);
        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var random = new Random(u);
            var mine = samples[u] = [];
            var wrong = errors[u] = [];
            for (var n = 0; start.Elapsed < stopAt; n++)
            {
                var id = ids[random.Next(ids.Length)];
                var (page, path, heading) = pages == "scorecard" || n % 3 == 0
                    ? ("scorecard", "/", "<title>Scorecard, ")
                    : n % 3 == 1 ? ("indicator", $"/indicators/{id}", "<h1 class=\"govuk-heading-l\">") : ("children", $"/indicators/{id}/children", "<h1 class=\"govuk-heading-l\">");
                var began = start.Elapsed;
                try
                {
                    using var response = await clients[u].GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                    var found = await Holds(response, heading);
                    var took = (start.Elapsed - began).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK || !found)
                    {
                        wrong.Add($"{page} {path}: {(int)response.StatusCode}");
                    }

                    mine.Add((page, took, began >= measureFrom));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    wrong.Add($"{page} {path}: {e.GetType().Name}: {e.Message}");
                }
            }
        })));

        var measured = samples.SelectMany(s => s).Where(s => s.Measured).ToList();
        var failures = errors.SelectMany(e => e).ToList();
        if (measured.Count == 0)
        {
            Console.Error.WriteLine($"No request was answered after the warm-up ({failures.Count} errors): {failures.FirstOrDefault()}");
            return 1;
        }
        Console.Out.WriteLine();
        Console.Out.WriteLine("| page | requests | per second | p50 ms | p95 ms | p99 ms | max ms |");
        Console.Out.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in measured.GroupBy(s => s.Page).Append(measured.GroupBy(_ => "all").First()))
        {
            var ms = group.Select(s => s.Ms).Order().ToArray();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {ms.Length:N0} | {ms.Length / (double)seconds:0} | {Percentile(ms, 50):0.0} | {Percentile(ms, 95):0.0} | {Percentile(ms, 99):0.0} | {ms[^1]:0.0} |"));
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{users} users, {seconds} s measured after {warmup} s, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}: {failures.Count} errors."));
        foreach (var f in failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(10))
        {
            Console.Out.WriteLine($"  {f.Count()} x {f.Key}");
        }

        foreach (var c in clients)
        {
            c.Dispose();
        }

        return failures.Count == 0 ? 0 : 1;
    }

    // The nearest-rank percentile of sorted values.
    static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    // Whether the body holds the text, read to its end through one pooled buffer: a page of 100 KB read whole as a
    // string would be two large-object allocations per request in the process that also serves them, and the
    // collections they cause would be charged to the server's latency.
    static async Task<bool> Holds(HttpResponseMessage response, string text)
    {
        var wanted = System.Text.Encoding.UTF8.GetBytes(text);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            var found = false;
            var kept = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(kept, buffer.Length - kept))) > 0)
            {
                var filled = kept + read;
                found |= buffer.AsSpan(0, filled).IndexOf(wanted) >= 0;

                // The last bytes stay at the front, so text split across two reads is still found.
                kept = Math.Min(wanted.Length - 1, filled);
                buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
            }

            return found;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A client with a session of its own, signed in through the sign-in form (its anti-forgery token read first).
    static async Task<HttpClient> SignIn(Uri address, string name, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{name} could not sign in ({(int)response.StatusCode}): a store filled by another run keeps that run's passwords; give a new --db.");
        }

        return client;
    }

    // The repository's root: the folder above this tool's that holds Outturn.slnx.
    static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Outturn.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the load tool from the repository (dotnet run --project bench/Outturn.Load).");
    }

    static int Option(string[] args, string name, int fallback) => Text(args, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>The web app on Kestrel over loopback, on the load run's store, with the demo accounts' password given.</summary>
internal sealed class Site(string repository, string database, string password) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(repository, "src", "Outturn.Web"));
        builder.UseSetting("Outturn:Database", database);
        builder.UseSetting("Outturn:Published", Path.Combine(repository, "data", "published"));
        builder.UseSetting("Outturn:Authority", "Rotherham");
        builder.UseSetting("Outturn:DemoPassword", password);
        builder.UseSetting("Outturn:AccessLog", Path.Combine(Path.GetDirectoryName(database)!, "outturn-load-access.log"));
        builder.UseEnvironment("Production");
    }
}
