using System.Security.Claims;
using Outturn.App.Reports;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Store;
using Outturn.Web.Accounts;

namespace Outturn.Web.Scorecards;

/// <summary>Which scorecard a request asks for: the period it is as at, and which rows.</summary>
/// <param name="Period">The month, quarter or financial year asked for; null for the latest.</param>
/// <param name="Area">Only this service area; null for all.</param>
/// <param name="Rag">Only rows whose year-to-date RAG is this; null for all.</param>
/// <param name="Kind">Only this kind of indicator; null for all.</param>
/// <param name="Published">The publication (its month or quarter) whose figures to show; null for the latest figures (for a member, the latest publication).</param>
public sealed record ScorecardQuery(Period? Period = null, string? Area = null, Rag? Rag = null, IndicatorKind? Kind = null, Period? Published = null)
{
    /// <summary>
    /// The query a page's query string gives: <c>period</c> (2025-03, 2024-25Q4 or 2024-25), <c>area</c>, <c>rag</c>,
    /// <c>kind</c>, <c>published</c> (a publication's month or quarter); anything unreadable is left out.
    /// </summary>
    public static ScorecardQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        return new ScorecardQuery(
            Domain.Periods.Period.TryParse(Text(query["period"]), out var p) ? p : null,
            Text(query["area"]),
            Enum.TryParse<Rag>(Text(query["rag"]), ignoreCase: true, out var rag) && Enum.IsDefined(rag) ? rag : null,
            Enum.TryParse<IndicatorKind>(Text(query["kind"]), ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null,
            Domain.Periods.Period.TryParse(Text(query["published"]), out var published) ? published : null);
    }

    /// <summary>The query string of this query (for links and downloads), with <paramref name="extra"/> added.</summary>
    public string ToQueryString(params (string Key, string Value)[] extra)
    {
        var parts = new List<(string, string)>();
        if (Period is { } p)
        {
            parts.Add(("period", p.ToString()));
        }

        if (Area is { } a)
        {
            parts.Add(("area", a));
        }

        if (Rag is { } r)
        {
            parts.Add(("rag", r.ToString().ToLowerInvariant()));
        }

        if (Kind is { } k)
        {
            parts.Add(("kind", k.ToString().ToLowerInvariant()));
        }

        if (Published is { } published)
        {
            parts.Add(("published", published.ToString()));
        }

        parts.AddRange(extra);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts.Select(x => $"{Uri.EscapeDataString(x.Item1)}={Uri.EscapeDataString(x.Item2)}"));
    }
}

/// <summary>A scorecard as a person may see it.</summary>
/// <param name="Scorecard">The rows the filters keep.</param>
/// <param name="Whole">Every row (for the filters' choices).</param>
/// <param name="Month">The month it is as at.</param>
/// <param name="Published">The publication it shows, or null for the latest figures.</param>
/// <param name="Suppressed">Whether small numbers are withheld (as in anything published).</param>
/// <param name="Latest">The latest month the figures shown hold.</param>
/// <param name="Revisions">Figures a publication showed that later returns revised (on the latest figures only).</param>
/// <param name="Publications">The publications the person may choose, latest first.</param>
public sealed record ScorecardPage(Scorecard Scorecard, Scorecard Whole, Month Month, Publication? Published, bool Suppressed, Month Latest, IReadOnlyList<RevisedFigure> Revisions, IReadOnlyList<Publication> Publications)
{
    private string? _table;

    /// <summary>The scorecard's table as the HTML writer draws it (with a line of monthly figures and each revised cell's note), drawn once.</summary>
    public string Table => _table ??= DrawTable();

    private string DrawTable()
    {
        var table = new System.Text.StringBuilder();
        ScorecardHtml.AppendTable(table, ScorecardView.Build(Scorecard), (row, column) => Note(row.Indicator, column.Period), monthLines: true);
        return table.ToString();
    }

    /// <summary>
    /// What a month's figure cell says besides its figure: on the latest figures, that the figure was revised since a
    /// publication showed it, and what it showed (the latest publication that showed the month); otherwise nothing.
    /// </summary>
    public string? Note(Indicator indicator, Period? column)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (column?.AsMonth() is not { } month)
        {
            return null;
        }

