using System.Data.Common;
using Dapper;
using Outturn.App.Imports;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats;

namespace Outturn.Store;

/// <summary>
/// Our own (local) indicators and their ready-made figures: loaded from catalogue and measures files kept as imports,
/// beside the national indicators computed from the returns. A local indicator never takes a national id, and a
/// national indicator's figures are never loaded.
/// </summary>
public sealed partial class OutturnStore
{
    /// <summary>A row of <c>local_indicators</c> or <c>published_indicators</c> (a class: Dapper converts INTEGER on either provider).</summary>
    private sealed class IndicatorRow
    {
        public string Id { get; init; } = "";

        public string Name { get; init; } = "";

        public string Area { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Unit { get; init; } = "";

        public string Polarity { get; init; } = "";

        public string Aggregation { get; init; } = "";

        public long Decimals { get; init; }

        public string Definition { get; init; } = "";

        public long RollingMonths { get; init; }

        public string? BenchmarkMeasure { get; init; }

        public Indicator ToIndicator() =>
            new(Id, Name, Area, Enum.Parse<IndicatorKind>(Kind), Enum.Parse<Unit>(Unit), Enum.Parse<Polarity>(Polarity), Enum.Parse<Aggregation>(Aggregation), (int)Decimals, Definition)
            {
                RollingMonths = (int)RollingMonths,
                BenchmarkMeasure = BenchmarkMeasure,
            };
    }

    private sealed record MeasureRow(string Indicator, string Period, string? Value, string? Numerator, string? Denominator);

    private const string CurrentMeasures =
        "SELECT indicator AS Indicator, period AS Period, value AS Value, numerator AS Numerator, denominator AS Denominator FROM measures WHERE is_current = 1";

    private const string IndicatorColumns =
        "id AS Id, name AS Name, area AS Area, kind AS Kind, unit AS Unit, polarity AS Polarity, aggregation AS Aggregation, decimals AS Decimals, definition AS Definition, rolling_months AS RollingMonths, benchmark_measure AS BenchmarkMeasure";

    /// <summary>The local catalogue held: each local indicator's current definition, in the order first loaded.</summary>
    public IReadOnlyList<Indicator> LocalCatalogue() => Read(c => LocalCatalogue(c, null));

    /// <summary>Which local catalogue the store holds: a number that grows with each catalogue row loaded, 0 when there is none (for a cache of what depends on it).</summary>
    public long LocalCatalogueVersion() => Read(c => c.ExecuteScalar<long>("SELECT coalesce(max(row_id), 0) FROM local_indicators"));

    /// <summary>The whole catalogue: the national indicators, then the local ones held.</summary>
    public IReadOnlyList<Indicator> Catalogue() => [.. NationalIndicators.Indicators, .. LocalCatalogue()];

    /// <summary>The current ready-made figures of the local indicators, indicator by indicator in catalogue order, period by period.</summary>
    public IReadOnlyList<Measure> LocalMeasures() => Read(c =>
    {
        var catalogue = LocalCatalogue(c, null);
        return (IReadOnlyList<Measure>)ToMeasures(c.Query<MeasureRow>(
            CurrentMeasures), catalogue);
    });

    private static List<Indicator> LocalCatalogue(DbConnection c, DbTransaction? tx) =>
        [.. c.Query<IndicatorRow>($"SELECT {IndicatorColumns} FROM local_indicators WHERE is_current = 1 ORDER BY (SELECT min(f.row_id) FROM local_indicators f WHERE f.id = local_indicators.id), id", transaction: tx)
            .Select(r => r.ToIndicator())];

    /// <summary>Kept rows as measures, in the catalogue's order then by period (months before the year they end).</summary>
    private static List<Measure> ToMeasures(IEnumerable<MeasureRow> rows, IReadOnlyList<Indicator> catalogue)
    {
        var order = catalogue.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        return [.. rows.Where(r => order.ContainsKey(r.Indicator))
            .Select(r =>
            {
                var observation = new Observation(Optional(r.Value), Optional(r.Numerator), Optional(r.Denominator));
                var period = Period.Parse(r.Period);
                return period.AsMonth() is { } month ? Measure.ForMonth(r.Indicator, month, observation) : Measure.ForYear(r.Indicator, period.FinancialYear, observation);
            })
            .OrderBy(m => order[m.IndicatorId]).ThenBy(m => m.Period.LastMonth).ThenBy(m => m.Month is null)];
    }

    private static decimal? Optional(string? text) => text is null ? null : Number(text);

    private static string? Optional(decimal? value) => value is { } v ? Number(v) : null;

    /// <summary>
    /// Checks the local catalogue and measures files among <paramref name="files"/> as an import of them would, against
    /// what the store holds now, storing nothing (the web's check before an upload is accepted).
    /// </summary>
    /// <exception cref="InputException">Any of them holds any problem: every one.</exception>
    public void CheckLocal(IReadOnlyList<ReturnFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Read(c =>
        {
            using var tx = c.BeginTransaction();
            ReadLocal(c, tx, files);
            return 0;
        });
    }

