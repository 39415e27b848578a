namespace Outturn.Testing;

/// <summary>
/// Keeps a user's own settings out of the tests: no configured authority (it would fill benchmark columns the expected
/// files do not have), no folder of published statistics of their own (the tests check the repository's), and an
/// access log of the test run's own, so listings made by tests never reach the real log.
/// </summary>
public static class TestEnvironment
{
    /// <summary>The variables cleared for the tests.</summary>
    public static IReadOnlyList<string> Cleared { get; } = ["OUTTURN_LA", "OUTTURN_PUBLISHED"];

    /// <summary>The store the tests use, unless a test names its own (never the user's own store).</summary>
    public static readonly string Database = Path.Combine(Path.GetTempPath(), $"outturn-test-store-{Environment.ProcessId}.db");

    /// <summary>The access log the tests write to, unless a test names its own.</summary>
    public static readonly string AccessLog = Path.Combine(Path.GetTempPath(), $"outturn-test-access-{Environment.ProcessId}.log");

    internal static void Isolate()
    {
        foreach (var name in Cleared)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("OUTTURN_AUDIT_LOG", AccessLog);
        Environment.SetEnvironmentVariable("OUTTURN_DB", Database);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            File.Delete(AccessLog);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Database + suffix);
            }
        };
    }
}
