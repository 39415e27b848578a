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
        var threshold = new Option<int>("--threshold") { Description = "With --suppress: counts from 1 to one below this are withheld.", DefaultValueFactory = _ => SuppressionPolicy.Default.Threshold };

        var command = new Command("scorecard", "Print or write the scorecard for a month.");
        inputs.AddTo(command);
        command.Add(month);
        command.Add(format);
        command.Add(outputFile);
        command.Add(suppress);
        command.Add(threshold);
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

            var scorecard = ScorecardCalculator.Compute(inputs.Read(parse), asAt);
            if (parse.GetValue(suppress))
            {
                if (parse.GetValue(threshold) < 1)
                {
                    error.WriteLine("--threshold must be 1 or more.");
                    return 1;
                }

                scorecard = SmallNumbers.Suppress(scorecard, new SuppressionPolicy(parse.GetValue(threshold)));
            }

            Emit(scorecard, fmt, path, output);
            if (inputs.Store(parse) is { } store)
            {
                StoreCommands.ReportRevisions(store, asAt, error);
            }

            return 0;
        }));
        return command;
    }

    private static void Emit(Scorecard scorecard, string format, string? path, TextWriter output)
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
                Terminal.For(output).Write(ScorecardTable.Build(scorecard));
                return;
            }

            text = Terminal.Render(ScorecardTable.Build(scorecard));
        }

        TextOutput.Emit(text, path, output);
    }
}