    /// <summary>The local catalogue and measures files of an import, read and checked before anything is written.</summary>
    private sealed record LocalLoad(IReadOnlyList<Indicator> Catalogue, IReadOnlyList<Measure> Measures);

    /// <summary>
    /// Reads the import's local catalogue and measures files against what the store holds: a catalogue may not take a
    /// national id, nor change the polarity of an indicator that has targets, nor redefine one so that a figure held
    /// for it no longer fits; a measures file's indicators must be in the local catalogue (held, or imported with it),
    /// never national ones.
    /// </summary>
    /// <exception cref="InputException">Any file holds any problem: every one, and nothing is stored.</exception>
    private static LocalLoad ReadLocal(DbConnection c, DbTransaction tx, IReadOnlyList<ReturnFile> files)
    {
        var catalogueFile = files.FirstOrDefault(f => f.Kind == ReturnKind.Catalogue);
        var measuresFile = files.FirstOrDefault(f => f.Kind == ReturnKind.Measures);
        if (catalogueFile is null && measuresFile is null)
        {
            return new LocalLoad([], []);
        }

        var errors = new List<InputError>();
        var held = LocalCatalogue(c, tx);
        IReadOnlyList<Indicator> loaded = [];
        if (catalogueFile is not null)
        {
            var targeted = c.Query<(string Indicator, string Polarity)>("SELECT indicator, polarity FROM targets WHERE is_current = 1", transaction: tx)
                .ToLookup(t => t.Indicator, t => t.Polarity, StringComparer.OrdinalIgnoreCase);
            loaded = LocalFiles.ReadCatalogue(catalogueFile, errors, indicator =>
                NationalIndicators.Find(indicator.Id) is { } national
                    ? new Problem("id", $"'{indicator.Id}' is a national indicator ({national.Indicator.Name}): its definition is the DfE's and its figures are computed from the returns, so a local catalogue may not redefine it; give the local indicator another id.")
                    : targeted[indicator.Id].FirstOrDefault(p => p != indicator.Polarity.ToString()) is { } was
                        ? new Problem("polarity", $"'{indicator.Id}' has targets set with polarity {was.ToLowerInvariant()}, so its polarity cannot change to {indicator.Polarity.ToString().ToLowerInvariant()}: set its targets again after, or keep the polarity.")
                        : null);
        }

        var catalogue = held.Where(h => !loaded.Any(l => l.Id.Equals(h.Id, StringComparison.OrdinalIgnoreCase))).Concat(loaded).ToList();
        IReadOnlyList<Measure> measures = [];
        if (measuresFile is not null)
        {
            measures = LocalFiles.ReadMeasures(measuresFile, catalogue, errors, id =>
                NationalIndicators.Find(id) is { } national
                    ? $"'{id}' is a national indicator ({national.Indicator.Name}): its figures are computed from the child-level returns, never loaded from a measures file."
                    : null);
        }

        // A redefined indicator's figures held (and not replaced now) must still fit its new definition.
        if (catalogueFile is not null && loaded.Count > 0)
        {
            var replaced = measures.Select(m => (m.IndicatorId.ToUpperInvariant(), m.Period)).ToHashSet();
            var byId = loaded.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
            foreach (var m in ToMeasures(c.Query<MeasureRow>(CurrentMeasures, transaction: tx), held))
            {
                if (byId.TryGetValue(m.IndicatorId, out var now) && !replaced.Contains((m.IndicatorId.ToUpperInvariant(), m.Period)) && m.Check(now) is { } problem)
                {
                    errors.Add(new InputError(catalogueFile.Name, null, "id", $"the figure held for '{m.IndicatorId}' in {m.Period} would not fit the new definition ({problem.Field}: {problem.Message}); import its measures again with the catalogue."));
                }
            }
        }

        return errors.Count > 0 ? throw new InputException(errors) : new LocalLoad(loaded, measures);
    }

