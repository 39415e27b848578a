namespace Outturn.Domain.ChildLevel;

/// <summary>
/// "Open on a day" and "open at any time in a period", the rules every dated record of the returns shares (episodes of
/// need and of care, plans, assessments, allocations), each written once.
/// </summary>
public static class Dated
{
    /// <summary>Whether a record started on <paramref name="start"/> and ended on <paramref name="end"/> is open at the end of <paramref name="date"/>.</summary>
    /// <param name="start">The day it started.</param>
    /// <param name="end">The day it ended, or null while open.</param>
    /// <param name="date">The day asked about.</param>
    /// <remarks>Open at the end of the day: started on or before it and not ended on or before it. So a record is open on
    /// the day it starts and closed on the day it ends, and a position at a day's end counts that day's events.</remarks>
    public static bool IsOpenOn(DateOnly start, DateOnly? end, DateOnly date) => start <= date && (end is null || end > date);

    /// <summary>
    /// Whether a record started on <paramref name="start"/> and ended on <paramref name="end"/> was open at any time
    /// in the days <paramref name="from"/> to <paramref name="to"/>, both included: started on or before
    /// <paramref name="to"/> and not ended before <paramref name="from"/>. A record ending on <paramref name="from"/>
    /// was open that day, so it counts (a return's "open at any time in the year").
    /// </summary>
    /// <param name="start">The day it started.</param>
    /// <param name="end">The day it ended, or null while open.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day of the period.</param>
    public static bool IsOpenDuring(DateOnly start, DateOnly? end, DateOnly from, DateOnly to) => start <= to && (end is null || end >= from);
}
