using Outturn.Demo.Returns;
using Outturn.Domain.Calendar;
using Outturn.Formats.Xlsx;

namespace Outturn.Demo;

/// <summary>
/// The demo LA's returns on disk: generated once (60,000 children, 2021-22 to 2024-25, seed 1) into a folder named for
/// the build of the code that decides their bytes, then reused by every command and the web app.
/// </summary>
public static class DemoCache
{
    /// <summary>The settings of the demo LA every host shows.</summary>
    public static readonly DemoSettings Standard = new(60_000, 4, 1, new DateOnly(2025, 3, 31));

    /// <summary>
    /// Where the demo LA is generated under <paramref name="root"/>: once per build of the code that decides its bytes
    /// (deterministic builds give the same module ids for the same code), then reused.
    /// </summary>
    public static string In(string root) => Path.Combine(root, $"outturn-demo-la-{Build}");

    /// <summary>Generates the demo LA's returns into <paramref name="folder"/> unless they are there; returns the folder.</summary>
    public static string Ensure(string folder) => Ensure(folder, target => DemoWriter.Write(DemoGenerator.Generate(Standard), target));

    /// <summary>
    /// Where a national-scale set (<see cref="NationalDemo"/>: <paramref name="authorities"/> authorities sharing
    /// <paramref name="children"/> children, four years to March 2025, seed <paramref name="seed"/>) is generated under
    /// <paramref name="root"/>: once per build of the code that decides its bytes, then reused.
    /// </summary>
    public static string NationalIn(string root, int authorities, int children, int seed) =>
        Path.Combine(root, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outturn-national-{authorities}x{children}-seed{seed}-{Build}"));

    /// <summary>The settings of that set: <see cref="Standard"/>'s years and date, for each authority.</summary>
    public static IReadOnlyList<DemoSettings> National(int authorities, int children, int seed) =>
        NationalDemo.Settings(authorities, children, Standard.Years, seed, Standard.AsAt);

    /// <summary>Generates the national-scale set into <paramref name="folder"/> unless it is there; returns the folder.</summary>
    public static string EnsureNational(string folder, IReadOnlyList<DemoSettings> authorities) =>
        Ensure(folder, target => NationalDemo.Write(authorities, target));

    private static string Ensure(string folder, Action<string> write)
    {
        if (!Directory.Exists(folder))
        {
            try
            {
                write(folder);
            }
            catch (Exception) when (Directory.Exists(folder))
            {
                // Another process generated the same files first; they are identical.
            }
        }

        return folder;
    }

    /// <summary>
    /// The builds the demo's files come from: Outturn.Demo (the generator and the return writers), Outturn.Formats (the
    /// XLSX and CSV writers they write through) and Outturn.Domain (calendar, periods, and the rules Annex A counts by);
    /// a folder of generated returns named by it is reused only by the same code.
    /// </summary>
    public static string Build
    {
        get
        {
            var builds = new[] { typeof(DemoGenerator), typeof(XlsxWorkbook), typeof(WorkingDayCalendar) }
                .SelectMany(t => t.Assembly.ManifestModule.ModuleVersionId.ToByteArray()).ToArray();
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(builds))[..32].ToLowerInvariant();
        }
    }
}
