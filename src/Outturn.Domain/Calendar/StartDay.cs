namespace Outturn.Domain.Calendar;

/// <summary>Whether the day a timescale starts on counts as one of its working days.</summary>
/// <remarks>
/// <para>The national indicators count with <see cref="Excluded"/>, the DfE's own method: its published statistics
/// of assessment timeliness, EES "C2 Completed assessments by duration of assessment and local authority" (Children in
/// need, 2014 to 2025), band every completed assessment as "Started and finished the same day", "1 to 10 days", …,
/// "41 to 45 days", "46 to 50 days", "51 to 60 days", "61+ days" (columns <c>Same_day</c>, <c>1-10_days</c> …
/// <c>41-45_days</c>, <c>46-50_days</c>). An assessment authorised the day it started is 0 working days; one authorised
/// the next working day is 1: the start day is not one of the working days, and "within 45 working days" is the
/// bands up to 41-45. <see cref="Included"/> stays as an option (<c>--start-day included</c>) for the validator's
/// convention below, and for authorities that report that way.</para>
/// <para><see cref="Included"/> is the DfE CIN census validator's convention. In
/// <c>data-to-insight/csc-validator-be-cin</c>, <c>cin_validator/utils.py: england_working_days(n)</c> returns
/// <c>pd.offsets.CustomBusinessDay(n=num_days - 1, calendar=holiday_calendar)</c> with the comment "CustomBusinessDay
/// doesn't seem to include the end date so offset by 1 so that it does" (commit 4f68433, "include end date in
/// holiday calculations", March 2023). Rule 8670Q then queries an open assessment whose
/// <c>AssessmentActualStartDate</c> is before <c>ReferenceDate - england_working_days(45)</c>: a start exactly 44
/// working days before 31 March is within time, so the start day and 31 March together make 45. Rule 8675Q (S47 to
/// ICPC, 15 working days) uses the same helper.</para>
/// <para>The validator's helper decides which open assessments to query at the census date, not how the DfE counts
/// the published durations, so the statistics' bands decide the default.</para>
/// </remarks>
public enum StartDay
{
    /// <summary>
    /// The start day is day 1 when it is a working day: an assessment started and authorised on the same working day
    /// took 1 working day, and "within 45 working days" ends on the 45th working day counting the start day. The CIN
    /// census validator's convention.
    /// </summary>
    Included,

    /// <summary>
    /// Counting begins the day after the start: an assessment started and authorised on the same day took 0 working
    /// days, and "within 45 working days" ends on the 45th working day after the start day. The DfE's published
    /// durations, and the default of the national indicators.
    /// </summary>
    Excluded,
}
