using System.CommandLine;
using System.Globalization;
using Outturn.App;
using Outturn.App.Imports;
using Outturn.App.Scorecards;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Store;
using Spectre.Console;

namespace Outturn.Cli.Commands;

/// <summary><c>--db</c>: the store, a SQLite file or a PostgreSQL connection string; default <c>$OUTTURN_DB</c>, else the user's own file.</summary>
internal sealed class StoreOption(OutturnSettings settings)
{
    private readonly Option<string?> _db = new("--db")
    {
        Description = "The store: a SQLite file, or a PostgreSQL connection string (\"Host=...;Database=...;Username=...\"). Default: $OUTTURN_DB, else outturn/outturn.db in your local application data.",
    };

    private readonly Dictionary<string, OutturnStore> _open = new(StringComparer.Ordinal);

    public void AddTo(Command command) => command.Add(_db);

    /// <summary>The store, created and migrated on first use.</summary>
    /// <exception cref="StoreException">None is configured, or it cannot be opened.</exception>
    public OutturnStore Open(ParseResult parse)
    {
        var db = parse.GetValue(_db) ?? settings.Database ?? throw new StoreException("No store: give --db FILE (or a PostgreSQL connection string), or set $OUTTURN_DB.");
        if (!_open.TryGetValue(db, out var store))
        {
            store = OutturnStore.Open(StoreTarget.Parse(db), settings);
            _open[db] = store;
        }

        return store;
    }

    /// <summary>
    /// The store when one is there to read: a SQLite file that exists, or a PostgreSQL database; null otherwise (so
    /// a command that only might read the store never creates one).
    /// </summary>
    /// <exception cref="StoreException">It cannot be opened.</exception>
    public OutturnStore? OpenExisting(ParseResult parse)
    {
        if ((parse.GetValue(_db) ?? settings.Database) is not { } db)
        {
            return null;
        }

        var target = StoreTarget.Parse(db);
        return target.Provider == StoreProvider.Sqlite && !File.Exists(target.Location) ? null : Open(parse);
    }
}

