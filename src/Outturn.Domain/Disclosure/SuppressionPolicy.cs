using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Disclosure;

/// <summary>
/// How small numbers are withheld from anything that leaves the service (members' reports, public papers).
/// </summary>
/// <remarks>
/// A figure is small when any of three counts is: the count behind it (its numerator, or the count itself), its
/// cohort (the denominator), or the cohort less the count (the complement). The complement is protected because "6 of
/// 7 assessments on time" tells anyone who knows the seven children that one was late just as "1 of 7 late" would:
/// the GSS/ONS guidance on disclosure control for administrative sources names this attribute disclosure (a group all
/// but a few of whom share an attribute) alongside small cells, and the DfE's children in need and looked-after
/// statistics withhold percentages whose underlying counts are small. Applied the same way to every figure, in every
/// output: months, quarters, years, trends and charts.
/// </remarks>
/// <param name="Threshold">Counts from 1 up to one below this are suppressed. The default, 6, follows the DfE
/// children in need statistics: "any number between 1 and 5 inclusive has been suppressed and replaced by 'c'".
/// Zero is shown: the DfE publishes a zero as submitted.</param>
public sealed record SuppressionPolicy(int Threshold = 6)
{
    /// <summary>The DfE convention: 1 to 5 suppressed.</summary>
    public static readonly SuppressionPolicy Default = new();

    /// <summary>Whether a count must be withheld.</summary>
    public bool IsSmall(decimal count) => count > 0 && count < Threshold;

    /// <summary>Whether counts reveal a small number: the count, its cohort or the cohort less the count.</summary>
    public bool IsSmall(decimal? numerator, decimal? denominator) =>
        (numerator is { } n && IsSmall(n))
        || (denominator is { } d && (IsSmall(d) || (numerator is { } k && IsSmall(d - k))));

    /// <summary>Whether a figure must be withheld on its own account.</summary>
    public bool IsSmall(PeriodValue figure) => figure.Value is not null && IsSmall(figure.Numerator, figure.Denominator);
}
