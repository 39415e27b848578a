using System.CommandLine;
using Outturn.App;
using Outturn.App.Audit;
using Outturn.App.Benchmarks;
using Outturn.Cli.Commands;
using Outturn.Formats;
using Outturn.Formats.Pdf;
using Outturn.Formats.Published;
using Outturn.Store;

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

    /// <summary>The environment variable naming the folder of published statistics when --published is not given.</summary>
    public const string PublishedVariable = "OUTTURN_PUBLISHED";

    /// <summary>The environment variable naming the access log file.</summary>
    public const string AccessLogVariable = "OUTTURN_AUDIT_LOG";

    /// <summary>
    /// The environment variable naming the store, when --db is not given: a SQLite file's path or a PostgreSQL connection
    /// string (<c>Host=...;Database=...;Username=...;Password=...</c>).
    /// </summary>
    public const string DatabaseVariable = "OUTTURN_DB";

    /// <summary>The environment variable naming the Chromium executable, when it is not on the usual paths.</summary>
    public const string ChromiumVariable = "OUTTURN_CHROMIUM";

    /// <summary>
    /// The settings from the environment: our authority (<c>OUTTURN_LA</c>), the published statistics
    /// (<c>OUTTURN_PUBLISHED</c>, else beside the app or in the repository), the access log (<c>OUTTURN_AUDIT_LOG</c>,
    /// else <c>outturn/access.log</c> in the user's local application data), Chromium (<c>OUTTURN_CHROMIUM</c>, else the
    /// usual paths), the demo cache in the temporary folder, the user and the system clock.
    /// </summary>
    public static OutturnSettings SettingsFromEnvironment()
    {
        static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v.Trim() : null;
        return new OutturnSettings
        {
            Authority = Variable(AuthorityVariable),
            PublishedFolder = PublishedLocation.Find(Variable(PublishedVariable), AppContext.BaseDirectory, Environment.CurrentDirectory),
            AccessLog = Variable(AccessLogVariable)
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "outturn", "access.log"),
            Chromium = ChromiumPdf.FindExecutable(Variable(ChromiumVariable)),
            Database = Variable(DatabaseVariable)
                ?? StoreTarget.DefaultIn(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create)).Location,
            DemoCache = ChildLevelInputs.DemoCacheIn(Path.GetTempPath()),
            User = Environment.UserName,
            Clock = TimeProvider.System,
        };
    }

    /// <summary>Parses and runs <paramref name="args"/> with the settings from the environment; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, SettingsFromEnvironment());

    /// <summary>Parses and runs <paramref name="args"/> with the settings given; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, OutturnSettings settings)
    {
        // A plain command rather than RootCommand, so help names the tool "outturn" however it is started
        // (dotnet run, the test host, an installed binary) instead of the process name.
        var root = new Command("outturn", "Outturn: children's services performance scorecards for an English local authority.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            ScorecardCommand.Create(output, error, settings),
            ReportCommand.Create(output, error, settings),
            BenchmarkCommand.Create(output, error, settings),
            BenchmarkCommand.CreateStored(output, error, settings),
            DemoCommand.Create(output, error, settings),
            IndicatorsCommand.Create(output, error, settings),
            IndicatorsCommand.CreateChildren(output, error, settings),
            StoreCommands.Import(output, error, settings),
            StoreCommands.Targets(output, error, settings),
            StoreCommands.Publish(output, error, settings),
            StoreCommands.CommentaryCommand(output, error, settings),
            ActionsCommand.Create(output, error, settings),
            StoreCommands.History(output, error, settings),
            StoreCommands.Audit(output, error, settings),
            StoreCommands.Database(output, error, settings),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Exit code for a request the data cannot answer: an unknown authority, indicator or year.</summary>
    public const int LookupErrorExit = 1;

    /// <summary>The exit code when children cannot be listed because the access log cannot be written.</summary>
    public const int AccessLogErrorExit = 3;

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
        catch (PrintException e)
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
        catch (AccessLogException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine("No child was shown.");
            return AccessLogErrorExit;
        }
        catch (StoreException e)
        {
            error.WriteLine(e.Message);
            return LookupErrorExit;
        }
    }
}
