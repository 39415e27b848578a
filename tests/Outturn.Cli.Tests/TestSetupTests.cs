using Outturn.Cli.Tests.Commands;
using Outturn.Testing;

namespace Outturn.Cli.Tests;

/// <summary>The shared set-up has run in this assembly before its tests (see TestModule.cs). With the tests that set
/// environment variables, so none is set while these look.</summary>
[Collection(EnvironmentCollection.Name)]
public class TestSetupTests
{
    [Fact]
    public void Culture_IsEnGb() => TestSetup.AssertCulturePinned();

    [Fact]
    public void Environment_HasNoAuthorityOrPublishedFolderOfTheUsers_AndAnAccessLogOfTheTestsOwn() => TestSetup.AssertEnvironmentIsolated();
}
