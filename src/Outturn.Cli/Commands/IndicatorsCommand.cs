using System.CommandLine;
using Outturn.App;
using Outturn.App.Audit;
using Outturn.App.ChildLevel;
using Outturn.App.National;
using Outturn.App.Scorecards;
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
        var month = new Option<string?>("--month") { Description = "The month, e.g. 2025-03 (required unless --demo or --year)." };
        var year = new Option<string?>("--year") { Description = "Instead of a month, the financial year, e.g. 2024-25: the DfE's annual figures (flows April to March, positions at 31 March, rates over the year)." };
        var format = new Option<string>("--format", "-f") { Description = "table, json, csv; measures (every month to --month, for the scorecard's --measures); scorecard.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "measures", "scorecard");
        var from = new Option<string?>("--from") { Description = "With --format measures: the first month (default: April two years before --month)." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the terminal." };
        var targets = new Option<string?>("--targets", "-t") { Description = "With --format scorecard: targets and tolerances per indicator per year (CSV or XLSX); with --demo, samples/demo-la's; from the store, the store's." };
        var wide = new Option<bool>("--wide") { Description = "With --format scorecard: every column of the full scorecard, however wide." };
        var width = new Option<int?>("--width") { Description = "With --format scorecard: fit the table to this many columns (default: the terminal's width; 160 when writing to a file or a pipe)." };
        var repairs = new Option<bool>("--repairs") { Description = "Instead of the figures, the episodes changed when the SSDA903 years were stacked, child by child (table or csv; recorded in the access log)." };

        var command = new Command("indicators", "Compute the national indicators from SSDA903 and CIN census returns, or read them from the store when none is given.");
        inputs.AddTo(command);
        inputs.AddStoreTo(command);
        command.Add(month);
        command.Add(year);
        command.Add(format);
        command.Add(from);
        command.Add(outputFile);
        command.Add(repairs);
        command.Add(targets);
        command.Add(wide);
        command.Add(width);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var fmt = parse.GetValue(format)!;
            if (parse.GetValue(width) is { } w && w < Terminal.MinimumWidth)
            {
                error.WriteLine($"--width must be {Terminal.MinimumWidth} or more.");
                return 1;
            }

            // The scorecard of these figures is the scorecard command's: the same targets, RAG, table and width.
            var table = new TableChoice(parse.GetValue(wide), parse.GetValue(width));
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

            if (Period(parse, month, year, inputs, error) is not { } period)
            {
                return 1;
            }

            if (inputs.Store(parse) is { } store)
            {
                return StoreFigures(store, period, fmt, parse.GetValue(from), parse.GetValue(outputFile), output, table);
            }

            if (fmt is "measures" or "scorecard" && period.AsMonth() is null)
            {
                error.WriteLine($"--format {fmt} is built from monthly figures: give --month.");
                return 1;
            }

            var load = inputs.Read(parse);
            var context = inputs.Context(load, parse);
            string text;
            if (period.AsMonth() is { } m && fmt is "measures" or "scorecard")
            {
                var first = parse.GetValue(from) is { } f && Domain.Periods.Month.TryParse(f, out var fm) ? fm : m.FinancialYear.Previous().Previous().FirstMonth;
                var months = new MonthRange(first, m);
                if (fmt == "measures")
                {
                    text = NationalWriters.MeasuresCsv(NationalIndicators.Figures(context, months));
                }
                else
                {
                    var targetsFile = parse.GetValue(targets) ?? (inputs.IsDemo(parse) ? DemoTargets : null);
                    var input = new NationalScorecardSource(new LoadedChildLevel(load), months, targetsFile, context.Options).Load();
                    text = table.Render(ScorecardCalculator.Compute(input, m), parse.GetValue(outputFile), output);
                }
            }
            else
            {
                var set = NationalFigures.For(context, period, load.ChildrenWithProblems);
                text = fmt switch
                {
                    "json" => NationalWriters.ResultsJson(set),
                    "csv" => NationalWriters.ResultsCsv(set),
                    _ => Terminal.Render(Table(set, context.Data.CinFrom)),
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
        var month = new Option<string?>("--month") { Description = "The month, e.g. 2025-03 (required unless --demo or --year)." };
        var year = new Option<string?>("--year") { Description = "Instead of a month, the financial year, e.g. 2024-25: the cases behind the DfE's annual figure." };
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
            indicator, month, year, team, worker, outside, concern, by, format, outputFile,
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

            if (Period(parse, month, year, inputs, error) is not { } m)
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
            if (inputs.Store(parse) is { } store)
            {
                return StoreChildren(store, chosen, m, filter, parse.GetValue(by), parse.GetValue(format) == "csv", parse.GetValue(outputFile), output, error);
            }

            var load = inputs.Read(parse);
            var context = inputs.Context(load, parse);
            if (chosen.MissingFrom(context) is not ReturnSources.None and var missing)
            {
                error.WriteLine($"{id} has {NationalWriters.Absence(missing)}.");
                return 1;
            }

            if (parse.GetValue(by) is { } grouping)
            {
                // Aggregated by team or worker: no child is shown, so nothing is logged.
                if (CaseLists.ByHolder(context, chosen, m, filter, grouping == "team") is not { } groups)
                {
                    return NoFigure(error, id, m);
                }

                var title = $"{Markup.Escape(chosen.Indicator.Name)}, {Title(m)}, by {grouping}";
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

    /// <summary>The month (<c>--month</c>) or financial year (<c>--year</c>) asked for; March 2025 for the demo.</summary>
    private static Period? Period(ParseResult parse, Option<string?> monthOption, Option<string?> yearOption, ChildLevelInputs inputs, TextWriter error)
    {
        if (parse.GetValue(yearOption) is { } yearText)
        {
            if (parse.GetValue(monthOption) is not null)
            {
                error.WriteLine("Give --month or --year, not both.");
                return null;
            }

            if (FinancialYear.TryParse(yearText, out var y))
            {
                return y;
            }

            error.WriteLine($"--year '{yearText}' is not a financial year like 2024-25.");
            return null;
        }

        var text = parse.GetValue(monthOption) ?? (inputs.IsDemo(parse) ? ChildLevelInputs.DemoMonth : inputs.Store(parse)?.RequireLatestMonth().ToString());
        if (Domain.Periods.Month.TryParse(text, out var m))
        {
            return m;
        }

        error.WriteLine(text is null ? "Give --month (e.g. 2025-03) or --year (e.g. 2024-25), or --demo." : $"--month '{text}' is not a month like 2025-03.");
        return null;
    }

    private static string Title(Period period) => period.AsMonth() is { } m ? Display.MonthTitle(m) : Display.YearHeading(period.FinancialYear);

    /// <summary>
    /// The children behind a figure as the store keeps them (the latest 12 months and the latest whole year), through
    /// its audited call: the access log in the store is written before anything is shown.
    /// </summary>
    private static int StoreChildren(Store.OutturnStore store, NationalIndicator chosen, Period period, CaseFilter filter, string? grouping, bool csv, string? path, TextWriter output, TextWriter error)
    {
        if (store.FigureSet(period).Absent.FirstOrDefault(a => a.Indicator.Id == chosen.Id) is { } absent)
        {
            error.WriteLine($"{chosen.Id} has {NationalWriters.Absence(absent.Missing)}.");
            return 1;
        }

        var kept = store.CasePeriods();
        if (!kept.Contains(period))
        {
            var months = kept.Where(p => p.AsMonth() is not null).Select(p => p.LastMonth).ToList();
            var years = kept.Where(p => p.AsMonth() is null).Select(p => p.ToString()).ToList();
            var held = string.Join(" and ", new[]
            {
                months.Count > 0 ? $"{Display.MonthTitle(months.Min())} to {Display.MonthTitle(months.Max())}" : null,
                years.Count > 0 ? $"the year {string.Join(", ", years)}" : null,
            }.OfType<string>());
            error.WriteLine(kept.Count == 0
                ? $"The store {store.Target} keeps no case lists yet: import returns (outturn import FILES...)."
                : $"The store keeps the children behind the figures of {held}, not {period}: give the returns (--903, --cin, ...) to list an earlier period's.");
            return 1;
        }

        if (grouping is not null)
        {
            // Aggregated by team or worker: no child is shown, so nothing is logged.
            if (store.CasesByHolder(chosen, period, filter, grouping == "team") is not { } groups)
            {
                return NoFigure(error, chosen.Id, period);
            }

            var title = $"{Markup.Escape(chosen.Indicator.Name)}, {Title(period)}, by {grouping}";
            TextOutput.Emit(csv ? NationalWriters.GroupsCsv(groups, grouping) : Terminal.Render(GroupTable(chosen.Indicator, title, groups, grouping)), path, output);
            return 0;
        }

        if (store.Cases(chosen, period, filter) is not { } shown)
        {
            return NoFigure(error, chosen.Id, period);
        }

        TextOutput.Emit(csv ? NationalWriters.ChildrenCsv(shown) : Terminal.Render(ChildTable(shown)), path, output);
        return 0;
    }

    private static int NoFigure(TextWriter error, string id, Period period)
    {
        error.WriteLine($"{id} has no figure for {period} (a yearly return outside March, no population for the year, or no allocations yet).");
        return 1;
    }

    /// <summary>The figures as the store holds them, in the same formats: nothing re-reads a return.</summary>
    private static int StoreFigures(Store.OutturnStore store, Period period, string fmt, string? from, string? path, TextWriter output, TableChoice table)
    {
        string text;
        if (period.AsMonth() is { } m && fmt is "measures" or "scorecard")
        {
            var first = from is { } f && Domain.Periods.Month.TryParse(f, out var fm) ? fm : m.FinancialYear.Previous().Previous().FirstMonth;
            var range = new MonthRange(first, m);
            var results = store.Figures().Select(x => x.Figure).Where(x => x.Period.AsMonth() is { } month && range.Contains(month)).ToList();

            // The scorecard holds the local indicators' ready-made figures beside the national ones, as outturn scorecard does.
            var local = store.LocalMeasures().Where(x => x.Period.FirstMonth >= range.From && x.Period.LastMonth <= range.To).ToList();
            text = fmt == "measures"
                ? NationalWriters.MeasuresCsv(results)
                : table.Render(ScorecardCalculator.Compute(new ScorecardInput(store.Catalogue(), [.. store.Targets().Select(t => t.Target)], [.. results.Select(r => r.ToMeasure()), .. local]), m), path, output);
        }
        else
        {
            var set = store.FigureSet(period);
            text = fmt switch
            {
                "json" => NationalWriters.ResultsJson(set),
                "csv" => NationalWriters.ResultsCsv(set),
                _ => Terminal.Render(Table(set, store.CinFrom())) + LocalTable(store.LocalCatalogue(), store.LocalMeasures(), period),
            };
        }

        TextOutput.Emit(text, path, output);
        return 0;
    }

    /// <summary>The demo LA's targets, installed beside the program.</summary>
    private static string DemoTargets => Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv");

    /// <summary>
    /// How a scorecard table is drawn: fitted to the terminal (or <see cref="Width"/>), or every column when
    /// <see cref="Wide"/>, as <c>outturn scorecard</c> draws it.
    /// </summary>
    private sealed record TableChoice(bool Wide, int? Width)
    {
        /// <summary>
        /// The table as text for a file (at <see cref="Terminal.PlainWidth"/> unless a width is given); written
        /// straight to the terminal when there is no file, so it fits the console, and then the text is empty.
        /// </summary>
        public string Render(Scorecard scorecard, string? path, TextWriter output)
        {
            if (path is null)
            {
                ScorecardCommand.WriteTable(scorecard, output, Wide, Width);
                return "";
            }

            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            ScorecardCommand.WriteTable(scorecard, writer, Wide, Width ?? Terminal.PlainWidth);
            return writer.ToString();
        }
    }

    private static Table Table(NationalFigureSet set, DateOnly? cinFrom)
    {
        var problems = set.Figures.Any(f => f.ChildrenWithProblems is not null);
        var table = new Table().Border(TableBorder.Rounded).Title($"National indicators: {Title(set.Period)}")
            .AddColumn("Indicator").AddColumn("Id").AddColumn("Covers").AddColumn(new TableColumn("Numerator").RightAligned())
            .AddColumn(new TableColumn("Denominator").RightAligned()).AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Good");
        if (problems)
        {
            table.AddColumn(new TableColumn("Children with problems").RightAligned());
        }

        // In catalogue order, an indicator with no figure where its figure would be.
        var figures = set.Figures.ToDictionary(f => f.Figure.Indicator.Id);
        var absent = set.Absent.ToDictionary(a => a.Indicator.Id);
        foreach (var i in NationalIndicators.Indicators)
        {
            string[] cells;
            if (figures.TryGetValue(i.Id, out var f))
            {
                var r = f.Figure;
                var value = Display.Value(r.Value, i) + (r.HistoryFrom is null ? "" : " *");
                cells = [Markup.Escape(i.Name), i.Id, NationalWriters.Covers(r), r.Numerator.ToString("N0", Display.Culture),
                    i.Unit == Unit.Count ? "" : r.Denominator.ToString("N0", Display.Culture), value, Display.Polarity(i.Polarity)];
            }
            else if (absent.ContainsKey(i.Id))
            {
                cells = [Markup.Escape(i.Name), i.Id, "", "", "", "no data", Display.Polarity(i.Polarity)];
            }
            else
            {
                continue;
            }

            table.AddRow(problems ? [.. cells, f?.ChildrenWithProblems?.ToString("N0", Display.Culture) ?? ""] : cells);
        }

        var notes = new List<string>
        {
            "Flows count the month (a year: April to March); rates per 10,000 the 12 months to its end; positions its last day.",
        };
        notes.AddRange(set.Absent.GroupBy(a => NationalWriters.Absence(a.Missing))
            .Select(g => $"{string.Join(", ", g.Select(a => a.Indicator.Id))}: {g.Key}."));
        if (set.Figures.Any(f => f.Figure.HistoryFrom is not null) && cinFrom is { } start)
        {
            notes.Add($"* looks back before the first CIN census given ({start.ToString("d MMMM yyyy", Display.Culture)}): earlier referrals and plans are not seen; the census of the year before completes it.");
        }

        return table.Caption(string.Join("\n", notes.Select(Markup.Escape)));
    }

    /// <summary>
    /// The local indicators held in the store and their ready-made figures for the period, as their measures files gave
    /// them (nothing computed here); empty when the store holds no local indicator.
    /// </summary>
    private static string LocalTable(IReadOnlyList<Indicator> catalogue, IReadOnlyList<Measure> measures, Period period)
    {
        if (catalogue.Count == 0)
        {
            return "";
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Local indicators (ready-made figures): {Title(period)}")
            .AddColumn("Indicator").AddColumn("Id").AddColumn(new TableColumn("Numerator").RightAligned())
            .AddColumn(new TableColumn("Denominator").RightAligned()).AddColumn(new TableColumn("Value").RightAligned()).AddColumn("Good");
        var byId = measures.Where(x => x.Period == period).ToDictionary(x => x.IndicatorId, StringComparer.OrdinalIgnoreCase);
        foreach (var i in catalogue)
        {
            var o = byId.TryGetValue(i.Id, out var found) ? found.Observation : (Observation?)null;
            table.AddRow(Markup.Escape(i.Name), Markup.Escape(i.Id), o?.Numerator?.ToString("N0", Display.Culture) ?? "",
                o?.Denominator?.ToString("N0", Display.Culture) ?? "", o is { } v ? Display.Value(v.ValueAt(i.Scale), i) : "no figure", Display.Polarity(i.Polarity));
        }

        return Terminal.Render(table.Caption("Loaded from the measures files imported (outturn history), not computed from the returns."));
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

        // The same unit as the authority's figure: a team has no population of its own, so its share of the rate.
        return i.Unit == Unit.Rate
            ? table.Caption(Markup.Escape($"Each {by}'s children over the authority's population aged 0-17: its share of the rate per 10,000; the {by}s add up to the authority's figure."))
            : table;
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
            .Title($"{Markup.Escape(i.Name)}, {Title(result.Figure.Period)}: {result.Cases.Count(c => c.InNumerator)} of {result.Cases.Count} in the numerator")
            .AddColumn("Child").AddColumn("In numerator").AddColumn("Why").AddColumn("Dates").AddColumn("Team").AddColumn("Worker");
        foreach (var c in result.Cases)
        {
            table.AddRow(Markup.Escape(c.ChildId), c.InNumerator ? "yes" : "no", Markup.Escape(c.Reason), Markup.Escape(NationalWriters.Dates(c)), Markup.Escape(c.Team ?? "-"), Markup.Escape(c.Worker ?? "-"));
        }

        return table.Caption("Child-level: for the service only. This listing is recorded in the access log.");
    }
}
