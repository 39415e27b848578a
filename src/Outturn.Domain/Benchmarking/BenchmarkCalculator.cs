using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Benchmarking;

/// <summary>
/// Computes an authority's benchmark block from one measure's published figures (domain-anchors.md §4).
/// </summary>
public static class BenchmarkCalculator
{
    /// <summary>Computes the benchmark of <paramref name="authority"/> for the year of <paramref name="current"/>.</summary>
    /// <param name="indicatorId">The catalogue indicator the figures are for.</param>
    /// <param name="polarity">Whether high or low is good; none gives no best neighbour, band, rank or threshold.</param>
    /// <param name="authority">The authority benchmarked.</param>
    /// <param name="current">The year's figures.</param>
    /// <param name="previous">The previous year's figures, or null when not published.</param>
    /// <param name="neighbours">The neighbour group to compare with, or null when there is none.</param>
    /// <param name="method">Mean (the default, as LAIT) or median (as the CSC Outcomes dashboard).</param>
    /// <exception cref="ArgumentException"><paramref name="previous"/> is not the year before <paramref name="current"/>.</exception>
    public static AuthorityBenchmark Compute(string indicatorId, Polarity polarity, LocalAuthority authority,
        YearFigures current, YearFigures? previous, NeighbourSelection? neighbours, NeighbourAverage method = NeighbourAverage.Mean)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorId);
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(current);
        if (previous is not null && previous.Year != current.Year.Previous())
        {
            throw new ArgumentException($"The previous figures are for {previous.Year}, not {current.Year.Previous()}.", nameof(previous));
        }

        var own = current.Authorities.GetValueOrDefault(authority.Code);
        var value = own?.Value;
        var regionCode = own?.Authority.RegionCode ?? authority.RegionCode;
        return new AuthorityBenchmark
        {
            IndicatorId = indicatorId,
            Polarity = polarity,
            Year = current.Year,
            Authority = own?.Authority ?? authority,
            Value = value,
            National = current.National,
            Regional = regionCode is null ? null : current.Regions.GetValueOrDefault(regionCode),
            Neighbours = neighbours is null ? null : Compare(current, neighbours, polarity, method),
            Standing = Stand(current, value, polarity),
            YearOnYear = Change(current, previous, authority.Code, value, polarity),
        };
    }

    /// <summary>The mean or median of one or more values.</summary>
    /// <exception cref="ArgumentException">There are no values.</exception>
    public static decimal Average(IReadOnlyCollection<decimal> values, NeighbourAverage method)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("An average needs at least one value.", nameof(values));
        }

        return method == NeighbourAverage.Median
            ? Quartiles.Quantile(values.Order().ToArray(), 0.5m)
            : values.Sum() / values.Count;
    }

    private static NeighbourComparison Compare(YearFigures current, NeighbourSelection selection, Polarity polarity, NeighbourAverage method)
    {
        var figures = selection.Group.Neighbours
            .Select(n => current.Authorities.TryGetValue(n.Code, out var f)
                ? new NeighbourFigure(n.Code, f.Authority.Name, n.Closeness, f.Value, f.JointReturn)
                : new NeighbourFigure(n.Code, NameInModel(selection.Model, n.Code), n.Closeness, null))
            .ToArray();
        var used = figures.Where(f => f.IsUsed).ToArray();
        var numbers = used.Select(f => f.Value!.Number!.Value).ToArray();

        NeighbourFigure? best = null;
        if (polarity != Polarity.None)
        {
            foreach (var f in used)
            {
                if (best is null || Ranking.IsBetter(f.Value!.Number!.Value, best.Value!.Number!.Value, polarity))
                {
                    best = f;
                }
            }
        }

        return new NeighbourComparison(
            selection.Model.Name,
            selection.Group.Code,
            selection.Note,
            figures,
            method,
            numbers.Length == 0 ? null : Average(numbers, method),
            best);
    }

    private static string NameInModel(NeighbourModel model, string code) =>
        model.Groups.TryGetValue(code, out var g) ? g.Name : code;

    private static Standing? Stand(YearFigures current, PublishedValue? value, Polarity polarity)
    {
        var numbers = current.AuthorityNumbers().ToArray();
        if (numbers.Length == 0)
        {
            return null;
        }

        var quartiles = Quartiles.Of(numbers);
        var own = value?.Number;
        return new Standing(
            quartiles,
            quartiles.TopQuartileThreshold(polarity),
            own is { } v ? quartiles.Band(v, polarity) : null,
            own is { } w ? Ranking.RankOf(w, numbers, polarity) : null);
    }

    private static YearOnYear Change(YearFigures current, YearFigures? previous, string code, PublishedValue? value, Polarity polarity)
    {
        var before = previous?.Authorities.GetValueOrDefault(code)?.Value;
        decimal? change = value?.Number is { } now && before?.Number is { } then ? now - then : null;
        Travel? travel = change switch
        {
            null => null,
            > 0 => new Travel(Direction.Up, polarity == Polarity.None ? null : polarity == Polarity.High),
            < 0 => new Travel(Direction.Down, polarity == Polarity.None ? null : polarity == Polarity.Low),
            _ => new Travel(Direction.Level, null),
        };
        return new YearOnYear(current.Year.Previous(), before, change, travel);
    }
}
