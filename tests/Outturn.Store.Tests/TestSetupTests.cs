using Outturn.Testing;

namespace Outturn.Store.Tests;

/// <summary>The shared set-up has run in this assembly before its tests (see TestModule.cs).</summary>
public class TestSetupTests
{
    [Fact]
    public void Culture_IsEnGb() => TestSetup.AssertCulturePinned();

    [Fact]
    public void Environment_HasNoAuthorityOrPublishedFolderOfTheUsers_AndAnAccessLogOfTheTestsOwn() => TestSetup.AssertEnvironmentIsolated();
}
