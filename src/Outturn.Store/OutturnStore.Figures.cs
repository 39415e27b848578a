using Dapper;
using Outturn.App.Scorecards;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Store;

/// <summary>A figure as the store holds it: the figure, and where it came from.</summary>
/// <param name="Figure">The indicator's numerator and denominator for the period, and the days they cover.</param>
/// <param name="Computation">The computation it came from (see <c>outturn history</c>).</param>
public sealed record StoredFigure(IndicatorFigure Figure, long Computation);

/// <summary>Figures and targets.</summary>
public sealed partial class OutturnStore
{
    private sealed record FigureRow(long Computation, string Indicator, string Period, string Numerator, string Denominator, string CoversFrom, string CoversTo, string? HistoryFrom);

    private sealed record TargetRow(string Indicator, string Year, string Polarity, string Green, string? Amber, string SetBy, string SetAt);

    /// <summary>The current figures, indicator by indicator in catalogue order, month by month.</summary>
    public IReadOnlyList<StoredFigure> Figures() => CurrentFigures("", null);

    /// <summary>One indicator's current figure for a period, or null.</summary>
    internal StoredFigure? Figure(string indicator, Period period) =>
        CurrentFigures(" AND indicator = @indicator AND period = @period", new { indicator, period = period.ToString() }).SingleOrDefault();

    private IReadOnlyList<StoredFigure> CurrentFigures(string where, object? parameters) => Read(c =>
    {
        var rows = c.Query<FigureRow>(
            """
            SELECT computation_id AS Computation, indicator AS Indicator, period AS Period, numerator AS Numerator, denominator AS Denominator,
                   covers_from AS CoversFrom, covers_to AS CoversTo, history_from AS HistoryFrom
            FROM figures WHERE is_current = 1
            """ + where,
            parameters);
        var order = NationalIndicators.All.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return (IReadOnlyList<StoredFigure>)[.. rows
            .Where(r => order.ContainsKey(r.Indicator))
            .Select(r => new StoredFigure(
                new IndicatorFigure(NationalIndicators.Find(r.Indicator)!.Indicator, Period.Parse(r.Period), Number(r.Numerator), Number(r.Denominator))
                {
                    From = DateOnly.Parse(r.CoversFrom, System.Globalization.CultureInfo.InvariantCulture),
                    To = DateOnly.Parse(r.CoversTo, System.Globalization.CultureInfo.InvariantCulture),
                    HistoryFrom = r.HistoryFrom is null ? null : DateOnly.Parse(r.HistoryFrom, System.Globalization.CultureInfo.InvariantCulture),
                },
                r.Computation))
            .OrderBy(f => order[f.Figure.Indicator.Id]).ThenBy(f => f.Figure.Period.FirstMonth)];
    });

    /// <summary>
    /// The national indicators for a month or financial year as the store holds them: each figure, and each indicator
    /// whose return was not given with the returns missing (never a zero). How many of a figure's children carry a
    /// problem is not kept (the problems are, with the import).
    /// </summary>
    public NationalFigureSet FigureSet(Period period)
    {
        var absent = AbsentFigures();
        var figures = Figures().Where(f => f.Figure.Period == period).ToDictionary(f => f.Figure.Indicator.Id, f => f.Figure, StringComparer.Ordinal);
        return new NationalFigureSet(period, [.. NationalIndicators.All.Where(d => figures.ContainsKey(d.Id)).Select(d => new NationalFigure(figures[d.Id]))], absent);
    }

    /// <summary>Each national indicator whose returns the current figures were computed without, with the returns missing.</summary>
    /// <exception cref="StoreException">The store holds no figures.</exception>
    public IReadOnlyList<AbsentFigure> AbsentFigures()
    {
        var supplied = Read(c => c.ExecuteScalar<long?>("SELECT supplied FROM computations WHERE id = (SELECT max(computation_id) FROM figures WHERE is_current = 1)"))
            ?? throw NoFigures();
        return [.. NationalIndicators.All.Select(d => (d, Missing: d.Needs & ~(ReturnSources)supplied))
            .Where(x => x.Missing != ReturnSources.None).Select(x => new AbsentFigure(x.d.Indicator, x.Missing))];
    }

    /// <summary>The first day of the CIN census the current figures were computed from (history before it is not seen).</summary>
    public DateOnly? CinFrom() => Read(c =>
        c.ExecuteScalar<string?>("SELECT cin_from FROM computations WHERE id = (SELECT max(computation_id) FROM figures WHERE is_current = 1)") is { } d
            ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null);

    /// <summary>The latest month the store has figures for.</summary>
    /// <exception cref="StoreException">The store holds no figures yet.</exception>
    public Month RequireLatestMonth() => LatestMonth() ?? throw NoFigures();

    /// <summary>Why there is nothing to show: the store is empty, and how to fill it.</summary>
    internal StoreException NoFigures() =>
        new($"The store {Target} holds no figures yet: import returns (outturn import FILES...) or load the demo LA (outturn demo load).");

    /// <summary>The latest month the store has figures for, or null when it has none.</summary>
    public Month? LatestMonth() => Read(c =>
        new[]
        {
            c.ExecuteScalar<string?>("SELECT max(period) FROM figures WHERE is_current = 1 AND length(period) = 7"),
            c.ExecuteScalar<string?>("SELECT max(period) FROM measures WHERE is_current = 1 AND length(period) = 7"),
        }.OfType<string>().Max(StringComparer.Ordinal) is { } text ? Month.Parse(text) : (Month?)null);

