using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;

namespace Outturn.Store;

/// <summary>A published statistics file as the store holds it: the release it came from, and who imported it.</summary>
/// <param name="Id">Its number.</param>
/// <param name="FileName">The file's name as imported.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="Release">The publication and release it came from (<see cref="PublishedReleases"/>).</param>
/// <param name="ImportedBy">Who imported it.</param>
/// <param name="ImportedAt">When (UTC, ISO 8601).</param>
public sealed record BenchmarkRelease(long Id, string FileName, string Sha256, string Release, string ImportedBy, string ImportedAt);

/// <summary>What importing published statistics did to one measure.</summary>
public enum BenchmarkOutcome
{
    /// <summary>The store held no figures for the measure: these are its first.</summary>
    New,

    /// <summary>The figures of another release were held: these replace them, and those are kept.</summary>
    Superseding,

    /// <summary>The figures of this release were held already: nothing changed.</summary>
    Unchanged,
}

/// <summary>One measure's figures imported from a release.</summary>
/// <param name="Measure">The measure's id in the mapping.</param>
/// <param name="Release">The release its figures come from.</param>
/// <param name="Outcome">What the import did.</param>
/// <param name="Figures">How many figures (England, regions and authorities, every year) the release holds for it.</param>
/// <param name="Superseded">The release whose figures it replaced, when it did.</param>
public sealed record BenchmarkMeasureImport(string Measure, BenchmarkRelease Release, BenchmarkOutcome Outcome, int Figures, BenchmarkRelease? Superseded);

/// <summary>What importing a folder of published statistics did.</summary>
/// <param name="Measures">Each mapped indicator's outcome, in mapping order.</param>
/// <param name="Neighbours">The statistical neighbour groupings' files as held.</param>
/// <param name="Lait">LAIT's table and data dictionary as held (empty when the folder has no <c>lait/</c> files).</param>
/// <param name="LaitMeasures">How many measures LAIT's table holds figures for.</param>
/// <param name="LaitNew">Whether LAIT's table or dictionary is one the store did not hold.</param>
public sealed record BenchmarkImport(IReadOnlyList<BenchmarkMeasureImport> Measures, IReadOnlyList<BenchmarkRelease> Neighbours, IReadOnlyList<BenchmarkRelease> Lait, int LaitMeasures, bool LaitNew)
{
    /// <summary>Whether nothing changed: every measure's release and LAIT's files were held already.</summary>
    public bool Unchanged => Measures.All(m => m.Outcome == BenchmarkOutcome.Unchanged) && !LaitNew;
}

/// <summary>Benchmarks: the DfE's published statistics, imported with the release each came from.</summary>
public sealed partial class OutturnStore
{
    private sealed record BenchmarkRow(string Year, string Level, string Code, string Name, string? OnsCode, string? RegionCode, string? RegionName, string? JointReturn, string Value);

    private const string ReleaseColumns = "id AS Id, file_name AS FileName, sha256 AS Sha256, release_name AS Release, imported_by AS ImportedBy, imported_at AS ImportedAt";

    /// <summary>One measure of a folder of published statistics as an import would read it.</summary>
    /// <param name="Measure">The measure's id in the mapping.</param>
    /// <param name="File">The file it is read from (the latest release its pattern matches).</param>
    /// <param name="Release">The release that file is of, as the folder's README names it.</param>
    /// <param name="Figures">How many figures (England, regions and authorities, every year) it holds for the measure.</param>
    public sealed record PublishedMeasureRead(string Measure, string File, string Release, int Figures);

    /// <summary>
    /// Reads a folder of published statistics as <see cref="ImportBenchmarks"/> would, every file checked, storing
    /// nothing: what each mapped measure would be read from.
    /// </summary>
    /// <exception cref="Formats.InputException">The folder, a file, a grouping or the mapping is missing or holds errors.</exception>
    public static IReadOnlyList<PublishedMeasureRead> CheckBenchmarks(string folder)
    {
        var (read, _, _, _, files) = ReadPublished(folder, null, null);
        return [.. read.Select(r => new PublishedMeasureRead(r.Measure.Id, Path.GetFileName(r.File), files[r.File].Release, Rows(r.Figures).Count()))];
    }

