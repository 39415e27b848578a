using System.CommandLine;
using Outturn.App;
using Outturn.App.Audit;
using Outturn.App.National;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Formats.National;
using Outturn.Formats.Scorecards;
using Spectre.Console;

namespace Outturn.Cli.Commands;

/// <summary>
/// <c>outturn indicators</c>: the national indicators computed from child-level returns; and <c>outturn children</c>:
/// the children behind one figure, recorded in the access log before they are shown.
/// </summary>
internal static class IndicatorsCommand
{
    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var inputs = new ChildLevelInputs(settings);
        var month = new Option<string?>("--month") { Description = "The month, e.g. 2025-03 (required unless --demo)." };
        var format = new Option<string>("--format", "-f") { Description = "table, json, csv; measures (every month to --month, for the scorecard's --measures); scorecard.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "measures", "scorecard");
        var from = new Option<string?>("--from") { Description = "With --format measures: the first month (default: April two years before --month)." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal." };
        var repairs = new Option<bool>("--repairs") { Description = "Instead of the figures, the episodes changed when the SSDA903 years were stacked, child by child (table or csv; recorded in the access log)." };

        var command = new Command("indicators", "Compute the national indicators from SSDA903 and CIN census returns.");
        inputs.AddTo(command);
        command.Add(month);
        command.Add(format);
        command.Add(from);
        command.Add(outputFile);
        command.Add(repairs);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var fmt = parse.GetValue(format)!;
            if (parse.GetValue(repairs))
            {
                if (fmt is not ("table" or "csv"))
                {
                    error.WriteLine("--repairs lists the episodes changed: give --format table or csv.");
                    return 1;
                }

                var listed = new CaseLists(new FileAccessLog(settings.AccessLog), settings.Clock).Repairs(inputs.Read(parse).Data, settings.User);
                TextOutput.Emit(fmt == "csv" ? NationalWriters.RepairsCsv(listed) : Terminal.Render(RepairTable(listed)), parse.GetValue(outputFile), output);
                return 0;
            }

            if (Month(parse, month, inputs, error) is not { } m)
            {
                return 1;
            }

            var load = inputs.Read(parse);
            var context = inputs.Context(load, parse);
            string text;
            if (fmt is "measures" or "scorecard")
            {
                var first = parse.GetValue(from) is { } f && Domain.Periods.Month.TryParse(f, out var fm) ? fm : m.FinancialYear.Previous().Previous().FirstMonth;
                var results = NationalIndicators.Figures(context, new MonthRange(first, m));
                if (fmt == "measures")
                {
                    text = NationalWriters.MeasuresCsv(results);
                }
                else
                {
                    var input = new ScorecardInput(NationalIndicators.Indicators, [], [.. results.Select(r => r.ToMeasure())]);
                    text = Terminal.Render(ScorecardTable.Build(ScorecardCalculator.Compute(input, m)));
                }
            }
            else
            {
                var results = NationalIndicators.Figures(context, MonthRange.Single(m));
                text = fmt switch
                {
                    "json" => NationalWriters.ResultsJson(results, m.ToString()),
                    "csv" => NationalWriters.ResultsCsv(results),
                    _ => Terminal.Render(Table(results, m)),
                };
            }

            TextOutput.Emit(text, parse.GetValue(outputFile), output);

            // Nothing changes a figure without a word: what stacking the years repaired is said beside the figures.
            if (NationalWriters.RepairSummary(context.Data.Repairs) is { } summary)
            {
                error.WriteLine(summary);
            }

            ChildLevelInputs.Report(load, error);

            return 0;
        }));

        var catalogue = new Command("catalogue", "Write the national indicators' catalogue in the scorecard's columns (for --catalogue).");
        var catalogueOut = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal." };
        catalogue.Add(catalogueOut);
        catalogue.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            TextOutput.Emit(NationalWriters.CatalogueCsv(NationalIndicators.Indicators), parse.GetValue(catalogueOut), output);
            return 0;
        }));
        command.Add(catalogue);
        return command;
    }

    public static Command CreateChildren(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var inputs = new ChildLevelInputs(settings);
        var indicator = new Argument<string>("indicator") { Description = "The indicator id, e.g. assess-45wd (see outturn indicators catalogue)." };
        var month = new Option<string?>("--month") { Description = "The month, e.g. 2025-03 (required unless --demo)." };
        var team = new Option<string?>("--team") { Description = "Only cases allocated to this team." };
        var worker = new Option<string?>("--worker") { Description = "Only cases allocated to this worker." };
        var outside = new Option<bool>("--outside") { Description = "Only the cases outside the numerator (e.g. assessments over 45 working days)." };
        var concern = new Option<bool>("--concern")
        {
            Description = "Only the cases that count against the figure: outside the numerator where high is good (assessments over 45 working days), in it where low is good (plans of 2 years or more).",
        };
        var by = new Option<string?>("--by") { Description = "Instead of the children, the figure for each team or worker: team or worker." };
        by.AcceptOnlyFromAmong("team", "worker");
        var format = new Option<string>("--format", "-f") { Description = "table or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal." };

        var command = new Command("children", "List the children behind one indicator's figure, with the dates that decide each (recorded in the access log).")
        {
            indicator, month, team, worker, outside, concern, by, format, outputFile,
        };
        inputs.AddTo(command);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var id = parse.GetValue(indicator)!;
            if (NationalIndicators.Find(id) is not { } chosen)
            {
                error.WriteLine($"'{id}' is not a national indicator. See: outturn indicators catalogue.");
                return 1;
            }

            if (Month(parse, month, inputs, error) is not { } m)
            {
                return 1;
            }

            var polarity = chosen.Indicator.Polarity;
            if (parse.GetValue(concern) && (parse.GetValue(outside) || polarity == Polarity.None))
            {
                error.WriteLine(parse.GetValue(outside)
                    ? "--concern and --outside choose different cases: give one."
                    : $"{id} is an activity measure: no case counts against it, so --concern has nothing to choose.");
                return 1;
            }

            var filter = new CaseFilter(parse.GetValue(team), parse.GetValue(worker), parse.GetValue(outside), parse.GetValue(concern));
            var load = inputs.Read(parse);
            var context = inputs.Context(load, parse);
            if (parse.GetValue(by) is { } grouping)
            {
                // Aggregated by team or worker: no child is shown, so nothing is logged.
                if (CaseLists.ByHolder(context, chosen, m, filter, grouping == "team") is not { } groups)
                {
                    return NoFigure(error, id, m);
                }

                var title = $"{Markup.Escape(chosen.Indicator.Name)}, {Display.MonthTitle(m)}, by {grouping}";
                TextOutput.Emit(parse.GetValue(format) == "csv" ? NationalWriters.GroupsCsv(groups, grouping) : Terminal.Render(GroupTable(chosen.Indicator, title, groups, grouping)), parse.GetValue(outputFile), output);
                return 0;
            }

            // Who saw which child: recorded before anything is shown, so nothing shown is missing from the log.
            var lists = new CaseLists(new FileAccessLog(settings.AccessLog), settings.Clock);
            if (lists.List(context, chosen, m, filter, settings.User) is not { } shown)
            {
                return NoFigure(error, id, m);
            }

            TextOutput.Emit(parse.GetValue(format) == "csv" ? NationalWriters.ChildrenCsv(shown) : Terminal.Render(ChildTable(shown)), parse.GetValue(outputFile), output);
            return 0;
        }));
        return command;
    }

    private static Month? Month(ParseResult parse, Option<string?> option, ChildLevelInputs inputs, TextWriter error)
    {
        var text = parse.GetValue(option) ?? (inputs.IsDemo(parse) ? ChildLevelInputs.DemoMonth : null);
        if (Domain.Periods.Month.TryParse(text, out var m))
        {
            return m;
        }

        error.WriteLine(text is null ? "Give --month (e.g. 2025-03), or --demo." : $"--month '{text}' is not a month like 2025-03.");
        return null;
    }

    private static int NoFigure(TextWriter error, string id, Month m)
    {
        error.WriteLine($"{id} has no figure for {m} (a yearly return, or no population).");
        return 1;
    }

    private static Table Table(IReadOnlyList<IndicatorFigure> results, Month month)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"National indicators: {Display.MonthTitle(month)}")
            .AddColumn("Indicator").AddColumn("Id").AddColumn(new TableColumn("Numerator").RightAligned())
            .AddColumn(new TableColumn("Denominator").RightAligned()).AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Good");
        foreach (var r in results)
        {
            var i = r.Indicator;
            table.AddRow(Markup.Escape(i.Name), i.Id, r.Numerator.ToString("N0", Display.Culture), r.Denominator.ToString("N0", Display.Culture),
                Display.Value(r.Value, i), Display.Polarity(i.Polarity));
        }

        return table.Caption("Flows count the month; rates per 10,000 the 12 months to its end; positions its last day. March gives the DfE year.");
    }

    private static Table GroupTable(Indicator i, string title, IReadOnlyList<CaseGroup> groups, string by)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(by == "team" ? "Team" : "Worker").AddColumn(new TableColumn("Numerator").RightAligned())
            .AddColumn(new TableColumn("Denominator").RightAligned()).AddColumn(new TableColumn("Value").RightAligned());
        foreach (var g in groups)
        {
            table.AddRow(Markup.Escape(g.Name), g.Numerator.ToString("N0", Display.Culture), g.Denominator.ToString("N0", Display.Culture), Display.Value(g.Value(i), i));
        }

        return table;
    }

    private static Table RepairTable(IReadOnlyList<Domain.ChildLevel.Stacking.EpisodeFix> repairs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Episodes changed when the SSDA903 years were stacked: {repairs.Count.ToString("N0", Display.Culture)}")
            .AddColumn("Child").AddColumn("Episode start").AddColumn("Repair").AddColumn("What was done");
        foreach (var r in repairs)
        {
            table.AddRow(Markup.Escape(r.ChildId), r.Start.ToString("dd/MM/yyyy", Display.Culture), Display.Kebab(r.Kind), Markup.Escape(r.Action));
        }

        return table.Caption("Child-level: for the service only. This listing is recorded in the access log.");
    }

    private static Table ChildTable(IndicatorCases result)
    {
        var i = result.Figure.Indicator;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(i.Name)}, {Display.MonthTitle(result.Figure.Month)}: {result.Cases.Count(c => c.InNumerator)} of {result.Cases.Count} in the numerator")
            .AddColumn("Child").AddColumn("In numerator").AddColumn("Why").AddColumn("Dates").AddColumn("Team").AddColumn("Worker");
        foreach (var c in result.Cases)
        {
            table.AddRow(Markup.Escape(c.ChildId), c.InNumerator ? "yes" : "no", Markup.Escape(c.Reason), Markup.Escape(NationalWriters.Dates(c)), Markup.Escape(c.Team ?? "-"), Markup.Escape(c.Worker ?? "-"));
        }

        return table.Caption("Child-level: for the service only. This listing is recorded in the access log.");
    }
}
