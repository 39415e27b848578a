using System.Runtime.CompilerServices;

namespace Outturn.Web.Tests;

/// <summary>Runs the shared test set-up (en-GB, an isolated environment) when this assembly loads, before any test.</summary>
internal static class TestModule
{
    [ModuleInitializer]
    internal static void Initialize() => Outturn.Testing.TestSetup.Run();
}