        var revised = Revisions.LastOrDefault(r => r.Indicator == indicator.Id && r.Period == month.ToString());
        return revised is null ? null : $"revised: {revised.Publication.Period} showed {Display.Value(revised.Published, indicator)}";
    }
}

/// <summary>
/// The scorecards of the web pages, through the same calculation as <c>outturn scorecard</c>
/// (<see cref="ScorecardCalculator"/>): the latest figures from the store, or a publication's frozen figures and targets
/// (<see cref="OutturnStore.PublishedScorecard"/>) with small numbers withheld as they were published
/// (<see cref="SmallNumbers"/> with <see cref="SuppressionPolicy.Default"/>). Members see only publications.
/// </summary>
/// <remarks>The benchmark columns are our authority's from the published statistics the store holds now
/// (<see cref="WebBenchmarks"/>), on the latest figures and on a publication's alike.</remarks>
/// <param name="store">The store.</param>
/// <param name="benchmarks">Our authority's benchmarks.</param>
public sealed class WebScorecards(OutturnStore store, WebBenchmarks benchmarks) : IDisposable
{
    private readonly OutturnStore.StoreChanges _changes = store.WatchChanges();

    /// <summary>How many scorecards are kept between two changes to the store at most (each period, filter and publication asked for is one).</summary>
    private const int MostKept = 500;

    private readonly Lock _gate = new();
    private long _change = -1;
    private IReadOnlyList<Publication> _publications = [];
    private Month? _latest;
    private readonly Dictionary<(long? Publication, Month Month), Lazy<(Scorecard Whole, IReadOnlyList<RevisedFigure> Revisions)>> _computed = [];
    private readonly Dictionary<(long? Publication, Month Month, string? Area, Rag? Rag, IndicatorKind? Kind), Lazy<ScorecardPage>> _pages = [];
    private readonly Dictionary<Quarter, Lazy<CommitteeReport>> _reports = [];

    /// <summary>
    /// The store as of its latest change: that change, the publications and the latest month with figures. What was
    /// worked out before it (scorecards, their tables, reports) is kept until the store changes, when it is forgotten.
    /// One query per request finds out; on several instances each sees every change, as each is in the store's audit
    /// trail (<see cref="OutturnStore.LatestChange"/>).
    /// </summary>
    private (long Change, IReadOnlyList<Publication> Publications, Month? Latest) Now()
    {
        var change = _changes.Latest();
        lock (_gate)
        {
            if (change != _change || _pages.Count + _computed.Count + _reports.Count > MostKept)
            {
                _computed.Clear();
                _pages.Clear();
                _reports.Clear();
                _publications = store.Publications();
                _latest = store.LatestMonth();
                _change = change;
            }

            return (_change, _publications, _latest);
        }
    }

