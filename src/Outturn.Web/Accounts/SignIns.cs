using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Outturn.Store;

namespace Outturn.Web.Accounts;

/// <summary>Why a sign-in did not succeed, or null when it did.</summary>
public enum SignInRefusal
{
    /// <summary>The name or the password is wrong (which one is not said).</summary>
    Wrong,

    /// <summary>Too many failures: the account is locked for a while.</summary>
    Locked,
}

/// <summary>
/// Signing in with a name and password held in the store: passwords hashed by ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/>; the <see cref="LockAfter"/>th failure in a row locks the account for
/// <see cref="LockFor"/>.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">The clock.</param>
public sealed class SignIns(OutturnStore store, TimeProvider clock)
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int LockAfter = 5;

    /// <summary>How long a lock-out lasts.</summary>
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<Account> Hasher = new();

    /// <summary>A hash of <paramref name="password"/> as the store keeps it.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>The person signed in, or why not.</summary>
    public (ClaimsPrincipal? Person, SignInRefusal? Refusal) Attempt(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var account = string.IsNullOrWhiteSpace(name) ? null : store.FindAccount(name);
        if (account is null || account.PasswordHash is null)
        {
            // The same work as a real check, so the answer's time does not tell which names exist.
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return (null, SignInRefusal.Wrong);
        }

        if (account.IsLockedAt(clock.GetUtcNow()))
        {
            return (null, SignInRefusal.Locked);
        }

        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var now = store.As(account.Name).RecordFailedSignIn(account.Name, LockAfter, LockFor);
            return (null, now?.IsLockedAt(clock.GetUtcNow()) == true ? SignInRefusal.Locked : SignInRefusal.Wrong);
        }

        store.RecordSignIn(account.Name);
        return (Person(account.Name, account.Role), null);
    }

    /// <summary>The claims of a person in a role, for the cookie.</summary>
    public static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme));

    private static readonly string DummyHash = Hash(Guid.NewGuid().ToString());
}
