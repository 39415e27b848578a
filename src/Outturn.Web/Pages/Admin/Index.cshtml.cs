using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Store;
using Outturn.Web.Accounts;

namespace Outturn.Web.Pages.Admin;

/// <summary>Accounts and roles: the list, and a new account with a password (hashed before it reaches the store).</summary>
/// <param name="store">The store.</param>
public sealed class IndexModel(OutturnStore store) : PageModel
{
    /// <summary>Minimum length of a password set here.</summary>
    public const int MinimumPassword = 12;

    /// <summary>Every account.</summary>
    public IReadOnlyList<Store.Account> Accounts { get; private set; } = [];

    /// <summary>Each problem with the new account: field and message.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    /// <summary>The account just created, or null.</summary>
    public string? Created { get; private set; }

    /// <summary>Shows the accounts.</summary>
    public void OnGet(string? created)
    {
        Created = created;
        Accounts = store.Accounts();
    }

    /// <summary>Creates an account, or shows every problem (status 400).</summary>
    public IActionResult OnPost(string? name, string? role, string? password)
    {
        var errors = new List<(string, string)>();
        name = name?.Trim() ?? "";
        if (OutturnStore.CheckAccount(name, AccountRoles.Member) is { } nameProblem)
        {
            errors.Add(("name", nameProblem));
        }

        if (role is null || !AccountRoles.All.Contains(role, StringComparer.Ordinal))
        {
            errors.Add(("role-admin", "Choose a role"));
        }

        if ((password ?? "").Length < MinimumPassword)
        {
            errors.Add(("password", $"Enter a password of {MinimumPassword} characters or more"));
        }

        if (errors.Count == 0)
        {
            try
            {
                store.As(User.Identity!.Name!).CreateAccount(name, role!, SignIns.Hash(password!));
                return Redirect($"/admin?created={Uri.EscapeDataString(name)}");
            }
            catch (StoreException e)
            {
                errors.Add(("name", e.Message));
            }
        }

        Errors = errors;
        Accounts = store.Accounts();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
