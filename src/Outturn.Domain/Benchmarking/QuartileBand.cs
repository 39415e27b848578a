namespace Outturn.Domain.Benchmarking;

/// <summary>
/// Where an authority's value falls among all authorities, judged by polarity: A is the best quarter, D the worst.
/// </summary>
/// <remarks>As in DfE LAIT (<c>R/fn_analysis.R: calculate_quartile_band</c>), which colours only A (green) and D (red).</remarks>
public enum QuartileBand
{
    /// <summary>The best quarter.</summary>
    A,

    /// <summary>Better than the median, outside the best quarter.</summary>
    B,

    /// <summary>Worse than the median, outside the worst quarter.</summary>
    C,

    /// <summary>The worst quarter.</summary>
    D,
}
