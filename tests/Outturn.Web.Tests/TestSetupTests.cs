using Outturn.Testing;

namespace Outturn.Web.Tests;

/// <summary>The shared set-up ran for this project's tests.</summary>
public sealed class TestSetupTests
{
    [Fact]
    public void CultureIsPinned() => TestSetup.AssertCulturePinned();

    [Fact]
    public void EnvironmentIsIsolated() => TestSetup.AssertEnvironmentIsolated();
}
