using Outturn.Domain.Periods;

namespace Outturn.Domain.Spc;

/// <summary>A rule of the NHS "Making Data Count" approach that marks a point as special cause variation.</summary>
public enum SpcRule
{
    /// <summary>A single point beyond a process limit.</summary>
    OutsideLimits,

    /// <summary>A run of consecutive points all above, or all below, the mean (a shift).</summary>
    Shift,

    /// <summary>A run of consecutive points each higher, or each lower, than the one before (a trend).</summary>
    Trend,

    /// <summary>Two of three consecutive points beyond two-thirds of the way to a limit (beyond 2 sigma), on the same side.</summary>
    TwoOfThreeNearLimit,
}

/// <summary>Which way a point's special cause variation goes.</summary>
public enum SpcSide
{
    /// <summary>No special cause at this point.</summary>
    None,

    /// <summary>The special cause is high (above the mean, or rising).</summary>
    High,

    /// <summary>The special cause is low (below the mean, or falling).</summary>
    Low,
}

/// <summary>The variation verdict: what the latest point says about the process.</summary>
public enum VariationVerdict
{
    /// <summary>Only common cause (natural) variation: no rule fires at the latest point.</summary>
    CommonCause,

    /// <summary>Special cause in the good direction for the indicator's polarity.</summary>
    SpecialCauseImproving,

    /// <summary>Special cause in the bad direction for the indicator's polarity.</summary>
    SpecialCauseConcerning,

    /// <summary>Special cause, high, for an indicator with no polarity.</summary>
    SpecialCauseHigh,

    /// <summary>Special cause, low, for an indicator with no polarity.</summary>
    SpecialCauseLow,
}

/// <summary>The assurance verdict: will the process, as it stands, meet the target?</summary>
public enum AssuranceVerdict
{
    /// <summary>No target, or no polarity to judge against.</summary>
    NotApplicable,

    /// <summary>The target lies beyond the process limits on the failing side: the target will be met every time.</summary>
    ReliablyMet,

    /// <summary>The target lies between the process limits: it will be met some months and missed in others.</summary>
    HitAndMiss,

    /// <summary>The target lies beyond the process limits on the passing side: the target will be missed every time.</summary>
    ReliablyMissed,
}

/// <summary>One point of an XmR chart.</summary>
/// <param name="Period">The period of the point, usually a month.</param>
/// <param name="Value">The value as computed (unrounded).</param>
/// <param name="MovingRange">The absolute change from the previous point; null for the first.</param>
/// <param name="Rules">The rules this point is part of.</param>
/// <param name="Side">Which way its special cause goes, or none.</param>
public sealed record SpcPoint(Period Period, decimal Value, decimal? MovingRange, IReadOnlySet<SpcRule> Rules, SpcSide Side);

/// <summary>An XmR (individuals and moving range) chart with its verdicts.</summary>
/// <param name="Mean">The centre line: the mean of the values.</param>
/// <param name="AverageMovingRange">The mean of the moving ranges.</param>
/// <param name="UpperLimit">Mean + 2.66 × average moving range (3 sigma), no higher than 100% for a percentage.</param>
/// <param name="LowerLimit">Mean − 2.66 × average moving range (3 sigma), no lower than 0 for a measure that cannot be negative.</param>
/// <param name="Points">The points in time order.</param>
/// <param name="Variation">What the latest point says.</param>
/// <param name="Assurance">Whether the target will reliably be met.</param>
/// <param name="Target">The target judged against, if any.</param>
/// <param name="IsReliable">Whether there are enough points for the limits to be trusted (see <see cref="SpcOptions.MinimumPoints"/>).</param>
public sealed record XmrChart(
    decimal Mean,
    decimal AverageMovingRange,
    decimal UpperLimit,
    decimal LowerLimit,
    IReadOnlyList<SpcPoint> Points,
    VariationVerdict Variation,
    AssuranceVerdict Assurance,
    decimal? Target,
    bool IsReliable)
{
    /// <summary>The sigma-2 line above the mean: two-thirds of the way to the 3-sigma limit, before any limit is held
    /// within what the measure can be.</summary>
    public decimal UpperWarning => Mean + (Xmr.LimitFactor * AverageMovingRange * 2m / 3m);

    /// <summary>The sigma-2 line below the mean.</summary>
    public decimal LowerWarning => Mean - (Xmr.LimitFactor * AverageMovingRange * 2m / 3m);
}

/// <summary>Rule lengths and the number of points needed; defaults follow NHS "Making Data Count".</summary>
/// <param name="ShiftLength">Points in a run on one side of the mean; 7 as in NHSRplotthedots (<c>seven_point_one_side_mean</c>).</param>
/// <param name="TrendLength">Points in a run of increases or decreases; 7 as in NHSRplotthedots (<c>part_of_seven_trend</c>).</param>
/// <param name="MinimumPoints">Points below which the limits are flagged unreliable; Making Data Count advises at least 15.</param>
public sealed record SpcOptions(int ShiftLength = 7, int TrendLength = 7, int MinimumPoints = 15)
{
    /// <summary>The defaults.</summary>
    public static readonly SpcOptions Default = new();
}
