namespace Outturn.Domain.National;

/// <summary>Where the 45 working days of an assessment are counted from (domain-anchors.md §0.4, §3 row 4).</summary>
public enum AssessmentClock
{
    /// <summary>From the assessment's actual start date: the DfE statistics and the CIN census (default).</summary>
    AssessmentStart,

    /// <summary>From the referral, as Working Together puts it: "45 working days from the point of referral".</summary>
    Referral,
}

/// <summary>Which earlier plans make a child protection plan a "second or subsequent" one (domain-anchors.md §6.9).</summary>
public enum RepeatPlanRule
{
    /// <summary>Any earlier plan, "regardless of how long ago": the DfE statistical definition (default).</summary>
    Ever,

    /// <summary>An earlier plan that ended within the two years before this one started: a common local variant.</summary>
    WithinTwoYears,
}

/// <summary>Whether EHC plans issued under an exception to the 20-week time limit count (domain-anchors.md §3 row 20).</summary>
public enum TwentyWeekExceptions
{
    /// <summary>Left out of numerator and denominator: the DfE headline rate, <c>no_exc_20week_rate</c> (default).</summary>
    Excluded,

    /// <summary>Counted like any other plan: the DfE's second rate, <c>inc_exc_20week_rate</c>.</summary>
    Included,
}

/// <summary>The definitional choices that differ between sources, each defaulting to the DfE statistical definition.</summary>
/// <param name="StartDay">Whether the start day counts as a working day (default: excluded, as the DfE's published
/// durations count; see <see cref="Calendar.StartDay"/>).</param>
/// <param name="AssessmentClock">Where assessment timeliness is counted from.</param>
/// <param name="RepeatPlans">Which earlier plans make a repeat plan.</param>
/// <param name="EhcpExceptions">Whether plans issued under an exception to the 20-week limit count.</param>
public sealed record NationalOptions(
    Calendar.StartDay StartDay = Calendar.StartDay.Excluded,
    AssessmentClock AssessmentClock = AssessmentClock.AssessmentStart,
    RepeatPlanRule RepeatPlans = RepeatPlanRule.Ever,
    TwentyWeekExceptions EhcpExceptions = TwentyWeekExceptions.Excluded)
{
    /// <summary>The DfE definitions.</summary>
    public static readonly NationalOptions Default = new();
}
