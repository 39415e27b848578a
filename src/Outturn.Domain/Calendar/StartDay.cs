namespace Outturn.Domain.Calendar;

/// <summary>Whether the day a timescale starts on counts as one of its working days.</summary>
/// <remarks>
/// <para>The default, <see cref="Included"/>, is the DfE CIN census validator's convention. In
/// <c>data-to-insight/csc-validator-be-cin</c>, <c>cin_validator/utils.py: england_working_days(n)</c> returns
/// <c>pd.offsets.CustomBusinessDay(n=num_days - 1, calendar=holiday_calendar)</c> with the comment "CustomBusinessDay
/// doesn't seem to include the end date so offset by 1 so that it does" (commit 4f68433, "include end date in
/// holiday calculations", March 2023). Rule 8670Q then queries an open assessment whose
/// <c>AssessmentActualStartDate</c> is before <c>ReferenceDate - england_working_days(45)</c>: a start exactly 44
/// working days before 31 March is within time, so the start day and 31 March together make 45. Rule 8675Q (S47 to
/// ICPC, 15 working days) uses the same helper.</para>
/// <para>Why it is an option: the DfE's published assessment-duration bands (EES "C2 Completed assessments by
/// duration", as listed in domain-anchors.md §3 row 4) start with a "Same day" band before "1-10", which reads as a
/// same-day assessment taking 0 working days, that is <see cref="Excluded"/>. Whether the 45 includes the start day
/// is still to be confirmed against the current DfE guidance (domain-anchors.md, opening paragraph).</para>
/// </remarks>
public enum StartDay
{
    /// <summary>
    /// The start day is day 1 when it is a working day: an assessment started and authorised on the same working day
    /// took 1 working day, and "within 45 working days" ends on the 45th working day counting the start day. The CIN
    /// census validator's convention, and the default.
    /// </summary>
    Included,

    /// <summary>
    /// Counting begins the day after the start: an assessment started and authorised on the same day took 0 working
    /// days, and "within 45 working days" ends on the 45th working day after the start day.
    /// </summary>
    Excluded,
}
