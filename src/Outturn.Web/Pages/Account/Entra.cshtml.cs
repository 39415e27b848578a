using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Accounts;

namespace Outturn.Web.Pages.Account;

/// <summary>Starts a Microsoft Entra ID sign-in, when it is configured (404 when not).</summary>
/// <param name="configuration">Whether Entra ID is configured.</param>
[AllowAnonymous]
public sealed class EntraModel(IConfiguration configuration) : PageModel
{
    /// <summary>Challenges the Entra ID scheme.</summary>
    public IActionResult OnGet(string? returnUrl) => EntraSignIn.IsConfigured(configuration)
        ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, EntraSignIn.Scheme)
        : NotFound();
}
