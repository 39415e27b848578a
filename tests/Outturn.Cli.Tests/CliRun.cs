using System.Globalization;
using Outturn.App;

namespace Outturn.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs with the settings the environment gives, as a user's shell would.</summary>
    public static CliRun Of(params string[] args) => With(OutturnCli.SettingsFromEnvironment(), args);

    /// <summary>Runs with settings of the test's own (an access log of its own, say), leaving the process environment alone.</summary>
    public static CliRun With(OutturnSettings settings, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var code = OutturnCli.Run(args, output, error, settings);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