    /// <summary>
    /// What is kept under <paramref name="key"/>, worked out by the first request to ask (the others asking meanwhile
    /// wait for it rather than each working it out again, as a cold start under many users would), as of
    /// <paramref name="change"/>. A failure is not kept: the next request tries again.
    /// </summary>
    private TValue Kept<TKey, TValue>(long change, Dictionary<TKey, Lazy<TValue>> kept, TKey key, Func<TValue> work)
        where TKey : notnull
    {
        Lazy<TValue>? lazy;
        lock (_gate)
        {
            // Worked out from what the store held at an earlier change: right for this request, not kept for later ones.
            if (change != _change)
            {
                lazy = null;
            }
            else if (!kept.TryGetValue(key, out lazy))
            {
                lazy = new Lazy<TValue>(work, LazyThreadSafetyMode.ExecutionAndPublication);
                kept[key] = lazy;
            }
        }

        if (lazy is null)
        {
            return work();
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (kept.TryGetValue(key, out var held) && ReferenceEquals(held, lazy))
                {
                    kept.Remove(key);
                }
            }

            throw;
        }
    }

    /// <summary>Closes the connection kept for asking the store's latest change.</summary>
    public void Dispose() => _changes.Dispose();

    /// <summary>Whether the person sees only what was published (a member).</summary>
    public static bool PublishedOnly(ClaimsPrincipal person) => !WebPolicies.Allows(WebPolicies.Service, person?.FindFirst(ClaimTypes.Role)?.Value);

    /// <summary>The latest month the person may see: the store's latest, or for a member the last published month; null when there is none.</summary>
    public Month? Latest(ClaimsPrincipal person, out Publication? publication)
    {
        (_, var month, publication) = LatestFor(person);
        return month;
    }

    /// <summary><see cref="Latest"/>, with the store's change it is as of.</summary>
    private (long Change, Month? Month, Publication? Publication) LatestFor(ClaimsPrincipal person)
    {
        var (change, publications, latestFigures) = Now();
        if (!PublishedOnly(person))
        {
            return (change, latestFigures, null);
        }

        var publication = LatestPublication(publications);
        return (change, publication is null ? null : Period.Parse(publication.Period).LastMonth, publication);
    }

    private static Publication? LatestPublication(IReadOnlyList<Publication> publications) =>
        publications.OrderBy(p => Period.Parse(p.Period).LastMonth).ThenBy(p => p.Id).LastOrDefault();

    /// <summary>
    /// The scorecard asked for, as the person may see it: a member the publication asked for (else the latest one);
    /// anyone else the latest figures with revised ones marked, or a publication asked for. Null when there is nothing
    /// they may see.
    /// </summary>
    public ScorecardPage? For(ClaimsPrincipal person, ScorecardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (change, publications, latestFigures) = Now();
        var asked = query.Published is { } p ? publications.FirstOrDefault(x => x.Period == p.ToString()) : null;
        var publication = PublishedOnly(person) ? asked ?? LatestPublication(publications) : asked;
        Month? latest = publication is null ? latestFigures : Period.Parse(publication.Period).LastMonth;
        if (latest is not { } last)
        {
            return null;
        }

        var wanted = query.Period?.LastMonth ?? last;
        var month = wanted > last ? last : wanted;
        return Kept(change, _pages, (publication?.Id, month, query.Area?.ToUpperInvariant(), query.Rag, query.Kind), () =>
        {
            var (whole, revisions) = Kept(change, _computed, (publication?.Id, month), () => Compute(publication, month));
            var rows = whole.Rows.Where(r =>
                (query.Area is null || string.Equals(r.Indicator.Area, query.Area, StringComparison.OrdinalIgnoreCase))
                && (query.Rag is null || r.RagYear == query.Rag)
                && (query.Kind is null || r.Indicator.Kind == query.Kind)).ToList();
            var choices = publications.OrderByDescending(x => Period.Parse(x.Period).LastMonth).ThenByDescending(x => x.Id).ToList();
            return new ScorecardPage(whole with { Rows = rows }, whole, month, publication, publication is not null, last, revisions, choices);
        });
    }

    /// <summary>The whole scorecard for the month: a publication's with small numbers withheld, or the latest figures' with the revisions to them.</summary>
    private (Scorecard Whole, IReadOnlyList<RevisedFigure> Revisions) Compute(Publication? publication, Month month) =>
        publication is not null
            ? (SmallNumbers.Protect(benchmarks.Fill(store.PublishedScorecard(publication).Load()), month, SuppressionPolicy.Default, new Publications(3)).Scorecard, [])
            : (ScorecardCalculator.Compute(benchmarks.Fill(store.Scorecard().Load()), month), [.. store.Revisions().Where(r => Period.Parse(r.Period).LastMonth <= month)]);

    /// <summary>
    /// The committee report for the quarter ending at or before the month the person may see (the report's charts and
    /// narrative: drafted from the data where the store holds no commentary), small numbers withheld as in any report.
    /// </summary>
    public CommitteeReport? Report(ClaimsPrincipal person, Quarter? quarter = null)
    {
        var (change, month, _) = LatestFor(person);
        if (month is not { } latest)
        {
            return null;
        }

        var q = quarter ?? (latest == latest.Quarter.LastMonth ? latest.Quarter : latest.Quarter.Previous());
        if (q.LastMonth > latest)
        {
            return null;
        }

        return Kept(change, _reports, q, () => CommitteeReports.Build(benchmarks.Fill(store.Scorecard().Load()), q, SuppressionPolicy.Default, store.Narrative(q)));
    }
}