    /// <summary>Everything an import of the folder takes, read and checked before anything is written.</summary>
    private static (List<(PublishedMeasure Measure, string File, IReadOnlyDictionary<FinancialYear, YearFigures> Figures)> Read, List<string> NeighbourFiles, List<string> LaitFiles, int LaitMeasures,
        Dictionary<string, (byte[] Content, string Sha256, string Release)> Files) ReadPublished(string folder, string? measuresFile, IProgress<ImportStep>? progress)
    {
        var data = PublishedData.Open(folder, measuresFile is null ? null : PublishedMeasures.Read(measuresFile));
        progress?.Report(new($"Reading the published statistics in {data.Directory}."));
        var read = data.Indicators.Select(m => (Measure: m, File: data.FileOf(m), Figures: data.Figures(m))).ToList();
        _ = data.NeighbourModels;
        var neighbourFiles = new[] { NeighbourFiles.April2021FileName, NeighbourFiles.Model2025FileName }.Select(n => Path.Combine(data.Directory, n)).ToList();

        // LAIT's table and dictionary are kept whole, as received, and read from the store as from the folder: the
        // whole table is read here first, so a table with errors is refused before anything is written.
        List<string> laitFiles = [];
        var laitMeasures = 0;
        if (data.Lait is { } lait)
        {
            progress?.Report(new($"Reading LAIT's table {lait.TableFile} and its data dictionary."));
            lait.Prefetch(lait.Measures);
            laitMeasures = lait.Measures.Count(m => lait.Figures(m).Years.Count > 0);
            laitFiles = [Path.Combine(data.LaitFolder, lait.TableFile), Path.Combine(data.LaitFolder, LaitDictionary.FileName)];
        }

        var files = read.Select(r => r.File).Concat(neighbourFiles).Concat(laitFiles).Distinct(StringComparer.Ordinal)
            .Select(path => (Path: path, Content: File.ReadAllBytes(path)))
            .ToDictionary(f => f.Path, f => (f.Content, Sha256: Convert.ToHexStringLower(SHA256.HashData(f.Content)), Release: PublishedReleases.Of(f.Path)), StringComparer.Ordinal);
        return (read, neighbourFiles, laitFiles, laitMeasures, files);
    }

    /// <summary>
    /// Imports a folder of published statistics read through the measure mapping in <paramref name="measuresFile"/>
    /// (the shipped one when null): every
    /// mapped indicator's figures per year for England, each region and each authority, with the release of the file
    /// it is read from (its name, SHA-256 and the release its folder names), and the two statistical neighbour
    /// groupings as received; in one transaction, audited. A release held already changes nothing; another release of a
    /// measure supersedes the figures held for it, which are kept.
    /// </summary>
    /// <exception cref="Formats.InputException">The folder, a file, a grouping or the mapping is missing or holds errors; nothing is stored.</exception>
    public BenchmarkImport ImportBenchmarks(string folder, string? measuresFile = null, IProgress<ImportStep>? progress = null)
    {
        var (read, neighbourFiles, laitFiles, laitMeasures, files) = ReadPublished(folder, measuresFile, progress);
        var kept = neighbourFiles.Concat(laitFiles).ToList();
        return Write((c, tx) =>
        {
            var now = Now;
            var at = Moment(now);
            var releases = new Dictionary<string, (BenchmarkRelease Release, bool New)>(StringComparer.Ordinal);
            foreach (var (path, file) in files)
            {
                var held = c.QueryFirstOrDefault<BenchmarkRelease>($"SELECT {ReleaseColumns} FROM benchmark_releases WHERE sha256 = @Sha256", new { file.Sha256 }, tx);
                if (held is not null)
                {
                    releases[path] = (held, false);
                    continue;
                }

                var name = Path.GetFileName(path);
                var id = c.ExecuteScalar<long>(
                    "INSERT INTO benchmark_releases (file_name, sha256, release_name, imported_by, imported_at) VALUES (@name, @Sha256, @Release, @User, @at) RETURNING id",
                    new { name, file.Sha256, file.Release, User, at },
                    tx);
                releases[path] = (new BenchmarkRelease(id, name, file.Sha256, file.Release, User, at), true);
                if (kept.Contains(path, StringComparer.Ordinal))
                {
                    c.Execute("INSERT INTO benchmark_files (release_id, file_name, content) VALUES (@id, @name, @Content)", new { id, name, file.Content }, tx);
                }
            }

            var outcomes = new List<BenchmarkMeasureImport>();
            const string Storing = "Storing the published statistics.";
            progress?.Report(new(Storing, 0, read.Count));
            foreach (var (measure, path, figures) in read)
            {
                progress?.Report(new(Storing, outcomes.Count + 1, read.Count));
                var release = releases[path].Release;
                var rows = Rows(figures).ToList();
                if (c.ExecuteScalar<long>("SELECT count(*) FROM benchmark_figures WHERE release_id = @Id AND measure = @measure", new { release.Id, measure = measure.Id }, tx) > 0)
                {
                    outcomes.Add(new BenchmarkMeasureImport(measure.Id, release, BenchmarkOutcome.Unchanged, rows.Count, null));
                    continue;
                }

                var superseded = c.QueryFirstOrDefault<BenchmarkRelease>(
                    $"SELECT {ReleaseColumns} FROM benchmark_releases WHERE id = (SELECT max(release_id) FROM benchmark_figures WHERE measure = @measure AND is_current = 1)", new { measure = measure.Id }, tx);
                c.Execute("UPDATE benchmark_figures SET is_current = 0 WHERE measure = @measure AND is_current = 1", new { measure = measure.Id }, tx);
                InsertFigures(c, tx, release.Id, measure.Id, rows);
                outcomes.Add(new BenchmarkMeasureImport(measure.Id, release, superseded is null ? BenchmarkOutcome.New : BenchmarkOutcome.Superseding, rows.Count, superseded));
            }

            var laitNew = laitFiles.Any(p => releases[p].New);
            var result = new BenchmarkImport(outcomes, [.. neighbourFiles.Select(p => releases[p].Release)], [.. laitFiles.Select(p => releases[p].Release)], laitMeasures, laitNew);
            var changed = outcomes.Where(o => o.Outcome != BenchmarkOutcome.Unchanged).ToList();
            var newNeighbours = neighbourFiles.Where(p => releases[p].New).Select(Path.GetFileName).ToList();
            var newLait = laitFiles.Where(p => releases[p].New).Select(p => releases[p].Release).ToList();
            if (changed.Count > 0 || newNeighbours.Count > 0 || newLait.Count > 0)
            {
                Audit(c, tx, now, User, "benchmarks", string.Join("; ", changed.Select(o =>
                    $"{o.Measure}: {o.Figures} figures from {o.Release.FileName} ({o.Release.Release}; sha256 {o.Release.Sha256[..12]}){(o.Superseded is { } s ? $", superseding {s.FileName} ({s.Release})" : "")}")
                    .Concat(newNeighbours.Select(n => $"statistical neighbours: {n}"))
                    .Concat(newLait.Select(r => $"LAIT: {r.FileName} ({r.Release}; sha256 {r.Sha256[..12]}){(r.FileName.EndsWith(".parquet", StringComparison.Ordinal) ? $", {laitMeasures} measures with figures" : "")}"))));
            }

            return result;
        });
    }

