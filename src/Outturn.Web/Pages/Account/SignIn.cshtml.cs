using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Accounts;

namespace Outturn.Web.Pages.Account;

/// <summary>Sign in with a name and password held in the store (or, when configured, with Microsoft Entra ID).</summary>
/// <param name="signIns">The sign-in rules.</param>
/// <param name="configuration">Whether Entra ID is configured.</param>
public sealed class SignInModel(SignIns signIns, IConfiguration configuration) : PageModel
{
    /// <summary>The name given.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Where to go after signing in: a local address only.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>What went wrong, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether the Entra ID link is shown.</summary>
    public bool EntraConfigured => EntraSignIn.IsConfigured(configuration);

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the name and password; signs in, or shows why not (status 400 on the form again).</summary>
    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var (person, refusal) = signIns.Attempt(Name ?? "", password ?? "");
        if (person is null)
        {
            Error = refusal == SignInRefusal.Locked
                ? $"This account is locked after {SignIns.LockAfter} wrong passwords in a row. Try again in {SignIns.LockFor.TotalMinutes} minutes, or ask an admin."
                : "Enter a correct name and password";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, person, new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
