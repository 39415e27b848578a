using System.CommandLine;
using Outturn.Cli.Commands;
using Outturn.Formats;
using Outturn.Formats.Published;

namespace Outturn.Cli;

/// <summary>The <c>outturn</c> command line: one command per verb, writing to the writers it is given.</summary>
public static class OutturnCli
{
    /// <summary>Exit code for input files that hold errors.</summary>
    public const int InputErrorExit = 2;

    /// <summary>
    /// The environment variable naming "our" authority (name or code), the default of the scorecard's and report's
    /// <c>--la</c>: set once, they fill their benchmark columns for it.
    /// </summary>
    public const string AuthorityVariable = "OUTTURN_LA";

    /// <summary>Our authority from <see cref="AuthorityVariable"/>, or null when it is not set.</summary>
    public static string? ConfiguredAuthority() =>
        Environment.GetEnvironmentVariable(AuthorityVariable) is { Length: > 0 } la ? la.Trim() : null;

    /// <summary>The environment variable naming the access log file.</summary>
    public const string AccessLogVariable = "OUTTURN_AUDIT_LOG";

    /// <summary>The access log: <c>$OUTTURN_AUDIT_LOG</c>, or <c>outturn/access.log</c> in the user's local application data.</summary>
    public static string AccessLogPath() =>
        Environment.GetEnvironmentVariable(AccessLogVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "outturn", "access.log");

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // A plain command rather than RootCommand, so help names the tool "outturn" however it is started
        // (dotnet run, the test host, an installed binary) instead of the process name.
        var root = new Command("outturn", "Outturn: children's services performance scorecards for an English local authority.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            ScorecardCommand.Create(output, error),
            ReportCommand.Create(output, error),
            BenchmarkCommand.Create(output, error),
            DemoCommand.Create(output, error),
            IndicatorsCommand.Create(output, error),
            IndicatorsCommand.CreateChildren(output, error),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Exit code for a request the data cannot answer: an unknown authority, indicator or year.</summary>
    public const int LookupErrorExit = 1;

    /// <summary>
    /// Runs a command body, turning input errors into a full list on the error writer and exit code 2, and look-up
    /// errors (with their close matches) into one line and exit code 1.
    /// </summary>
    public static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidOperationException e) when (e.Source == typeof(Formats.Pdf.ChromiumPdf).Assembly.GetName().Name)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        catch (InputException e)
        {
            error.WriteLine(e.Errors.Count == 1 ? "The input has an error:" : $"The input has {e.Errors.Count} errors:");
            foreach (var item in e.Errors)
            {
                error.WriteLine($"  {item}");
            }

            error.WriteLine("Nothing was written.");
            return InputErrorExit;
        }
        catch (LookupException e)
        {
            error.WriteLine(e.Message);
            return LookupErrorExit;
        }
    }
}
