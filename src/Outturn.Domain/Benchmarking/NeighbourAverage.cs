namespace Outturn.Domain.Benchmarking;

/// <summary>How the statistical neighbours' values are combined into one comparator.</summary>
/// <remarks>
/// DfE LAIT takes the mean of the ten (<c>R/lait_modules/mod_stat_n_table.R</c>); the DfE CSC Outcomes and Enablers
/// dashboard takes the median (<c>R/stats_neighbours.R</c>). Mean is the default.
/// </remarks>
public enum NeighbourAverage
{
    /// <summary>The arithmetic mean of the neighbours with a published number.</summary>
    Mean,

    /// <summary>The median of the neighbours with a published number (the mean of the middle two for an even count).</summary>
    Median,
}
