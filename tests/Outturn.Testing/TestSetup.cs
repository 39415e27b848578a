using System.Globalization;

namespace Outturn.Testing;

/// <summary>
/// What must hold before any test runs: every thread in en-GB, so no result depends on the machine's settings, and
/// the environment isolated (<see cref="TestEnvironment"/>).
/// </summary>
/// <remarks>
/// Each test project calls <see cref="Run"/> from a module initializer of its own (<c>TestModule.cs</c>). A module
/// initializer here would not do: this assembly is loaded only when a test first uses it, which may be after other
/// tests have run. Calling it again does nothing.
/// </remarks>
public static class TestSetup
{
    /// <summary>The culture every test runs in.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Lock Gate = new();
    private static bool _done;

    /// <summary>Pins the culture and isolates the environment, once per process.</summary>
    public static void Run()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            CultureInfo.DefaultThreadCurrentCulture = Culture;
            CultureInfo.DefaultThreadCurrentUICulture = Culture;
            CultureInfo.CurrentCulture = Culture;
            CultureInfo.CurrentUICulture = Culture;
            TestEnvironment.Isolate();
            _done = true;
        }
    }

    /// <summary>Fails unless the culture is pinned on this thread: call it from a test of each test project.</summary>
    public static void AssertCulturePinned()
    {
        Xunit.Assert.Equal("en-GB", CultureInfo.CurrentCulture.Name);
        Xunit.Assert.Equal("en-GB", CultureInfo.CurrentUICulture.Name);
        Xunit.Assert.Equal(Culture, CultureInfo.DefaultThreadCurrentCulture);
    }

    /// <summary>Fails unless the environment is isolated: no authority or published folder of the user's, the run's own access log and store.</summary>
    public static void AssertEnvironmentIsolated()
    {
        Xunit.Assert.Null(Environment.GetEnvironmentVariable("OUTTURN_LA"));
        Xunit.Assert.Null(Environment.GetEnvironmentVariable("OUTTURN_PUBLISHED"));
        Xunit.Assert.Equal(TestEnvironment.AccessLog, Environment.GetEnvironmentVariable("OUTTURN_AUDIT_LOG"));
        Xunit.Assert.Equal(TestEnvironment.Database, Environment.GetEnvironmentVariable("OUTTURN_DB"));
    }
}
