using Outturn.Domain.Periods;

namespace Outturn.Domain.Indicators;

/// <summary>
/// The comparison figures for one indicator and year, as published (seed 002 "Latest benchmarking").
/// </summary>
/// <param name="IndicatorId">The catalogue indicator.</param>
/// <param name="Year">The year the figures describe (published the autumn after it ends).</param>
/// <param name="StatNeighbourAverage">The average of the LA's ten statistical neighbours.</param>
/// <param name="BestStatNeighbour">The best of the ten, by polarity.</param>
/// <param name="National">England, as published.</param>
/// <param name="Regional">The LA's region, as published.</param>
/// <param name="TopQuartile">The value at which an LA enters the top quartile.</param>
public sealed record Benchmark(
    string IndicatorId,
    FinancialYear Year,
    decimal? StatNeighbourAverage,
    decimal? BestStatNeighbour,
    decimal? National,
    decimal? Regional,
    decimal? TopQuartile);