    /// <summary>The current targets and tolerances, with who set each and when.</summary>
    public IReadOnlyList<(Target Target, string SetBy, string SetAt)> Targets() => Read(c =>
        (IReadOnlyList<(Target, string, string)>)[.. c.Query<TargetRow>(
            "SELECT indicator AS Indicator, year AS Year, polarity AS Polarity, green AS Green, amber AS Amber, set_by AS SetBy, set_at AS SetAt FROM targets WHERE is_current = 1 ORDER BY indicator, year")
            .Select(r => (new Target(r.Indicator, FinancialYear.Parse(r.Year), new Thresholds(Enum.Parse<Polarity>(r.Polarity), Number(r.Green), r.Amber is null ? null : Number(r.Amber))), r.SetBy, r.SetAt))]);

    /// <summary>
    /// Sets targets and tolerances (each replaces the one held for its indicator and year, which is kept), in one
    /// transaction, with who and when in the audit trail.
    /// </summary>
    public void SetTargets(IReadOnlyList<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Write((c, tx) =>
        {
            var at = Moment(Now);
            foreach (var t in targets)
            {
                c.Execute("UPDATE targets SET is_current = 0 WHERE indicator = @IndicatorId AND year = @Year AND is_current = 1", new { t.IndicatorId, Year = t.Year.ToString() }, tx);
                c.Execute(
                    "INSERT INTO targets (indicator, year, polarity, green, amber, set_by, set_at, is_current) VALUES (@IndicatorId, @Year, @Polarity, @Green, @Amber, @User, @At, 1)",
                    new { t.IndicatorId, Year = t.Year.ToString(), Polarity = t.Thresholds.Polarity.ToString(), Green = Number(t.Thresholds.Green), Amber = t.Thresholds.Amber is { } a ? Number(a) : null, User, At = at },
                    tx);
            }

            Audit(c, tx, Now, User, "targets", string.Join("; ", targets.Select(t => $"{t.IndicatorId} {t.Year}: green {Number(t.Thresholds.Green)}, amber {(t.Thresholds.Amber is { } a ? Number(a) : "none")}")));
            return 0;
        });
    }

    /// <summary>The scorecard's input from the store: the national and local catalogue, the current figures (computed and ready-made) and targets.</summary>
    public IScorecardSource Scorecard() => new StoreScorecardSource(this);

    /// <summary>
    /// The scorecard's input as <paramref name="publication"/> froze it: the catalogue, the figures of every month it
    /// published and the targets it published, whatever later returns or target changes made of them.
    /// </summary>
    public IScorecardSource PublishedScorecard(Publication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return new StorePublishedScorecardSource(this, publication);
    }

    /// <summary>The months' figures and the targets a publication froze, as the scorecard takes them.</summary>
    internal ScorecardInput PublishedInput(Publication publication) => Read(c =>
    {
        var order = NationalIndicators.All.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var figures = c.Query<(string Indicator, string Period, string Numerator, string Denominator)>(
                "SELECT indicator, period, numerator, denominator FROM published_figures WHERE publication_id = @Id AND length(period) = 7",
                new { publication.Id })
            .Where(r => order.ContainsKey(r.Indicator))
            .Select(r => new IndicatorFigure(NationalIndicators.Find(r.Indicator)!.Indicator, Period.Parse(r.Period), Number(r.Numerator), Number(r.Denominator)))
            .OrderBy(f => order[f.Indicator.Id]).ThenBy(f => f.Period.FirstMonth)
            .Select(f => f.ToMeasure())
            .ToList();
        var local = PublishedLocal(c, publication.Id);
        var targets = c.Query<TargetRow>(
                "SELECT indicator AS Indicator, year AS Year, polarity AS Polarity, green AS Green, amber AS Amber, '' AS SetBy, '' AS SetAt FROM published_targets WHERE publication_id = @Id ORDER BY indicator, year",
                new { publication.Id })
            .Select(r => new Target(r.Indicator, FinancialYear.Parse(r.Year), new Thresholds(Enum.Parse<Polarity>(r.Polarity), Number(r.Green), r.Amber is null ? null : Number(r.Amber))))
            .ToList();
        return new ScorecardInput([.. NationalIndicators.Indicators, .. local.Catalogue], targets, [.. figures, .. local.Measures]);
    });
}

/// <summary>The scorecard read from the store: nothing re-reads a return.</summary>
/// <param name="Store">The store.</param>
public sealed record StoreScorecardSource(OutturnStore Store) : IScorecardSource
{
    /// <inheritdoc />
    /// <exception cref="StoreException">The store holds no figures.</exception>
    public ScorecardInput Load()
    {
        var figures = Store.Figures();
        var local = Store.LocalMeasures();
        if (figures.Count == 0 && local.Count == 0)
        {
            throw Store.NoFigures();
        }

        // The national indicators' months' figures (the scorecard rolls them up into quarters and years itself), then
        // the local indicators' ready-made figures as their measures files gave them (months, or whole years).
        return new ScorecardInput(Store.Catalogue(), [.. Store.Targets().Select(t => t.Target)],
            [.. figures.Where(f => f.Figure.Period.Kind == PeriodKind.Month).Select(f => f.Figure.ToMeasure()), .. local]);
    }
}

/// <summary>The scorecard as a publication showed it: its frozen figures and targets, never the store's current ones.</summary>
/// <param name="Store">The store.</param>
/// <param name="Publication">The publication.</param>
public sealed record StorePublishedScorecardSource(OutturnStore Store, Publication Publication) : IScorecardSource
{
    /// <inheritdoc />
    public ScorecardInput Load() => Store.PublishedInput(Publication);
}
