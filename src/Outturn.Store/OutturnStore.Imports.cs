using System.Data.Common;
using Dapper;
using Outturn.App.ChildLevel;
using Outturn.App.Imports;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats;

namespace Outturn.Store;

/// <summary>What an import did with one file.</summary>
public enum ImportOutcome
{
    /// <summary>The first file for its return.</summary>
    New,

    /// <summary>A newer file for a return already held: it replaces the old, which is kept as the earlier revision.</summary>
    Revised,

    /// <summary>The same file as the one held: nothing changed.</summary>
    Unchanged,
}

/// <summary>One file of an import and what became of it.</summary>
/// <param name="File">The file.</param>
/// <param name="Outcome">New, revised or unchanged.</param>
/// <param name="Id">Its import number in the store.</param>
/// <param name="Revision">Its revision of its return (1 for the first).</param>
/// <param name="Earlier">For an unchanged file, when and by whom it was imported; otherwise null.</param>
public sealed record ImportedFile(ReturnFile File, ImportOutcome Outcome, long Id, int Revision, string? Earlier = null);

/// <summary>What an import did: each file, the figures computed from the returns now held, and the local indicators and ready-made figures loaded.</summary>
/// <param name="Files">Each file.</param>
/// <param name="Computation">The computation of the figures, or null when no return of children changed.</param>
/// <param name="Figures">How many figures were computed.</param>
/// <param name="Months">The months they cover, or null.</param>
/// <param name="Problems">The problems in the returns that did not stop the figures, each saying what was done.</param>
/// <param name="LocalIndicators">How many local indicators a catalogue file defined (or redefined).</param>
/// <param name="LocalMeasures">How many ready-made figures a measures file loaded (each replacing any held for its indicator and period).</param>
public sealed record ImportResult(IReadOnlyList<ImportedFile> Files, long? Computation, int Figures, MonthRange? Months, IReadOnlyList<InputError> Problems, int LocalIndicators = 0, int LocalMeasures = 0)
{
    /// <summary>Whether the import changed nothing (every file was already held).</summary>
    public bool Unchanged => Files.All(f => f.Outcome == ImportOutcome.Unchanged);
}

/// <summary>How far an import has gone: the stage, and how much of it is done.</summary>
/// <param name="Stage">What it is doing, in words.</param>
/// <param name="Done">How many of the stage's items are done.</param>
/// <param name="Total">How many there are; 0 when the stage cannot say (reading the returns).</param>
public sealed record ImportStep(string Stage, int Done = 0, int Total = 0);

/// <summary>Imports: files as received, and the figures computed from the returns held.</summary>
public sealed partial class OutturnStore
{
    private sealed record HeldFile(long Id, string Name, string Kind, string Period, string Slot, byte[] Content);

    private sealed class Holding
    {
        public long Id { get; init; }

        public int Revision { get; init; }

        public string ImportedAt { get; init; } = "";

        public string ImportedBy { get; init; } = "";
    }

    /// <summary>
    /// Imports return files in one transaction: each kept as received (new, or a revision replacing the file held for
    /// the same return; the same file again changes nothing), then every national indicator's figure for every month
    /// computed from all the returns now held, with every problem found. A return that cannot be read refuses the whole
    /// import, and a failure or a killed process leaves the store as it was. A second import waits for the first.
    /// A local catalogue and measures file are read and checked first (see <c>ReadLocal</c>), their rows superseding
    /// those held; when only they changed, the figures computed from the returns are left as they are.
    /// </summary>
    /// <param name="files">The files, as <see cref="ReturnFiles.Detect(IEnumerable{string})"/> gives them.</param>
    /// <param name="progress">Told each stage as it starts (<see cref="ImportStep.Done"/> 0) and as it goes, for a long import.</param>
    /// <exception cref="InputException">A return, catalogue or measures file cannot be read (or is refused); nothing was stored.</exception>
    public ImportResult Import(IReadOnlyList<ReturnFile> files, IProgress<ImportStep>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Write((c, tx) =>
        {
            var at = Now;

            // The local catalogue and measures files are read and checked first: any problem refuses the import whole.
            var local = ReadLocal(c, tx, files);
            var done = new List<ImportedFile>();
            foreach (var file in files)
            {
                done.Add(Keep(c, tx, file, at));
            }

            progress?.Report(new($"{done.Count(d => d.Outcome != ImportOutcome.Unchanged)} new file(s), {done.Count(d => d.Outcome == ImportOutcome.Unchanged)} unchanged: kept only once every figure is written."));
            var changed = done.Where(d => d.Outcome != ImportOutcome.Unchanged).ToList();
            if (changed.Count == 0)
            {
                return new ImportResult(done, null, 0, null, []);
            }

            var (indicators, measures) = KeepLocal(c, tx, at, done, local);

            // Only a return of children (or a list they are read with) changes the computed figures; the ready-made
            // ones are never touched by the recompute.
            var (computation, count, months, problems) = changed.Any(d => !ReturnKind.IsLocal(d.File.Kind))
                ? Compute(c, tx, at, progress)
                : ((long?)null, 0, (MonthRange?)null, (IReadOnlyList<InputError>)[]);
            var what = new List<string>();
            if (indicators > 0 || changed.Any(d => d.File.Kind == ReturnKind.Catalogue))
            {
                what.Add($"{indicators} local indicator(s) defined");
            }

            if (measures > 0 || changed.Any(d => d.File.Kind == ReturnKind.Measures))
            {
                what.Add($"{measures} ready-made figure(s) loaded");
            }

            if (computation is not null)
            {
                what.Add($"figures computation #{computation}");
            }

            Audit(c, tx, at, User, "import", string.Join("; ", changed.Select(d => $"#{d.Id} {d.File.Name} ({d.File.Slot}, revision {d.Revision}, sha256 {d.File.Sha256})").Concat(what)));
            return new ImportResult(done, computation, count, months, problems, indicators, measures);
        });
    }

