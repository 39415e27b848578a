using System.Globalization;
using Dapper;

namespace Outturn.Store;

/// <summary>The roles an account holds one of, from the most to the least trusted.</summary>
public static class AccountRoles
{
    /// <summary>Everything, and accounts, the access log and the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>Imports, targets, commentary and publishing.</summary>
    public const string Analyst = "analyst";

    /// <summary>The children behind a figure, commentary.</summary>
    public const string Manager = "manager";

    /// <summary>Published scorecards and reports only, small numbers withheld.</summary>
    public const string Member = "member";

    /// <summary>Every role, most trusted first.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Manager, Member];
}

/// <summary>An account of the web app.</summary>
/// <param name="Name">The name signed in with, unique (ignoring case).</param>
/// <param name="Role">One of <see cref="AccountRoles.All"/>.</param>
/// <param name="PasswordHash">The password as ASP.NET Core Identity's <c>PasswordHasher</c> hashed it; null for an
/// account that signs in with Microsoft Entra ID only.</param>
/// <param name="FailedAttempts">Failed sign-ins since the last good one (or the last lock-out).</param>
/// <param name="LockedUntil">When a lock-out ends; null when not locked.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="CreatedAt">When (UTC, ISO 8601).</param>
public sealed record Account(string Name, string Role, string? PasswordHash, int FailedAttempts, DateTimeOffset? LockedUntil, string CreatedBy, string CreatedAt)
{
    /// <summary>Whether the account is locked out at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>One element of the data protection key ring.</summary>
/// <param name="FriendlyName">The name the key ring gave it.</param>
/// <param name="Xml">The element.</param>
public sealed record DataProtectionKey(string FriendlyName, string Xml);

/// <summary>Accounts, sign-in failures and lock-outs, and the data protection key ring.</summary>
public sealed partial class OutturnStore
{
    /// <summary>A row of <c>users</c>: a class, as Dapper fills it on either provider (INTEGER is 64-bit in SQLite, 32 in PostgreSQL).</summary>
    private sealed class AccountRow
    {
        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public string? PasswordHash { get; init; }

        public long FailedAttempts { get; init; }

        public string? LockedUntil { get; init; }

        public string CreatedBy { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public Account ToAccount() => new(Name, Role, PasswordHash, (int)FailedAttempts, LockedUntil is null ? null : DateTimeOffset.Parse(LockedUntil, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), CreatedBy, CreatedAt);
    }

    private const string AccountColumns =
        "name AS Name, role AS Role, password_hash AS PasswordHash, failed_attempts AS FailedAttempts, locked_until AS LockedUntil, created_by AS CreatedBy, created_at AS CreatedAt";

    /// <summary>
    /// The same store as someone else uses it: what they change is audited under <paramref name="user"/> (the web app
    /// opens the store once and acts as each signed-in person). Nothing is migrated or checked again.
    /// </summary>
    public OutturnStore As(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        return new OutturnStore(Target, _settings with { User = user });
    }

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<Account> Accounts() => Read(c =>
        (IReadOnlyList<Account>)[.. c.Query<AccountRow>($"SELECT {AccountColumns} FROM users ORDER BY lower(name)").Select(r => r.ToAccount())]);

    /// <summary>The account of that name (ignoring case), or null.</summary>
    public Account? FindAccount(string name) => Read(c =>
        c.QueryFirstOrDefault<AccountRow>($"SELECT {AccountColumns} FROM users WHERE lower(name) = lower(@name)", new { name = name.Trim() })?.ToAccount());

    /// <summary>Creates an account, audited.</summary>
    /// <param name="name">Its name: letters, digits, dots, hyphens, underscores and @, 1 to 100 characters.</param>
    /// <param name="role">One of <see cref="AccountRoles.All"/>.</param>
    /// <param name="passwordHash">The password hashed by the host; null for an Entra ID account.</param>
    /// <exception cref="StoreException">The name or role is not valid, or the name is taken.</exception>
    public Account CreateAccount(string name, string role, string? passwordHash)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (CheckAccount(trimmed, role) is { } problem)
        {
            throw new StoreException(problem);
        }

        return Write((c, tx) =>
        {
            if (c.ExecuteScalar<long>("SELECT count(*) FROM users WHERE lower(name) = lower(@trimmed)", new { trimmed }, tx) > 0)
            {
                throw new StoreException($"There is an account named {trimmed} already.");
            }

            var at = Moment(Now);
            c.Execute(
                "INSERT INTO users (name, role, password_hash, failed_attempts, locked_until, created_by, created_at) VALUES (@trimmed, @role, @passwordHash, 0, NULL, @User, @at)",
                new { trimmed, role, passwordHash, User, at },
                tx);
            Audit(c, tx, Now, User, "account", $"created {trimmed} ({role}{(passwordHash is null ? ", no password" : "")})");
            return new Account(trimmed, role, passwordHash, 0, null, User, at);
        });
    }

