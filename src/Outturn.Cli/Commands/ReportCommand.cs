using System.CommandLine;
using Outturn.App;
using Outturn.App.Reports;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.Pdf;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;

namespace Outturn.Cli.Commands;

/// <summary><c>outturn report</c>: the quarterly committee report, and <c>report draft</c>: its editable narrative.</summary>
internal static class ReportCommand
{
    /// <summary>The quarter the demo reports: the demo LA's last quarter.</summary>
    public const string DemoQuarter = "2024-25Q4";

    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var inputs = new InputOptions(settings, demoIsLa: true);
        var quarter = new Option<string?>("--quarter", "-q") { Description = "The quarter, e.g. 2024-25Q4 (Q1 is April to June; required unless --demo)." };
        var format = new Option<string>("--format", "-f") { Description = "html, pdf or xlsx.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "pdf", "xlsx");
        var outputFile = new Option<string?>("--output", "-o") { Description = "The file to write." };
        var narrative = new Option<string?>("--narrative", "-n") { Description = "The edited narrative (from 'report draft'); areas it leaves out are drafted from the data." };
        var threshold = new Option<int>("--threshold") { Description = "Counts from 1 to one below this are withheld as \"c\".", DefaultValueFactory = _ => SuppressionPolicy.Default.Threshold };
        var title = new Option<string>("--title") { Description = "The report's title.", DefaultValueFactory = _ => "Children's services performance report" };
        var authority = new Option<string?>("--authority") { Description = "The local authority, for the cover." };
        var committee = new Option<string?>("--committee") { Description = "The committee the report goes to, for the cover." };

        var command = new Command("report", "Write the quarterly committee report: summary, scorecard, narrative, charts and SPC, small numbers withheld.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { quarter, format, outputFile, narrative, threshold, title, authority, committee })
        {
            command.Add(option);
        }

        // Shared by the report and the draft: read the inputs and build the report, or say what is wrong.
        CommitteeReport? Build(ParseResult parse, bool withNarrative)
        {
            var quarterText = parse.GetValue(quarter) ?? (inputs.IsDemo(parse) ? DemoQuarter : inputs.StoreMonth(parse)?.Quarter.ToString());
            var missing = inputs.Missing(parse).Concat(quarterText is null ? ["--quarter"] : []).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"Missing {string.Join(", ", missing)}. Give the files and quarter, or --demo for the sample.");
                return null;
            }

            if (!Quarter.TryParse(quarterText, out var q))
            {
                error.WriteLine($"--quarter '{quarterText}' is not a quarter like 2024-25Q4.");
                return null;
            }

            if (parse.GetValue(threshold) < 1)
            {
                error.WriteLine("--threshold must be 1 or more.");
                return null;
            }

            var input = inputs.Read(parse);
            var edited = withNarrative && parse.GetValue(narrative) is { } path ? CommitteeReports.ReadNarrative(path, input)
                : withNarrative && inputs.Store(parse) is { } store ? store.Narrative(q) : null;
            // From the store, the performance board's actions still open, overdue as at the quarter's end.
            var actions = inputs.Store(parse)?.ReportActions(q.LastMonth.LastDay);
            return CommitteeReports.Build(input, q, new SuppressionPolicy(parse.GetValue(threshold)), edited,
                parse.GetValue(title)!, parse.GetValue(authority), parse.GetValue(committee), actions);
        }

        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (parse.GetValue(outputFile) is not { } path)
            {
                error.WriteLine("Give -o FILE for the report.");
                return 1;
            }

            if (Build(parse, withNarrative: true) is not { } report)
            {
                return 1;
            }

            switch (parse.GetValue(format))
            {
                case "xlsx":
                    AtomicFile.Write(path, s => ScorecardXlsx.WriteReport(report, s));
                    break;
                case "pdf":
                    ChromiumPdf.Print(ReportHtml.Render(report), path, settings.Chromium);
                    break;
                default:
                    AtomicFile.WriteText(path, ReportHtml.Render(report));
                    break;
            }

            output.WriteLine($"Wrote {path}");
            return 0;
        }));

        var draft = new Command("draft", "Write the narrative drafted from the data, as Markdown to edit before publishing.");
        inputs.AddTo(draft);
        foreach (var option in new Option[] { quarter, outputFile, threshold })
        {
            draft.Add(option);
        }

        draft.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (Build(parse, withNarrative: false) is not { } report)
            {
                return 1;
            }

            TextOutput.Emit(NarrativeMarkdown.Write(report.Areas, report.Quarter.ToString()), parse.GetValue(outputFile), output);

            return 0;
        }));
        command.Add(draft);
        return command;
    }
}
