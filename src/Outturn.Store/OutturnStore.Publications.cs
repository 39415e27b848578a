using System.Data.Common;
using Dapper;
using Outturn.Domain.Periods;

namespace Outturn.Store;

/// <summary>A published month or quarter.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Period">The month (<c>2025-03</c>) or quarter (<c>2024-25Q4</c>).</param>
/// <param name="By">Who published it.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
public sealed record Publication(long Id, string Period, string By, string At);

/// <summary>A published figure that later returns revised: both, as published and as now.</summary>
/// <param name="Publication">The publication it was shown in.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The month.</param>
/// <param name="Published">The value as published (null when there was none).</param>
/// <param name="Now">The value now (null when there is none).</param>
public sealed record RevisedFigure(Publication Publication, string Indicator, string Period, decimal? Published, decimal? Now);

/// <summary>One piece of commentary: on a service area (or one of its indicators), for a month or quarter.</summary>
/// <param name="Period">The month or quarter.</param>
/// <param name="Area">The service area as the catalogue names it.</param>
/// <param name="Indicator">The indicator it is about, or null for the whole area.</param>
/// <param name="Heading">"What's working well", "Areas of challenge and focus" or "Commentary".</param>
/// <param name="Body">Markdown.</param>
/// <param name="Status"><c>draft</c> or <c>agreed</c>.</param>
/// <param name="Author">Who wrote it.</param>
public sealed record Commentary(string Period, string Area, string? Indicator, string Heading, string Body, string Status, string Author)
{
    /// <summary>The seeds' first heading.</summary>
    public const string WorkingWell = "What's working well";

    /// <summary>The seeds' second heading.</summary>
    public const string Challenges = "Areas of challenge and focus";

    /// <summary>The free commentary under both.</summary>
    public const string General = "Commentary";

    /// <summary>A report's narrative kept as commentary for a quarter: the three headings of each area.</summary>
    public static IReadOnlyList<Commentary> FromNarrative(IReadOnlyList<Formats.Reports.AreaNarrative> areas, Quarter quarter, string status, string author)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return [.. areas.SelectMany(a => new[]
        {
            new Commentary(quarter.ToString(), a.Area, null, WorkingWell, string.Join("\n", a.WorkingWell), status, author),
            new Commentary(quarter.ToString(), a.Area, null, Challenges, string.Join("\n", a.Challenges), status, author),
            new Commentary(quarter.ToString(), a.Area, null, General, a.Commentary, status, author),
        })];
    }
}

/// <summary>Commentary and publications.</summary>
public sealed partial class OutturnStore
{
    /// <summary>Adds commentary (each replaces what is held for its period, area, indicator and heading, which is kept).</summary>
    public void WriteCommentary(IReadOnlyList<Commentary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Write((c, tx) =>
        {
            var at = Now;
            foreach (var item in items)
            {
                if (item.Status is not ("draft" or "agreed"))
                {
                    throw new StoreException($"Commentary is draft or agreed, not '{item.Status}'.");
                }

                c.Execute(
                    "UPDATE commentary SET is_current = 0 WHERE is_current = 1 AND period = @Period AND area = @Area AND heading = @Heading AND coalesce(indicator, '') = coalesce(@Indicator, '')",
                    item,
                    tx);
                c.Execute(
                    "INSERT INTO commentary (period, area, indicator, heading, body, status, author, written_at, is_current) VALUES (@Period, @Area, @Indicator, @Heading, @Body, @Status, @Author, @At, 1)",
                    new { item.Period, item.Area, item.Indicator, item.Heading, item.Body, item.Status, item.Author, At = Moment(at) },
                    tx);
            }

            Audit(c, tx, at, User, "commentary", string.Join("; ", items.Select(i => $"{i.Period} {i.Area}{(i.Indicator is null ? "" : " " + i.Indicator)}: {i.Heading} ({i.Status}, by {i.Author})")));
            return 0;
        });
    }

    /// <summary>The current commentary for a month or quarter, area by area.</summary>
    public IReadOnlyList<Commentary> CommentaryFor(Period period) => Read(c =>
        (IReadOnlyList<Commentary>)[.. c.Query<Commentary>(
            "SELECT period AS Period, area AS Area, indicator AS Indicator, heading AS Heading, body AS Body, status AS Status, author AS Author FROM commentary WHERE is_current = 1 AND period = @Period ORDER BY id",
            new { Period = period.ToString() })]);

    /// <summary>
    /// Every piece of commentary ever written on a service area (its indicators' too), newest first, with when it was
    /// written and whether it is still the current one for its period and heading.
    /// </summary>
    public IReadOnlyList<(Commentary Commentary, string WrittenAt, bool Current)> CommentaryHistory(string area) => Read(c =>
        (IReadOnlyList<(Commentary, string, bool)>)[.. c.Query<CommentaryRow>(
            "SELECT period AS Period, area AS Area, indicator AS Indicator, heading AS Heading, body AS Body, status AS Status, author AS Author, written_at AS WrittenAt, is_current AS IsCurrent FROM commentary WHERE area = @area ORDER BY id DESC",
            new { area })
            .Select(r => (new Commentary(r.Period, r.Area, r.Indicator, r.Heading, r.Body, r.Status, r.Author), r.WrittenAt, r.IsCurrent == 1))]);

    /// <summary>A row of <c>commentary</c> (a class: Dapper converts INTEGER on either provider).</summary>
    private sealed class CommentaryRow
    {
        public string Period { get; init; } = "";

        public string Area { get; init; } = "";

        public string? Indicator { get; init; }

        public string Heading { get; init; } = "";

        public string Body { get; init; } = "";

        public string Status { get; init; } = "";

        public string Author { get; init; } = "";

        public string WrittenAt { get; init; } = "";

        public long IsCurrent { get; init; }
    }

