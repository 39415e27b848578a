using System.Globalization;
using System.Runtime.CompilerServices;

namespace Outturn.Testing;

/// <summary>Pins every test thread to en-GB, so no result depends on the machine's settings.</summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void PinEnGb()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
