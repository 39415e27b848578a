namespace Outturn.Domain.ChildLevel.Stacking;

/// <summary>
/// One change made when CIN censuses were stacked: an episode or plan an older census left open that the next census
/// does not hold, closed at the older census's reference date.
/// </summary>
/// <param name="ChildId">The child.</param>
/// <param name="ReferralDate">The referral date of the episode changed (or of the episode holding the plan changed).</param>
/// <param name="Census">The reference date of the census that does not hold it: the file the repair is about.</param>
/// <param name="ClosedOn">The date it is closed on: the reference date of the older census that left it open.</param>
/// <param name="Action">What was done and why, in plain words.</param>
public sealed record CinCensusFix(string ChildId, DateOnly ReferralDate, DateOnly Census, DateOnly ClosedOn, string Action);
