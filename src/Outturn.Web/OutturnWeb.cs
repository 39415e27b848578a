using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Outturn.App;
using Outturn.App.Benchmarks;
using Outturn.Demo;
using Outturn.Formats.Pdf;
using Outturn.Store;
using Outturn.Web.Accounts;
using Outturn.Web.Imports;
using Outturn.Web.Scorecards;

namespace Outturn.Web;

/// <summary>The web app's services and pipeline: the host's two calls in <c>Program.cs</c>.</summary>
public static class OutturnWeb
{
    /// <summary>How long a session lasts without a request (sliding).</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The settings from configuration: the store (<c>Outturn:Database</c>, else <c>OUTTURN_DB</c>, else the same
    /// SQLite file the command line uses), the published statistics (<c>Outturn:Published</c>, else beside the app),
    /// our authority (<c>Outturn:Authority</c>), Chromium for PDFs, the demo cache in the temporary folder, and the
    /// system clock. The user is the web app itself; each request acts as the person signed in.
    /// </summary>
    public static OutturnSettings SettingsFrom(IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return new OutturnSettings
        {
            Authority = Text(configuration["Outturn:Authority"]),
            PublishedFolder = PublishedLocation.Find(Text(configuration["Outturn:Published"]), AppContext.BaseDirectory, Environment.CurrentDirectory),
            AccessLog = Text(configuration["Outturn:AccessLog"]) ?? Path.Combine(local, "outturn", "access.log"),
            Chromium = ChromiumPdf.FindExecutable(Text(configuration["Outturn:Chromium"])),
            Database = Text(configuration["Outturn:Database"]) ?? Text(configuration["OUTTURN_DB"]) ?? StoreTarget.DefaultIn(local).Location,
            DemoCache = DemoCache.In(Path.GetTempPath()),
            User = "outturn-web",
            Clock = clock,
        };
    }

    /// <summary>Thread-pool threads started without delay: more than the concurrent requests a council's instance serves.</summary>
    private const int MinThreads = 256;

    /// <summary>Registers the store, accounts, cookies, the data protection key ring in the store, and the pages.</summary>
    public static void AddOutturnWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The store is read and written synchronously (Dapper over SQLite or Npgsql), so a request waiting for it, for
        // another request's scorecard or for its turn to write holds a thread-pool thread; the scorecard's small-number
        // protection and an import's figures run in parallel on the same pool. With the pool's default minimum (one
        // thread per core) and a new thread only every half second beyond it, fifty users at once left the parallel
        // work without threads for longer than a request may take (bench/Outturn.Load --users 50 --pages mix). The
        // pool starts this many threads at once when asked, instead.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, MinThreads), Math.Max(completion, MinThreads));
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SettingsFrom(builder.Configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<OutturnSettings>();
            return OutturnStore.Open(StoreTarget.Parse(settings.Database!), settings);
        });
        var uploads = new UploadLimit((long)((builder.Configuration.GetValue<double?>("Outturn:MaxUploadMegabytes") ?? UploadLimit.DefaultMegabytes) * 1024 * 1024));
        services.AddSingleton(uploads);
        services.AddSingleton<WebBenchmarks>();
        services.AddSingleton<WebScorecards>();
        services.AddSingleton<SignIns>();
        services.AddSingleton(sp => builder.Configuration["Outturn:HeldUploads"] is { Length: > 0 } root
            ? new HeldUploads(sp.GetRequiredService<TimeProvider>()) { Root = root }
            : new HeldUploads(sp.GetRequiredService<TimeProvider>()));

        // Cookies every instance on the store can read: the key ring lives in the store.
        var protection = services.AddDataProtection().SetApplicationName("Outturn");

        // The keys in the store encrypted at rest with a certificate every instance holds (Outturn:KeyCertificate, a
        // PFX, and Outturn:KeyCertificatePassword): someone reading the database then cannot forge a session cookie.
        // Without one the keys are kept as the framework writes them, unencrypted, and it warns at start.
        if (builder.Configuration["Outturn:KeyCertificate"] is { Length: > 0 } certificate)
        {
            var held = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificate, builder.Configuration["Outturn:KeyCertificatePassword"], System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet);
            protection.ProtectKeysWithCertificate(held).UnprotectKeysWithAnyCertificate(held);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<OutturnStore>())));

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.ExpireTimeSpan = SessionLength;
            o.SlidingExpiration = true;
            o.Cookie.Name = "outturn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        EntraSignIn.AddTo(authentication, builder.Configuration);

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var (name, roles) in WebPolicies.Roles)
            {
                o.AddPolicy(name, p => p.RequireRole(roles));
            }
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "outturn-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/SignIn");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Targets", WebPolicies.Analyst);
            o.Conventions.AuthorizeFolder("/Imports", WebPolicies.Analyst);
            o.Conventions.AddFolderApplicationModelConvention("/Imports", m =>
            {
                m.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(uploads.Bytes));
                m.Filters.Add(new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = uploads.Bytes });
            });
            o.Conventions.AuthorizeFolder("/Publish", WebPolicies.Analyst);
            o.Conventions.AuthorizeFolder("/Commentary", WebPolicies.Commentary);
            o.Conventions.AuthorizeFolder("/Actions", WebPolicies.Service);
            o.Conventions.AuthorizeFolder("/Admin", WebPolicies.Admin);
            o.Conventions.AuthorizePage("/Indicators/Children", WebPolicies.Children);
            o.Conventions.AuthorizeFolder("/Caseload", WebPolicies.Children);
        });
    }

    /// <summary>
    /// The pipeline (security headers, GOV.UK Frontend's files, sign-in, pages), after opening the store: an empty store
    /// gets the demo LA, a store without accounts the demo accounts, printed once with the address.
    /// </summary>
    public static void UseOutturnWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var start = DemoStart.Run(app.Services.GetRequiredService<OutturnStore>(), app.Configuration, Console.Out, app.Services.GetRequiredService<OutturnSettings>().PublishedFolder);

        // Our authority's benchmarks are worked out once for the releases held, before the first page asks.
        app.Services.GetRequiredService<WebBenchmarks>().Current();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            Console.Out.WriteLine($"Outturn is serving {start.Store} on {string.Join(", ", addresses)}");
        });

        // Never the developer exception page: an error shows the service's page, and nothing of the request it failed on.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.Use(SecurityHeaders);
        app.Use(UploadLimit.Refuse);
        app.UseStaticFiles();

        // The compiled GOV.UK CSS names its images under /assets (its typeface is not shipped: wwwroot/govuk/README.md).
        var assets = Path.Combine(app.Environment.WebRootPath, "govuk", "assets");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();

        // The scorecard's styles are the HTML writer's own, so the page and the downloaded file look alike.
        app.MapGet("/css/scorecard.css", () => Results.Text(Formats.Scorecards.ScorecardHtml.Css, "text/css")).AllowAnonymous();
    }

    /// <summary>The key of the request's script nonce in <see cref="HttpContext.Items"/>.</summary>
    public const string NonceKey = "outturn-csp-nonce";

    /// <summary>
    /// Security headers on every response: a content security policy of the app's own files only (one nonce for the
    /// GOV.UK body-class script), no framing, no sniffing, no referrer beyond the origin.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next();
    }
}
