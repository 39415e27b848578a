namespace Outturn.Domain.ChildLevel;

/// <summary>
/// "Open on a day", the one rule every dated record of the returns shares (episodes of need and of care, plans,
/// assessments, allocations): open at the end of the day, having started on or before it and not ended on or before
/// it. So a record is open on the day it starts and closed on the day it ends, and a position at a day's end counts
/// that day's events.
/// </summary>
public static class Dated
{
    /// <summary>Whether a record started on <paramref name="start"/> and ended on <paramref name="end"/> is open at the end of <paramref name="date"/>.</summary>
    /// <param name="start">The day it started.</param>
    /// <param name="end">The day it ended, or null while open.</param>
    /// <param name="date">The day asked about.</param>
    public static bool IsOpenOn(DateOnly start, DateOnly? end, DateOnly date) => start <= date && (end is null || end > date);
}