    /// <summary>Whether the store holds published figures for any measure.</summary>
    public bool HoldsBenchmarks() => Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM benchmark_figures WHERE is_current = 1") > 0);

    /// <summary>The latest benchmark release the store holds (its id), or 0 when none: what changes when published statistics are imported.</summary>
    public long LatestBenchmarkRelease() => Read(c => c.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM benchmark_releases"));

    /// <summary>The ids of the measures the store holds published figures for.</summary>
    public IReadOnlySet<string> BenchmarkMeasures() => Read(c =>
        (IReadOnlySet<string>)c.Query<string>("SELECT DISTINCT measure FROM benchmark_figures WHERE is_current = 1").ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>A measure's current published figures for every year held, as the files gave them; null when none are held.</summary>
    public IReadOnlyDictionary<FinancialYear, YearFigures>? BenchmarkFigures(string measure) => Read(c =>
    {
        var rows = c.Query<BenchmarkRow>(
            """
            SELECT year AS Year, level AS Level, code AS Code, name AS Name, ons_code AS OnsCode, region_code AS RegionCode, region_name AS RegionName,
                   joint_return AS JointReturn, value AS Value
            FROM benchmark_figures WHERE is_current = 1 AND measure = @measure
            """,
            new { measure }).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        static PublishedValue Value(string text) => PublishedValue.TryParse(text, out var v) ? v : throw new StoreException($"A stored benchmark value '{text}' is not a number or marker.");
        return (IReadOnlyDictionary<FinancialYear, YearFigures>)rows.GroupBy(r => r.Year).ToDictionary(
            g => FinancialYear.Parse(g.Key),
            g => new YearFigures(
                FinancialYear.Parse(g.Key),
                g.FirstOrDefault(r => r.Level == "national") is { } n ? Value(n.Value) : null,
                g.Where(r => r.Level == "regional").Select(r => new RegionFigure(r.Code, r.Name, Value(r.Value))),
                g.Where(r => r.Level == "la").Select(r => new AuthorityFigure(new LocalAuthority(r.Code, r.Name, r.OnsCode, r.RegionCode, r.RegionName), Value(r.Value), r.JointReturn))));
    });

    /// <summary>The release a measure's current figures come from, or null when none are held.</summary>
    public BenchmarkRelease? BenchmarkReleaseOf(string measure) => Read(c =>
        c.QueryFirstOrDefault<BenchmarkRelease>(
            $"SELECT {ReleaseColumns} FROM benchmark_releases WHERE id = (SELECT max(release_id) FROM benchmark_figures WHERE measure = @measure AND is_current = 1)", new { measure }));

    /// <summary>The statistical neighbour groupings as last imported, by file name, as received.</summary>
    public IReadOnlyDictionary<string, byte[]> BenchmarkNeighbourFiles() => Read(c =>
        (IReadOnlyDictionary<string, byte[]>)c.Query<(string Name, byte[] Content)>(
                "SELECT f.file_name, f.content FROM benchmark_files f WHERE f.release_id = (SELECT max(g.release_id) FROM benchmark_files g WHERE g.file_name = f.file_name)")
            .ToDictionary(r => r.Name, r => r.Content, StringComparer.Ordinal));

    /// <summary>
    /// LAIT's table and data dictionary as last imported, each with the release it came from and its content; null
    /// when the store holds neither.
    /// </summary>
    /// <exception cref="StoreException">The store holds one of the two without the other.</exception>
    public (BenchmarkRelease Table, byte[] TableContent, BenchmarkRelease Dictionary, byte[] DictionaryContent)? LaitFiles() => Read(c =>
    {
        (BenchmarkRelease Release, byte[] Content)? Latest(string where, object? args) =>
            c.Query<(long Id, byte[] Content)>($"SELECT f.release_id, f.content FROM benchmark_files f WHERE {where} ORDER BY f.release_id DESC LIMIT 1", args)
                .Select(f => (c.QueryFirst<BenchmarkRelease>($"SELECT {ReleaseColumns} FROM benchmark_releases WHERE id = @Id", new { f.Id }), f.Content))
                .Cast<(BenchmarkRelease, byte[])?>().FirstOrDefault();

        var table = Latest("f.file_name LIKE 'bds!_long!_%.parquet' ESCAPE '!'", null);
        var dictionary = Latest("f.file_name = @name", new { name = LaitDictionary.FileName });
        return (table, dictionary) switch
        {
            (null, null) => ((BenchmarkRelease, byte[], BenchmarkRelease, byte[])?)null,
            ({ } t, { } d) => (t.Release, t.Content, d.Release, d.Content),
            _ => throw new StoreException($"the store {Target} holds LAIT's {(table is null ? "data dictionary without its table" : "table without its data dictionary")}: import the published statistics folder again."),
        };
    });

    /// <summary>The published figures a measure's years hold, a row each: England, the regions, the authorities.</summary>
    private static IEnumerable<BenchmarkRow> Rows(IReadOnlyDictionary<FinancialYear, YearFigures> figures)
    {
        foreach (var (year, y) in figures.OrderBy(f => f.Key))
        {
            var text = year.ToString();
            if (y.National is { } national)
            {
                yield return new BenchmarkRow(text, "national", "E92000001", "England", null, null, null, null, national.ToString());
            }

            foreach (var r in y.Regions.Values.OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                yield return new BenchmarkRow(text, "regional", r.Code, r.Name, null, null, null, null, r.Value.ToString());
            }

            foreach (var a in y.Authorities.Values.OrderBy(a => a.Authority.Code, StringComparer.Ordinal))
            {
                yield return new BenchmarkRow(text, "la", a.Authority.Code, a.Authority.Name, a.Authority.OnsCode, a.Authority.RegionCode, a.Authority.RegionName, a.JointReturn, a.Value.ToString());
            }
        }
    }

    /// <summary>Inserts a measure's rows, many to a statement (one round trip per hundred rows, not per row).</summary>
    private static void InsertFigures(DbConnection c, DbTransaction tx, long release, string measure, IReadOnlyList<BenchmarkRow> rows)
    {
        const int batch = 100;
        for (var start = 0; start < rows.Count; start += batch)
        {
            var sql = new StringBuilder("INSERT INTO benchmark_figures (release_id, measure, year, level, code, name, ons_code, region_code, region_name, joint_return, value, is_current) VALUES ");
            var parameters = new DynamicParameters(new { release, measure });
            foreach (var (row, i) in rows.Skip(start).Take(batch).Select((r, i) => (r, i)))
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@release, @measure, @y{i}, @l{i}, @c{i}, @n{i}, @o{i}, @rc{i}, @rn{i}, @j{i}, @v{i}, 1)");
                parameters.Add($"y{i}", row.Year);
                parameters.Add($"l{i}", row.Level);
                parameters.Add($"c{i}", row.Code);
                parameters.Add($"n{i}", row.Name);
                parameters.Add($"o{i}", row.OnsCode, System.Data.DbType.String);
                parameters.Add($"rc{i}", row.RegionCode, System.Data.DbType.String);
                parameters.Add($"rn{i}", row.RegionName, System.Data.DbType.String);
                parameters.Add($"j{i}", row.JointReturn, System.Data.DbType.String);
                parameters.Add($"v{i}", row.Value);
            }

            c.Execute(sql.ToString(), parameters, tx);
        }
    }
}