    private ImportedFile Keep(DbConnection c, DbTransaction tx, ReturnFile file, DateTimeOffset at)
    {
        var same = c.QueryFirstOrDefault<Holding>(
            "SELECT id AS Id, revision AS Revision, imported_at AS ImportedAt, imported_by AS ImportedBy FROM imports WHERE slot = @Slot AND sha256 = @Sha256 AND is_current = 1",
            new { file.Slot, file.Sha256 },
            tx);
        if (same is not null)
        {
            return new ImportedFile(file, ImportOutcome.Unchanged, same.Id, same.Revision, $"imported {same.ImportedAt} by {same.ImportedBy}");
        }

        var held = c.QueryFirstOrDefault<Holding>(
            "SELECT id AS Id, revision AS Revision, imported_at AS ImportedAt, imported_by AS ImportedBy FROM imports WHERE slot = @Slot AND is_current = 1",
            new { file.Slot },
            tx);
        if (held is not null)
        {
            c.Execute("UPDATE imports SET is_current = 0 WHERE id = @Id", new { held.Id }, tx);
        }

        var revision = held is null ? 1 : held.Revision + 1;
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO imports (name, kind, period, slot, sha256, size, content, imported_by, imported_at, revision, replaces, is_current)
            VALUES (@Name, @Kind, @Period, @Slot, @Sha256, @Size, @Content, @User, @At, @Revision, @Replaces, 1) RETURNING id
            """,
            new { file.Name, file.Kind, file.Period, file.Slot, file.Sha256, Size = (long)file.Content.Length, file.Content, User, At = Moment(at), Revision = revision, Replaces = held?.Id },
            tx);
        return new ImportedFile(file, held is null ? ImportOutcome.New : ImportOutcome.Revised, id, revision);
    }

    /// <summary>
    /// Computes every figure from the returns held now (read back from their kept bytes), replacing the current figures
    /// (the earlier ones are kept with their computation), and keeps every problem found.
    /// </summary>
    private (long? Id, int Count, MonthRange? Months, IReadOnlyList<InputError> Problems) Compute(DbConnection c, DbTransaction tx, DateTimeOffset at, IProgress<ImportStep>? progress)
    {
        var held = c.Query<HeldFile>("SELECT id AS Id, name AS Name, kind AS Kind, period AS Period, slot AS Slot, content AS Content FROM imports WHERE is_current = 1 AND purged_at IS NULL AND kind NOT IN (@Catalogue, @Measures) ORDER BY id", new { ReturnKind.Catalogue, ReturnKind.Measures }, tx).ToList();
        var root = Path.Combine(Path.GetTempPath(), $"outturn-import-{Guid.NewGuid():N}");
        try
        {
            var returns = held.Select(h => new ReturnFile(h.Name, h.Kind, h.Period, h.Slot, h.Content)).ToList();
            var (paths, written) = ReturnFiles.Lay(returns, root, _settings.Authority);
            var byPath = written.Select((p, i) => (Path.GetFullPath(p), held[i])).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
            InputError Located(InputError e)
            {
                var full = Path.GetFullPath(e.File);
                return byPath.TryGetValue(full, out var h) ? e with { File = $"{h.Name} (import #{h.Id})" }
                    : e with { File = Path.GetRelativePath(root, full) };
            }

            progress?.Report(new($"Reading the {held.Count} return file(s) held."));
            var months = Months(held);
            var figures = new List<IndicatorFigure>();
            IReadOnlyList<InputError> problems = [];
            var supplied = ReturnSources.None;
            IReadOnlyList<IEnumerable<IndicatorCases>> keep = [];
            DateOnly? cinFrom = null;

            // Figures need a return of children (SSDA903, CIN census or SEN2); a staff list or population alone waits for one.
            if (months is { } range)
            {
                ChildLevelLoad load;
                try
                {
                    load = ChildLevelFiles.Read(paths);
                }
                catch (InputException e)
                {
                    throw new InputException([.. e.Errors.Select(Located)]);
                }

                var context = new NationalContext(load.Data);
                var stage = $"Computing figures for {range}.";
                progress?.Report(new(stage, 0, NationalIndicators.All.Count));
                var done = 0;
                figures.AddRange(NationalIndicators.All.AsParallel().AsOrdered().SelectMany(definition =>
                {
                    var counted = definition.Figures(context, range);
                    progress?.Report(new(stage, Interlocked.Increment(ref done), NationalIndicators.All.Count));
                    return counted;
                }));

                // And each whole financial year's, as the DfE counts a year (not the sum of its months).
                var years = range.Select(m => m.FinancialYear).Distinct().Where(y => range.Contains(y.FirstMonth) && range.Contains(y.LastMonth)).ToList();
                figures.AddRange(NationalIndicators.All.SelectMany(d => years.Select(y => d.YearFigure(context, y)).OfType<IndicatorFigure>()));
                problems = [.. load.Problems.Select(Located)];
                supplied = load.Data.Supplied;
                cinFrom = load.Data.CinFrom;

                // The cases behind the latest 12 months' figures and the latest whole year's, for managers.
                var latest = new MonthRange(range.To.AddMonths(1 - CaseMonthsKept) is var f && f < range.From ? range.From : f, range.To);
                keep = CaseLists.ToKeep(context, latest, years.Count > 0 ? [years.Max()!] : []);
            }

            progress?.Report(new($"Writing {figures.Count} figures.", 0, 1));
            var computation = c.ExecuteScalar<long>(
                "INSERT INTO computations (computed_at, computed_by, source, imports, supplied, cin_from) VALUES (@At, @User, @Source, @Imports, @Supplied, @CinFrom) RETURNING id",
                new { At = Moment(at), User, Source = "national indicators computed from the returns held", Imports = string.Join(",", held.Select(h => h.Id)), Supplied = (int)supplied, CinFrom = cinFrom is { } d ? Day(d) : null },
                tx);
            // The figures of months (and years) the returns held now cover are replaced; those of earlier months whose
            // returns were purged stay as they were computed.
            var first = months?.From.ToString() ?? "9999-12";
            c.Execute("UPDATE figures SET is_current = 0 WHERE is_current = 1 AND ((length(period) = 7 AND period >= @first) OR (length(period) <> 7 AND substr(period, 1, 4) >= substr(@first, 1, 4)))", new { first }, tx);
            c.Execute(
                """
                INSERT INTO figures (computation_id, indicator, period, numerator, denominator, value, covers_from, covers_to, history_from, is_current)
                VALUES (@Computation, @Indicator, @Period, @Numerator, @Denominator, @Value, @From, @To, @HistoryFrom, 1)
                """,
                figures.Select(f => new
                {
                    Computation = computation,
                    Indicator = f.Indicator.Id,
                    Period = f.Period.ToString(),
                    Numerator = Number(f.Numerator),
                    Denominator = Number(f.Denominator),
                    Value = f.Value is { } v ? Number(v) : null,
                    From = Day(f.From),
                    To = Day(f.To),
                    HistoryFrom = f.HistoryFrom is { } h ? Day(h) : null,
                }),
                tx);
            progress?.Report(new($"Writing {figures.Count} figures.", 1, 1));
            KeepCases(c, tx, computation, keep, progress);
            var importOf = held.ToDictionary(h => $"{h.Name} (import #{h.Id})", h => h.Id, StringComparer.Ordinal);
            c.Execute(
                """
                INSERT INTO problems (computation_id, import_id, file, row_number, field, message, outcome, child_id, rule)
                VALUES (@Computation, @Import, @File, @Row, @Field, @Message, @Outcome, @ChildId, @Rule)
                """,
                problems.Select(p => new
                {
                    Computation = computation,
                    Import = importOf.TryGetValue(p.File, out var id) ? id : (long?)null,
                    p.File,
                    p.Row,
                    p.Field,
                    p.Message,
                    Outcome = p.Outcome.ToString(),
                    p.ChildId,
                    p.Rule,
                }),
                tx);
            return (computation, figures.Count, months, problems);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>
    /// The months the returns held cover: from the first month of the earliest year of SSDA903 or CIN census (or of the
    /// first SEN2 census's year) to the end of the latest year, or the month of the latest SEN2 file when later.
    /// </summary>
    private static MonthRange? Months(IReadOnlyList<HeldFile> held)
    {
        var years = held.Where(h => h.Kind is ReturnKind.Ssda903Table or ReturnKind.Ssda903Xml or ReturnKind.CinCensus)
            .Select(h => FinancialYear.Parse(h.Period)).ToList();
        var sen2 = held.Where(h => h.Kind == ReturnKind.Sen2).Select(h => DateOnly.ParseExact(h.Period, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var firsts = years.Select(y => y.FirstMonth).Concat(sen2.Select(d => FinancialYear.Containing(d).FirstMonth)).ToList();
        var lasts = years.Select(y => y.LastMonth).Concat(sen2.Select(Month.Containing)).ToList();
        return firsts.Count == 0 ? null : new MonthRange(firsts.Min(), lasts.Max());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
