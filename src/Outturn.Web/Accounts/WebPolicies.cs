using Outturn.Store;

namespace Outturn.Web.Accounts;

/// <summary>Who may do what: each policy is the roles it lets in. Every page needs a signed-in person at least.</summary>
public static class WebPolicies
{
    /// <summary>Imports, targets and publishing: analysts and admins.</summary>
    public const string Analyst = "analyst";

    /// <summary>The children behind a figure: managers and admins.</summary>
    public const string Children = "children";

    /// <summary>Commentary: managers, analysts and admins.</summary>
    public const string Commentary = "commentary";

    /// <summary>Accounts, the access log and the audit trail: admins.</summary>
    public const string Admin = "admin";

    /// <summary>The latest (unpublished) figures and anything beyond published scorecards: everyone but members.</summary>
    public const string Service = "service";

    /// <summary>Each policy and the roles it lets in.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Analyst] = [AccountRoles.Admin, AccountRoles.Analyst],
        [Children] = [AccountRoles.Admin, AccountRoles.Manager],
        [Commentary] = [AccountRoles.Admin, AccountRoles.Analyst, AccountRoles.Manager],
        [Admin] = [AccountRoles.Admin],
        [Service] = [AccountRoles.Admin, AccountRoles.Analyst, AccountRoles.Manager],
    };

    /// <summary>Whether <paramref name="role"/> passes <paramref name="policy"/>.</summary>
    public static bool Allows(string policy, string? role) => role is not null && Roles[policy].Contains(role, StringComparer.Ordinal);
}
