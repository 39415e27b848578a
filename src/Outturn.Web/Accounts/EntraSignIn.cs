using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Outturn.Store;

namespace Outturn.Web.Accounts;

/// <summary>
/// Signing in with Microsoft Entra ID (OpenID Connect), off unless <c>Outturn:Entra:Authority</c> and
/// <c>Outturn:Entra:ClientId</c> are configured. A person's role comes from their groups
/// (<c>Outturn:Entra:Groups:&lt;group object id&gt; = analyst</c>, the most trusted wins); a person in no mapped group
/// is refused.
/// </summary>
public static class EntraSignIn
{
    /// <summary>The scheme's name.</summary>
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Whether Entra ID sign-in is configured.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?["Outturn:Entra:Authority"]) && !string.IsNullOrWhiteSpace(configuration["Outturn:Entra:ClientId"]);

    /// <summary>Adds the OpenID Connect scheme when configured.</summary>
    public static void AddTo(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        if (!IsConfigured(configuration))
        {
            return;
        }

        var groups = configuration.GetSection("Outturn:Entra:Groups").GetChildren().ToDictionary(g => g.Key, g => g.Value ?? "", StringComparer.OrdinalIgnoreCase);
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Authority = configuration["Outturn:Entra:Authority"];
            o.ClientId = configuration["Outturn:Entra:ClientId"];
            o.ClientSecret = configuration["Outturn:Entra:ClientSecret"];
            o.ResponseType = "code";
            o.CallbackPath = "/signin-oidc";
            o.Scope.Add("profile");
            o.Events.OnTokenValidated = context =>
            {
                var identity = (ClaimsIdentity)context.Principal!.Identity!;
                var role = RoleOf(identity.FindAll("groups").Select(c => c.Value), groups);
                if (role is null)
                {
                    context.Fail("You are in no group that Outturn gives a role to.");
                    return Task.CompletedTask;
                }

                var name = identity.FindFirst("preferred_username")?.Value ?? identity.Name ?? "entra-user";
                context.Principal = SignIns.Person(name, role);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The most trusted role the groups map to, or null when none maps.</summary>
    public static string? RoleOf(IEnumerable<string> memberOf, IReadOnlyDictionary<string, string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var roles = memberOf.Select(g => groups.TryGetValue(g, out var r) ? r : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return AccountRoles.All.FirstOrDefault(roles.Contains);
    }
}
