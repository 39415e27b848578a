using System.Globalization;

namespace Outturn.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var code = OutturnCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