/// <summary><c>outturn import</c>, <c>targets</c>, <c>history</c>, <c>audit</c> and <c>db</c>: the store's commands.</summary>
internal static class StoreCommands
{
    public static Command Import(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var files = new Argument<string[]>("files") { Description = "Return files, or folders of them: CIN census and SEN2 XML, SSDA903 tables (in a folder named for the year), Annex A, the staff list, the population; and a local catalogue and measures file (CSV or XLSX) for our own indicators' ready-made figures.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import returns into the store: each file kept as received, every figure computed once from the returns held, and local indicators' ready-made figures loaded.") { files };
        store.AddTo(command);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var received = ReturnFiles.Detect(parse.GetValue(files)!);
            var result = WithProgress(error, progress => store.Open(parse).Import(received, progress));
            Report(result, store.Open(parse).Target, output, error);
            return 0;
        }));
        return command;
    }

    /// <summary>Each file's outcome, the figures computed, then the problems, as the other commands list them.</summary>
    public static void Report(ImportResult result, StoreTarget target, TextWriter output, TextWriter error)
    {
        foreach (var f in result.Files)
        {
            output.WriteLine(f.Outcome switch
            {
                ImportOutcome.New => $"  new        #{f.Id} {f.File.Name} ({f.File.Slot})",
                ImportOutcome.Revised => $"  revised    #{f.Id} {f.File.Name} ({f.File.Slot}, revision {f.Revision}, replacing the file held)",
                _ => $"  unchanged  #{f.Id} {f.File.Name} ({f.File.Slot}: the same file, {f.Earlier})",
            });
        }

        if (result.Unchanged)
        {
            output.WriteLine($"Nothing changed in {target}: every file was already imported.");
            return;
        }

        if (result.Files.Any(f => f.Outcome != ImportOutcome.Unchanged && f.File.Kind == ReturnKind.Catalogue))
        {
            output.WriteLine($"Local catalogue: {result.LocalIndicators.ToString("N0", CultureInfo.InvariantCulture)} local indicator(s) defined, each superseding any held for its id.");
        }

        if (result.Files.Any(f => f.Outcome != ImportOutcome.Unchanged && f.File.Kind == ReturnKind.Measures))
        {
            output.WriteLine($"Measures: {result.LocalMeasures.ToString("N0", CultureInfo.InvariantCulture)} ready-made figure(s) loaded, each replacing any held for its indicator and period.");
        }

        if (result.Computation is null)
        {
            return;
        }

        output.WriteLine($"Imported into {target}: {result.Figures.ToString("N0", CultureInfo.InvariantCulture)} figures, for each month {result.Months} and each whole financial year (computation #{result.Computation}).");
        if (result.Problems.Count > 0)
        {
            error.WriteLine($"The returns have {result.Problems.Count.ToString("N0", CultureInfo.InvariantCulture)} problem(s); the figures are computed with each dealt with as it says, and each is kept in the store:");
            foreach (var p in result.Problems)
            {
                error.WriteLine($"  {p}");
            }
        }
    }

    public static Command Targets(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var indicator = new Option<string?>("--indicator") { Description = "The indicator's id (see outturn indicators catalogue)." };
        var year = new Option<string?>("--year") { Description = "The financial year, e.g. 2025-26." };
        var green = new Option<decimal?>("--green") { Description = "Green from (high polarity) or below (low polarity)." };
        var amber = new Option<decimal?>("--amber") { Description = "Amber from (high) or below (low); leave out for two bands." };
        var file = new Option<string?>("--file") { Description = "A targets file (indicator, year, green, amber), CSV or XLSX, instead of one target." };
        var set = new Command("set", "Set targets and tolerances for a year: one with --indicator, --year, --green [--amber], or a file with --file.")
        {
            indicator, year, green, amber, file,
        };
        store.AddTo(set);
        set.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            IReadOnlyList<Target> targets;
            var catalogue = store.Open(parse).Catalogue();
            if (parse.GetValue(file) is { } path)
            {
                targets = TargetFiles.Read(path, catalogue);
            }
            else
            {
                if (parse.GetValue(indicator) is not { } id || parse.GetValue(year) is not { } yearText || parse.GetValue(green) is not { } g)
                {
                    error.WriteLine("Give --indicator, --year and --green (and --amber for three bands), or --file.");
                    return 1;
                }

                if (catalogue.FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) is not { } definition)
                {
                    error.WriteLine($"--indicator '{id}' is not a national indicator nor a local one held in the store (see outturn indicators catalogue).");
                    return 1;
                }

                if (!FinancialYear.TryParse(yearText, out var fy))
                {
                    error.WriteLine($"--year '{yearText}' is not a financial year like 2025-26.");
                    return 1;
                }

                var polarity = definition.Polarity;
                if (Thresholds.Check(polarity, g, parse.GetValue(amber), id) is { } problem)
                {
                    error.WriteLine($"--{problem.Field}: {problem.Message}");
                    return 1;
                }

                targets = [new Target(definition.Id, fy, new Thresholds(polarity, g, parse.GetValue(amber)))];
            }

            store.Open(parse).SetTargets(targets);
            output.WriteLine($"Set {targets.Count} target(s) in {store.Open(parse).Target}.");
            return 0;
        }));

        var list = new Command("list", "List the targets and tolerances held, with who set each and when.");
        store.AddTo(list);
        list.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Indicator", "Year", "Good is", "Green", "Amber", "Set by", "Set at");
            foreach (var (target, by, at) in store.Open(parse).Targets())
            {
                var i = CultureInfo.InvariantCulture;
                table.AddRow(Markup.Escape(target.IndicatorId), target.Year.ToString(), target.Thresholds.Polarity.ToString().ToLowerInvariant(),
                    target.Thresholds.Green.ToString(i), target.Thresholds.Amber?.ToString(i) ?? "", Markup.Escape(by), at);
            }

            Terminal.For(output).Write(table);
            return 0;
        }));

        return new Command("targets", "Targets and tolerances per indicator per year, kept in the store.") { set, list };
    }

    public static Command Publish(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var month = new Option<string?>("--month") { Description = "The month to publish, e.g. 2025-03 (the performance board's)." };
        var quarter = new Option<string?>("--quarter") { Description = "The quarter to publish, e.g. 2024-25Q4 (the committee's)." };
        var command = new Command("publish", "Freeze a month's or a quarter's figures, targets and commentary as shown. A publication never changes; later revisions are shown beside it.")
        {
            month, quarter,
        };
        store.AddTo(command);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            Period period;
            if (parse.GetValue(month) is { } m && parse.GetValue(quarter) is null)
            {
                if (!Month.TryParse(m, out var parsed))
                {
                    error.WriteLine($"--month '{m}' is not a month like 2025-03.");
                    return 1;
                }

                period = parsed;
            }
            else if (parse.GetValue(quarter) is { } q && parse.GetValue(month) is null)
            {
                if (!Quarter.TryParse(q, out var parsed))
                {
                    error.WriteLine($"--quarter '{q}' is not a quarter like 2024-25Q4.");
                    return 1;
                }

                period = parsed;
            }
            else
            {
                error.WriteLine("Give --month or --quarter (one of them).");
                return 1;
            }

            var published = store.Open(parse).Publish(period);
            output.WriteLine($"Published {published.Period} (publication #{published.Id}, {published.At}, by {published.By}).");
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// After a scorecard from the store: each figure up to its month that later returns revised since a publication,
    /// with both values, on the error writer (so machine formats stay as they are).
    /// </summary>
    public static void ReportRevisions(OutturnStore store, Month month, TextWriter error)
    {
        var revised = store.Revisions().Where(r => string.CompareOrdinal(r.Period, month.ToString()) <= 0).ToList();
        if (revised.Count == 0)
        {
            return;
        }

        error.WriteLine($"Revised since published ({revised.Count.ToString("N0", CultureInfo.InvariantCulture)} figure(s)); the scorecard shows them as now:");
        var catalogue = store.Catalogue();
        foreach (var r in revised)
        {
            var definition = catalogue.FirstOrDefault(i => i.Id.Equals(r.Indicator, StringComparison.OrdinalIgnoreCase));
            string Shown(decimal? v) => v is null ? "none" : definition is not null ? Formats.Scorecards.Display.Value(v, definition) : v.Value.ToString(CultureInfo.InvariantCulture);
            error.WriteLine($"  {r.Indicator} {r.Period}: published {Shown(r.Published)} in {r.Publication.Period} ({r.Publication.At}, by {r.Publication.By}), now {Shown(r.Now)} (revised)");
        }
    }

    public static Command CommentaryCommand(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var period = new Option<string>("--period") { Description = "The month (2025-03) or quarter (2024-25Q4).", Required = true };
        var area = new Option<string?>("--area") { Description = "The service area, as the catalogue names it." };
        var indicator = new Option<string?>("--indicator") { Description = "The indicator it is about; leave out for the whole area." };
        var heading = new Option<string>("--heading") { Description = "working-well, challenges or commentary.", DefaultValueFactory = _ => "commentary" };
        heading.AcceptOnlyFromAmong("working-well", "challenges", "commentary");
        var text = new Option<string?>("--text") { Description = "The text, Markdown (bullets one a line for working-well and challenges)." };
        var status = new Option<string>("--status") { Description = "draft or agreed.", DefaultValueFactory = _ => "draft" };
        status.AcceptOnlyFromAmong("draft", "agreed");
        var set = new Command("set", "Write commentary on a service area or indicator for a month or quarter (it replaces what is held, which is kept).")
        {
            period, area, indicator, heading, text, status,
        };
        store.AddTo(set);
        set.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var p) || p.Kind == PeriodKind.Year)
            {
                error.WriteLine($"--period '{parse.GetValue(period)}' is not a month like 2025-03 or a quarter like 2024-25Q4.");
                return 1;
            }

            var areas = store.Open(parse).Catalogue().Select(i => i.Area).Distinct().ToList();
            if (parse.GetValue(area) is not { } a || areas.FirstOrDefault(x => string.Equals(x, a.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } named)
            {
                error.WriteLine($"Give --area, one of: {string.Join(", ", areas)}.");
                return 1;
            }

            if (parse.GetValue(text) is not { } body)
            {
                error.WriteLine("Give --text.");
                return 1;
            }

            var h = parse.GetValue(heading) switch { "working-well" => Commentary.WorkingWell, "challenges" => Commentary.Challenges, _ => Commentary.General };
            var db = store.Open(parse);
            db.WriteCommentary([new Commentary(p.ToString(), named, parse.GetValue(indicator), h, body, parse.GetValue(status)!, settings.User)]);
            output.WriteLine($"Wrote {h} on {named} for {p} ({parse.GetValue(status)}) in {db.Target}.");
            return 0;
        }));

        var list = new Command("list", "The commentary held for a month or quarter.") { period };
        store.AddTo(list);
        list.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var p))
            {
                error.WriteLine($"--period '{parse.GetValue(period)}' is not a month like 2025-03 or a quarter like 2024-25Q4.");
                return 1;
            }

            foreach (var c in store.Open(parse).CommentaryFor(p))
            {
                output.WriteLine($"{c.Area}{(c.Indicator is null ? "" : " / " + c.Indicator)} - {c.Heading} ({c.Status}, {c.Author}):");
                foreach (var line in c.Body.Split('\n'))
                {
                    output.WriteLine($"  {line}");
                }
            }

            return 0;
        }));
        return new Command("commentary", "Commentary per service area or indicator, per month or quarter, kept in the store; the report from the store uses it.") { set, list };
    }

    public static Command History(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var command = new Command("history", "The audit trail: every change to the store (imports, targets, publications), oldest first, never rewritten.");
        store.AddTo(command);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            foreach (var entry in store.Open(parse).History())
            {
                output.WriteLine($"{entry.At}  {entry.By}  {entry.Action}  {entry.Detail}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary><c>outturn audit verify</c>: each chained log's entries checked from the first.</summary>
    public static Command Audit(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var verify = new Command("verify", "Check that the audit trail and the access log are as written: each entry chained to the one before by its hash. Exit code 1 names the first entry that does not match.");
        store.AddTo(verify);
        verify.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var s = store.Open(parse);
            var checks = s.VerifyLogs();
            foreach (var check in checks)
            {
                var entries = $"{check.Entries.ToString("N0", CultureInfo.InvariantCulture)} {(check.Entries == 1 ? "entry" : "entries")}";
                output.WriteLine(check.Broken is { } b
                    ? $"{check.Log}: {entries}, broken at entry #{b.Id} ({b.At}, {b.What}): {b.Reason}"
                    : $"{check.Log}: {entries}, intact{(check.Head is { } head ? $" (last hash {head})" : "")}");
            }

            if (checks.Any(c => !c.Intact))
            {
                error.WriteLine($"The logs in {s.Target} are not as written: the entry named above, or one next to it, was changed, removed or inserted outside Outturn.");
                return 1;
            }

            return 0;
        }));
        return new Command("audit", "The audit trail and the access log: tamper-evident, each entry chained to the one before by a hash.") { verify };
    }

    public static Command Database(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var store = new StoreOption(settings);
        var file = new Argument<string>("file") { Description = "The backup file to write (new)." };
        var backup = new Command("backup", "Copy the store, consistent while in use (SQLite's online backup). For PostgreSQL use pg_dump.") { file };
        store.AddTo(backup);
        backup.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var path = parse.GetValue(file)!;
            store.Open(parse).Backup(path);
            output.WriteLine($"Wrote {path}");
            return 0;
        }));

        var info = new Command("info", "Where the store is, its schema version, and what it holds.");
        store.AddTo(info);
        info.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var s = store.Open(parse);
            output.WriteLine($"Store: {s.Target}");
            output.WriteLine($"Schema version: {s.StoredVersion()}");
            output.WriteLine($"Latest month with figures: {s.LatestMonth()?.ToString() ?? "none"}");
            output.WriteLine($"Local indicators: {s.LocalCatalogue().Count.ToString("N0", CultureInfo.InvariantCulture)}, with {s.LocalMeasures().Count.ToString("N0", CultureInfo.InvariantCulture)} ready-made figure(s)");
            output.WriteLine($"Publications: {(s.Publications() is { Count: > 0 } p ? string.Join(", ", p.Select(x => x.Period)) : "none")}");
            return 0;
        }));
        var years = new Option<int>("--keep-years") { Description = "Keep the child-level returns of this many years back from today; older ones are purged.", Required = true };
        var purge = new Command("purge", "Purge child-level returns older than --keep-years (their content and problems); the figures computed from them are kept.") { years };
        store.AddTo(purge);
        purge.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            if (parse.GetValue(years) < 1)
            {
                error.WriteLine("--keep-years must be 1 or more.");
                return 1;
            }

            var purged = store.Open(parse).Purge(parse.GetValue(years));
            output.WriteLine(purged.Nothing ? "Nothing to purge."
                : $"Purged {purged.Files.Count} file(s){(purged.Files.Count > 0 ? ": " + string.Join(", ", purged.Files) : "")}{(purged.CaseLists.Count > 0 ? $", and the cases behind the figures of {string.Join(", ", purged.CaseLists)}" : "")}. The figures are kept.");
            return 0;
        }));
        return new Command("db", "The store itself: where it is, backups, and retention.") { info, backup, purge };
    }

    /// <summary>
    /// Runs an import with its progress on the error writer (so the output stays the report): a progress bar per stage
    /// on a terminal, otherwise a line as each stage starts.
    /// </summary>
    internal static T WithProgress<T>(TextWriter error, Func<IProgress<ImportStep>, T> import)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return import(new Lines(error));
        }

        return WithProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) }), import);
    }

    /// <summary>Runs an import with a progress bar per stage on <paramref name="console"/>.</summary>
    internal static T WithProgress<T>(IAnsiConsole console, Func<IProgress<ImportStep>, T> import) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context => import(new Bars(context)));

    /// <summary>A line as each stage starts.</summary>
    private sealed class Lines(TextWriter error) : IProgress<ImportStep>
    {
        public void Report(ImportStep value)
        {
            if (value.Done == 0)
            {
                error.WriteLine(value.Stage);
                error.Flush();
            }
        }
    }

    /// <summary>A bar per stage, each finished when the next begins; told from several threads at once, it only moves on.</summary>
    private sealed class Bars(ProgressContext context) : IProgress<ImportStep>
    {
        private readonly Lock _gate = new();
        private ProgressTask? _task;
        private string? _stage;

        public void Report(ImportStep value)
        {
            lock (_gate)
            {
                Move(value);
            }
        }

        private void Move(ImportStep value)
        {
            if (value.Stage != _stage)
            {
                if (_task is not null)
                {
                    _task.Value = _task.MaxValue;
                    _task.StopTask();
                }

                _stage = value.Stage;
                _task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(value.Total, 1));
                _task.IsIndeterminate = value.Total == 0;
            }

            _task!.Value = Math.Max(_task.Value, value.Done);
        }
    }

}
