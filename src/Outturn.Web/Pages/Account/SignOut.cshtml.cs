using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outturn.Web.Pages.Account;

/// <summary>Sign out (a form post, so another site cannot sign a person out).</summary>
[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    /// <summary>Ends the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Page();
    }

    /// <summary>A plain visit just goes to sign in.</summary>
    public IActionResult OnGet() => Redirect("/sign-in");
}
