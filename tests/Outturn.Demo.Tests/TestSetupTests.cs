using System.Globalization;
using Outturn.Testing;

namespace Outturn.Demo.Tests;

/// <summary>The shared set-up has run in this assembly before its tests (see TestModule.cs).</summary>
public class TestSetupTests
{
    [Fact]
    public void Culture_IsEnGb()
    {
        CultureInfo.CurrentCulture.Name.ShouldBe("en-GB");
        CultureInfo.CurrentUICulture.Name.ShouldBe("en-GB");
        CultureInfo.DefaultThreadCurrentCulture.ShouldBe(TestSetup.Culture);
    }

    [Fact]
    public void Environment_HasNoAuthorityOrPublishedFolderOfTheUsers_AndAnAccessLogOfTheTestsOwn()
    {
        Environment.GetEnvironmentVariable("OUTTURN_LA").ShouldBeNull();
        Environment.GetEnvironmentVariable("OUTTURN_PUBLISHED").ShouldBeNull();
        Environment.GetEnvironmentVariable("OUTTURN_AUDIT_LOG").ShouldBe(TestEnvironment.AccessLog);
    }
}