    /// <summary>Why an account's name or role cannot be used, or null when they can.</summary>
    public static string? CheckAccount(string name, string role)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 100 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' or '@'))
        {
            return $"The name '{name}' is not one Outturn takes: 1 to 100 letters, digits, dots, hyphens, underscores or @.";
        }

        return AccountRoles.All.Contains(role, StringComparer.Ordinal)
            ? null
            : $"The role '{role}' is not one of {string.Join(", ", AccountRoles.All)}.";
    }

    /// <summary>Gives an account another role, audited.</summary>
    /// <exception cref="StoreException">There is no such account, or no such role.</exception>
    public void SetRole(string name, string role)
    {
        if (!AccountRoles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new StoreException($"The role '{role}' is not one of {string.Join(", ", AccountRoles.All)}.");
        }

        Write((c, tx) =>
        {
            var was = c.QueryFirstOrDefault<string?>("SELECT role FROM users WHERE lower(name) = lower(@name)", new { name }, tx)
                ?? throw new StoreException($"There is no account named {name}.");
            c.Execute("UPDATE users SET role = @role WHERE lower(name) = lower(@name)", new { name, role }, tx);
            Audit(c, tx, Now, User, "account", $"{name}: role {was} to {role}");
            return 0;
        });
    }

    /// <summary>Sets an account's password (already hashed by the host) and unlocks it, audited.</summary>
    /// <exception cref="StoreException">There is no such account.</exception>
    public void SetPassword(string name, string passwordHash) => Write((c, tx) =>
    {
        if (c.Execute("UPDATE users SET password_hash = @passwordHash, failed_attempts = 0, locked_until = NULL WHERE lower(name) = lower(@name)", new { name, passwordHash }, tx) == 0)
        {
            throw new StoreException($"There is no account named {name}.");
        }

        Audit(c, tx, Now, User, "account", $"{name}: password set");
        return 0;
    });

    /// <summary>
    /// Counts a failed sign-in: the <paramref name="lockAfter"/>th in a row locks the account for
    /// <paramref name="lockFor"/> (audited) and starts the count again. Returns the account as it is now, or null when
    /// there is no account of that name.
    /// </summary>
    public Account? RecordFailedSignIn(string name, int lockAfter, TimeSpan lockFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lockAfter, 1);
        return Write((c, tx) =>
        {
            var row = c.QueryFirstOrDefault<AccountRow>($"SELECT {AccountColumns} FROM users WHERE lower(name) = lower(@name)", new { name }, tx);
            if (row is null)
            {
                return null;
            }

            var failed = (int)row.FailedAttempts + 1;
            if (failed >= lockAfter)
            {
                var until = Now + lockFor;
                c.Execute("UPDATE users SET failed_attempts = 0, locked_until = @until WHERE name = @Name", new { until = Moment(until), row.Name }, tx);
                Audit(c, tx, Now, User, "account", $"{row.Name}: locked until {Moment(until)} after {failed} failed sign-ins");
                return row.ToAccount() with { FailedAttempts = 0, LockedUntil = DateTimeOffset.Parse(Moment(until), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) };
            }

            c.Execute("UPDATE users SET failed_attempts = @failed WHERE name = @Name", new { failed, row.Name }, tx);
            return row.ToAccount() with { FailedAttempts = failed };
        });
    }

    /// <summary>A good sign-in: the count of failures starts again, and an ended lock-out is cleared.</summary>
    public void RecordSignIn(string name) => Write((c, tx) =>
        c.Execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE lower(name) = lower(@name)", new { name }, tx));

    /// <summary>The data protection key ring, oldest first.</summary>
    public IReadOnlyList<DataProtectionKey> DataProtectionKeys() => Read(c =>
        (IReadOnlyList<DataProtectionKey>)[.. c.Query<DataProtectionKey>("SELECT friendly_name AS FriendlyName, xml AS Xml FROM data_protection_keys ORDER BY id")]);

    /// <summary>Adds an element to the data protection key ring.</summary>
    public void AddDataProtectionKey(DataProtectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Write((c, tx) => c.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@FriendlyName, @Xml, @At)",
            new { key.FriendlyName, key.Xml, At = Moment(Now) },
            tx));
    }
}