    /// <summary>The commentary held for a quarter as the report's narrative, area by area; null when there is none.</summary>
    public IReadOnlyList<Formats.Reports.AreaNarrative>? Narrative(Quarter quarter)
    {
        var items = CommentaryFor(quarter);
        if (items.Count == 0)
        {
            return null;
        }

        static IReadOnlyList<string> Lines(IEnumerable<Commentary> of, string heading) =>
            [.. of.Where(c => c.Heading == heading && c.Indicator is null).SelectMany(c => c.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))];
        return [.. items.GroupBy(c => c.Area).Select(area => new Formats.Reports.AreaNarrative(
            area.Key, Lines(area, Commentary.WorkingWell), Lines(area, Commentary.Challenges), string.Join("\n\n", area.Where(c => c.Heading == Commentary.General && c.Indicator is null).Select(c => c.Body))))];
    }

    /// <summary>
    /// Publishes a month or a quarter: the figures of every month to its end, the targets and its commentary, frozen as
    /// shown. A publication never changes (the store refuses to alter its rows), and a period is published once.
    /// </summary>
    /// <exception cref="StoreException">It was published already, or the store has no figure for its last month.</exception>
    public Publication Publish(Period period)
    {
        if (period.Kind == PeriodKind.Year)
        {
            throw new StoreException("Publish a month (--month 2025-03) or a quarter (--quarter 2024-25Q4).");
        }

        return Write((c, tx) =>
        {
            if (PublicationOf(c, tx, period.ToString()) is { } done)
            {
                throw new StoreException($"{period} was published on {done.At} by {done.By}; a publication never changes.");
            }

            var last = period.LastMonth.ToString();
            var computation = c.ExecuteScalar<long?>("SELECT max(computation_id) FROM figures WHERE is_current = 1 AND period = @last", new { last }, tx)
                ?? throw new StoreException($"The store has no figures for {last}: import its returns before publishing {period}.");
            var at = Moment(Now);
            var id = c.ExecuteScalar<long>(
                "INSERT INTO publications (period, published_by, published_at, computation_id) VALUES (@Period, @User, @At, @Computation) RETURNING id",
                new { Period = period.ToString(), User, At = at, Computation = computation },
                tx);
            var figures = c.Execute(
                """
                INSERT INTO published_figures (publication_id, indicator, period, numerator, denominator, value)
                SELECT @id, indicator, period, numerator, denominator, value FROM figures WHERE is_current = 1 AND length(period) = 7 AND period <= @last
                """,
                new { id, last },
                tx);
            figures += PublishLocal(c, tx, id, period.LastMonth);
            c.Execute(
                "INSERT INTO published_targets (publication_id, indicator, year, polarity, green, amber) SELECT @id, indicator, year, polarity, green, amber FROM targets WHERE is_current = 1",
                new { id },
                tx);
            c.Execute(
                """
                INSERT INTO published_commentary (publication_id, area, indicator, heading, body, status, author)
                SELECT @id, area, indicator, heading, body, status, author FROM commentary WHERE is_current = 1 AND period = @Period
                """,
                new { id, Period = period.ToString() },
                tx);
            Audit(c, tx, Now, User, "publish", $"{period}: {figures} figures (computation #{computation}), the targets and commentary as shown");
            return new Publication(id, period.ToString(), User, at);
        });
    }

    /// <summary>The publications, oldest first.</summary>
    public IReadOnlyList<Publication> Publications() => Read(c =>
        (IReadOnlyList<Publication>)[.. c.Query<Publication>("SELECT id AS Id, period AS Period, published_by AS By, published_at AS At FROM publications ORDER BY id")]);

    /// <summary>
    /// The published figures that later returns revised: each figure whose numerator or denominator now differs from
    /// what a publication showed, with both values; and each ready-made figure a newer measures file changed.
    /// </summary>
    public IReadOnlyList<RevisedFigure> Revisions() => Read(c =>
    {
        var publications = c.Query<Publication>("SELECT id AS Id, period AS Period, published_by AS By, published_at AS At FROM publications").ToDictionary(p => p.Id);
        return (IReadOnlyList<RevisedFigure>)[.. c.Query<(long Publication, string Indicator, string Period, string? Published, string? Now)>(
            """
            SELECT p.publication_id, p.indicator, p.period, p.value, f.value
            FROM published_figures p LEFT JOIN figures f ON f.is_current = 1 AND f.indicator = p.indicator AND f.period = p.period
            WHERE f.numerator IS NULL OR f.numerator <> p.numerator OR f.denominator <> p.denominator
            ORDER BY p.publication_id, p.indicator, p.period
            """)
            .Concat(RevisedLocal(c))
            .OrderBy(r => r.Publication)
            .Select(r => new RevisedFigure(publications[r.Publication], r.Indicator, r.Period, r.Published is null ? null : Number(r.Published), r.Now is null ? null : Number(r.Now)))];
    });

    /// <summary>The figures as a publication showed them: (indicator, month) to value.</summary>
    public IReadOnlyDictionary<(string Indicator, string Period), decimal?> PublishedFigures(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return Read(c => c.Query<(string Indicator, string Period, string? Value)>(
                "SELECT indicator, period, value FROM published_figures WHERE publication_id = @Id UNION ALL SELECT indicator, period, value FROM published_measures WHERE publication_id = @Id", new { publication.Id })
            .ToDictionary(r => (r.Indicator, r.Period), r => r.Value is null ? (decimal?)null : Number(r.Value)));
    }

    private static Publication? PublicationOf(DbConnection c, DbTransaction tx, string period) =>
        c.QueryFirstOrDefault<Publication>("SELECT id AS Id, period AS Period, published_by AS By, published_at AS At FROM publications WHERE period = @period", new { period }, tx);
}
