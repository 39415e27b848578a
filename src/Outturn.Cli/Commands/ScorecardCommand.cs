using System.CommandLine;
using Outturn.App;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Formats.Scorecards;
using Spectre.Console;

namespace Outturn.Cli.Commands;

/// <summary><c>outturn scorecard</c>: the monthly scorecard from the analyst's files, or from the store when none is given.</summary>
internal static class ScorecardCommand
{
    /// <summary>The month the demo shows: the seed scorecard's 2024/25 outturn.</summary>
    public const string DemoMonth = "2025-03";

    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var inputs = new InputOptions(settings);
        var month = new Option<string?>("--month") { Description = "The scorecard month, e.g. 2025-03 (required with files; with --demo its March 2025; from the store its latest month)." };
        var format = new Option<string>("--format", "-f") { Description = "table, json, csv, xlsx or html.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx", "html");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal (required for xlsx)." };
        var suppress = new Option<bool>("--suppress") { Description = "Withhold small numbers (as \"c\"), as for anything leaving the service." };
        var wide = new Option<bool>("--wide") { Description = "The table with every column of the full scorecard, however wide (read it with less -S, or write it with -o)." };
        var width = new Option<int?>("--width") { Description = "Fit the table to this many columns (default: the terminal's width; 160 when writing to a file or a pipe)." };
        var threshold = new Option<int>("--threshold") { Description = "With --suppress: counts from 1 to one below this are withheld.", DefaultValueFactory = _ => SuppressionPolicy.Default.Threshold };

        var cadenceOption = new Option<string>("--cadence")
        {
            Description = "With --suppress: how often this scorecard leaves the service (quarterly, monthly or once); earlier copies are taken as known to the reader, so nothing withheld now can be worked out from them.",
            DefaultValueFactory = _ => "quarterly",
        };
        cadenceOption.AcceptOnlyFromAmong("quarterly", "monthly", "once");

        var command = new Command("scorecard", "Print or write the scorecard for a month.");
        inputs.AddTo(command);
        command.Add(month);
        command.Add(format);
        command.Add(outputFile);
        command.Add(suppress);
        command.Add(threshold);
        command.Add(cadenceOption);
        command.Add(wide);
        command.Add(width);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var monthText = parse.GetValue(month) ?? (inputs.IsDemo(parse) ? DemoMonth : inputs.StoreMonth(parse)?.ToString());
            var missing = inputs.Missing(parse).Concat(monthText is null ? ["--month"] : []).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"Missing {string.Join(", ", missing)}. Give the files and month, or --demo for the sample scorecard.");
                return 1;
            }

            if (!Month.TryParse(monthText, out var asAt))
            {
                error.WriteLine($"--month '{monthText}' is not a month like 2025-03.");
                return 1;
            }

            var fmt = parse.GetValue(format)!;
            var path = parse.GetValue(outputFile);
            if (fmt == "xlsx" && path is null)
            {
                error.WriteLine("--format xlsx writes a workbook: give -o FILE.xlsx.");
                return 1;
            }

            var input = inputs.Read(parse);
            var scorecard = ScorecardCalculator.Compute(input, asAt);
            if (parse.GetValue(suppress))
            {
                if (parse.GetValue(threshold) < 1)
                {
                    error.WriteLine("--threshold must be 1 or more.");
                    return 1;
                }

                var cadence = parse.GetValue(cadenceOption) switch
                {
                    "monthly" => Publications.Monthly,
                    "once" => Publications.Single,
                    _ => new Publications(3),
                };
                scorecard = SmallNumbers.Protect(input, asAt, new SuppressionPolicy(parse.GetValue(threshold)), cadence).Scorecard;
            }

            if (parse.GetValue(width) is { } w && w < Terminal.MinimumWidth)
            {
                error.WriteLine($"--width must be {Terminal.MinimumWidth} or more.");
                return 1;
            }

            Emit(scorecard, fmt, path, output, parse.GetValue(wide), parse.GetValue(width));
            if (inputs.Store(parse) is { } store)
            {
                StoreCommands.ReportRevisions(store, asAt, error);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Writes the table fitted to the console (or to <paramref name="width"/>); with <paramref name="wide"/>, as wide as every column needs.</summary>
    public static void WriteTable(Scorecard scorecard, TextWriter output, bool wide, int? width)
    {
        var console = Terminal.For(output, width);
        var table = ScorecardTable.Build(scorecard, console.Profile.Width, wide);
        console.Profile.Width = Math.Max(console.Profile.Width, table.Width);
        console.Write(table.Table);
    }

    private static void Emit(Scorecard scorecard, string format, string? path, TextWriter output, bool wide, int? width)
    {
        if (format == "xlsx")
        {
            AtomicFile.Write(path!, s => ScorecardXlsx.Write(scorecard, s));
            output.WriteLine($"Wrote {path}");
            return;
        }

        var text = format switch
        {
            "json" => ScorecardJson.ToText(scorecard),
            "csv" => ScorecardCsv.ToText(scorecard),
            "html" => ScorecardHtml.Render(scorecard),
            _ => null,
        };
        if (text is null)
        {
            if (path is null)
            {
                WriteTable(scorecard, output, wide, width);
                return;
            }

            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            WriteTable(scorecard, writer, wide, width ?? Terminal.PlainWidth);
            text = writer.ToString();
        }

        TextOutput.Emit(text, path, output);
    }
}