    /// <summary>Writes the local catalogue's rows and the ready-made figures of the files newly kept, each superseding the one held.</summary>
    private (int Indicators, int Measures) KeepLocal(DbConnection c, DbTransaction tx, DateTimeOffset at, IReadOnlyList<ImportedFile> done, LocalLoad load)
    {
        var catalogueImport = done.FirstOrDefault(d => d.File.Kind == ReturnKind.Catalogue && d.Outcome != ImportOutcome.Unchanged);
        var measuresImport = done.FirstOrDefault(d => d.File.Kind == ReturnKind.Measures && d.Outcome != ImportOutcome.Unchanged);
        var indicators = 0;
        var measures = 0;
        if (catalogueImport is not null)
        {
            foreach (var i in load.Catalogue)
            {
                c.Execute("UPDATE local_indicators SET is_current = 0 WHERE is_current = 1 AND lower(id) = lower(@Id)", new { i.Id }, tx);
                c.Execute(
                    """
                    INSERT INTO local_indicators (id, name, area, kind, unit, polarity, aggregation, decimals, definition, rolling_months, benchmark_measure, import_id, set_by, set_at, is_current)
                    VALUES (@Id, @Name, @Area, @Kind, @Unit, @Polarity, @Aggregation, @Decimals, @Definition, @RollingMonths, @BenchmarkMeasure, @Import, @User, @At, 1)
                    """,
                    new
                    {
                        i.Id,
                        i.Name,
                        i.Area,
                        Kind = i.Kind.ToString(),
                        Unit = i.Unit.ToString(),
                        Polarity = i.Polarity.ToString(),
                        Aggregation = i.Aggregation.ToString(),
                        i.Decimals,
                        i.Definition,
                        i.RollingMonths,
                        i.BenchmarkMeasure,
                        Import = catalogueImport.Id,
                        User,
                        At = Moment(at),
                    },
                    tx);
                indicators++;
            }
        }

        if (measuresImport is not null)
        {
            foreach (var m in load.Measures)
            {
                var period = m.Period.ToString();
                c.Execute("UPDATE measures SET is_current = 0 WHERE is_current = 1 AND indicator = @IndicatorId AND period = @period", new { m.IndicatorId, period }, tx);
                c.Execute(
                    "INSERT INTO measures (import_id, indicator, period, value, numerator, denominator, is_current) VALUES (@Import, @IndicatorId, @period, @Value, @Numerator, @Denominator, 1)",
                    new { Import = measuresImport.Id, m.IndicatorId, period, Value = Optional(m.Observation.Value), Numerator = Optional(m.Observation.Numerator), Denominator = Optional(m.Observation.Denominator) },
                    tx);
                measures++;
            }
        }

        return (indicators, measures);
    }

    /// <summary>Freezes the local catalogue and the ready-made figures to <paramref name="last"/> (a year's once it has ended) into a publication.</summary>
    private static int PublishLocal(DbConnection c, DbTransaction tx, long publication, Month last)
    {
        c.Execute(
            $"INSERT INTO published_indicators (publication_id, id, name, area, kind, unit, polarity, aggregation, decimals, definition, rolling_months, benchmark_measure) SELECT @publication, id, name, area, kind, unit, polarity, aggregation, decimals, definition, rolling_months, benchmark_measure FROM local_indicators WHERE is_current = 1",
            new { publication },
            tx);
        var shown = c.Query<MeasureRow>(CurrentMeasures, transaction: tx)
            .Where(r => Period.Parse(r.Period).LastMonth <= last).ToList();
        return c.Execute(
            "INSERT INTO published_measures (publication_id, indicator, period, value, numerator, denominator) VALUES (@publication, @Indicator, @Period, @Value, @Numerator, @Denominator)",
            shown.Select(r => new { publication, r.Indicator, r.Period, r.Value, r.Numerator, r.Denominator }),
            tx);
    }

    /// <summary>The local catalogue and ready-made figures a publication froze.</summary>
    private static (List<Indicator> Catalogue, List<Measure> Measures) PublishedLocal(DbConnection c, long publication)
    {
        var catalogue = c.Query<IndicatorRow>($"SELECT {IndicatorColumns} FROM published_indicators WHERE publication_id = @publication ORDER BY id", new { publication })
            .Select(r => r.ToIndicator()).ToList();
        var measures = ToMeasures(c.Query<MeasureRow>(
            "SELECT indicator AS Indicator, period AS Period, value AS Value, numerator AS Numerator, denominator AS Denominator FROM published_measures WHERE publication_id = @publication",
            new { publication }), catalogue);
        return (catalogue, measures);
    }

    /// <summary>
    /// The published ready-made figures a newer measures file revised (or that are no longer held): both values, a
    /// value worked out from the numerator and denominator where the file gave only those.
    /// </summary>
    private static IEnumerable<(long Publication, string Indicator, string Period, string? Published, string? Now)> RevisedLocal(DbConnection c)
    {
        var rows = c.Query<(long Publication, string Indicator, string Period, string? Value, string? Numerator, string? Denominator, long? Held, string? NowValue, string? NowNumerator, string? NowDenominator)>(
            """
            SELECT p.publication_id, p.indicator, p.period, p.value, p.numerator, p.denominator, m.row_id, m.value, m.numerator, m.denominator
            FROM published_measures p LEFT JOIN measures m ON m.is_current = 1 AND m.indicator = p.indicator AND m.period = p.period
            WHERE m.row_id IS NULL OR coalesce(m.value, '') <> coalesce(p.value, '') OR coalesce(m.numerator, '') <> coalesce(p.numerator, '') OR coalesce(m.denominator, '') <> coalesce(p.denominator, '')
            ORDER BY p.publication_id, p.indicator, p.period
            """).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var scales = LocalCatalogue(c, null).ToDictionary(i => i.Id, i => i.Scale, StringComparer.OrdinalIgnoreCase);
        string? Value(string? value, string? numerator, string? denominator, string indicator) =>
            value ?? (numerator is null || denominator is null ? null : Optional(new Observation(null, Number(numerator), Number(denominator)).ValueAt(scales.GetValueOrDefault(indicator, 1m))));
        return [.. rows.Select(r => (r.Publication, r.Indicator, r.Period, Value(r.Value, r.Numerator, r.Denominator, r.Indicator),
            r.Held is null ? null : Value(r.NowValue, r.NowNumerator, r.NowDenominator, r.Indicator)))];
    }
}
