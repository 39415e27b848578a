using Outturn.Domain.Periods;

namespace Outturn.Domain.ChildLevel;

/// <summary>
/// The children looked after by one authority as its SSDA903 returns record them, stacked across years and repaired
/// (see <see cref="Stacking.EpisodeRepair"/>), with the year-specific outcome tables kept by collection year.
/// </summary>
/// <param name="Children">The children, each once, with their episodes in date order.</param>
/// <param name="HealthOutcomes">OC2 rows, by the collection year they were returned in.</param>
/// <param name="CareLeavers">OC3 rows, by collection year.</param>
/// <param name="Missing">Missing and away-from-placement episodes.</param>
/// <param name="SocialWorkers">Social worker episodes (from 2023-24), for caseloads.</param>
public sealed record LookedAfterData(
    IReadOnlyList<LookedAfterChild> Children,
    IReadOnlyList<HealthOutcome> HealthOutcomes,
    IReadOnlyList<CareLeaverOutcome> CareLeavers,
    IReadOnlyList<MissingEpisode> Missing,
    IReadOnlyList<SocialWorkerEpisode> SocialWorkers)
{
    /// <summary>No children.</summary>
    public static readonly LookedAfterData Empty = new([], [], [], [], []);

    /// <summary>
    /// The data with each social worker episode's <c>SW_ID</c> replaced by the worker's name and team from the staff
    /// list, so a worker is the same person whether Annex A (names) or the SSDA903 (ids) holds the case. Ids not on the
    /// list are kept as they are.
    /// </summary>
    public LookedAfterData WithStaff(IEnumerable<StaffMember> staff)
    {
        var byId = staff.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        return this with
        {
            SocialWorkers = [.. SocialWorkers.Select(sw => byId.TryGetValue(sw.WorkerId, out var m) ? sw with { WorkerId = m.Name, Team = m.Team } : sw)],
        };
    }
}

/// <summary>A child in the SSDA903 header table.</summary>
/// <param name="ChildId">The LA child ID (<c>CHILD</c>).</param>
/// <param name="Sex">The sex code as given (<c>SEX</c>: 1 or 2, or M or F).</param>
/// <param name="BirthDate">The date of birth (<c>DOB</c>).</param>
/// <param name="Episodes">Episodes of care in start order.</param>
public sealed record LookedAfterChild(string ChildId, string Sex, DateOnly BirthDate, IReadOnlyList<CareEpisode> Episodes)
{
    /// <summary>The authority looking after the child: its three-digit DfE code, empty when not known (the SSDA903 tables do not say).</summary>
    public string Authority { get; init; } = "";

    /// <summary>Age in whole years on a date.</summary>
    public int AgeOn(DateOnly date) => date.Year - BirthDate.Year - (BirthDate.AddYears(date.Year - BirthDate.Year) > date ? 1 : 0);

    /// <summary>
    /// The placements the child had from <paramref name="from"/> to <paramref name="to"/>, as the DfE counts them for
    /// "3 or more placements during the year" (Stability measures for children looked after in England, "CLA on 31
    /// March ... with 3 or more placements during the year"): every placement of 24 hours or more that the child was in
    /// at some time in the window. A placement is the time with one carer: it begins with a new period of care or a new
    /// carer (RNE S, P or B), or where the child, having been on short breaks (V3, V4) or out of care, starts to be
    /// looked after by a change of legal status alone (RNE L, T or U) with the carer they are with. Changes with the same
    /// carer (L, T, U) within a placement do not begin another; nor does placing for adoption with the current foster
    /// carers (A3, A5). A placement begun and ended the same day (under 24 hours) is not counted.
    /// </summary>
    /// <remarks>
    /// <para>The window is the days <paramref name="from"/> to <paramref name="to"/>, both included ("the 12 months to
    /// 31 March 2025" is 1 April 2024 to 31 March 2025). A placement counts when any of its days fall in the window: the
    /// one the child is in on <paramref name="from"/>, however it began, and each begun after it.</para>
    /// </remarks>
    public int PlacementsBetween(DateOnly from, DateOnly to) =>
        Placements().Count(p => p.Start <= to && (p.End is null || p.End > from));

    /// <summary>
    /// The episodes that begin the placements <see cref="PlacementsBetween"/> counts after the one the child is in on
    /// <paramref name="from"/>: placements begun from the day after <paramref name="from"/> to <paramref name="to"/>,
    /// or on <paramref name="from"/> itself when nothing was running the day before, in start order.
    /// </summary>
    public IReadOnlyList<CareEpisode> NewPlacementsBetween(DateOnly from, DateOnly to)
    {
        var placements = Placements().Where(p => p.Start <= to && (p.End is null || p.End > from)).ToList();
        var running = placements.Count > 0 && placements[0].Start < from;
        return [.. placements.Skip(running ? 1 : 0).Select(p => p.First)];
    }

    /// <summary>
    /// Whether the child was looked after continuously for 12 months at the year's 31 March (the OC2 cohort), as the
    /// DfE's SSDA903 validator computes it (<c>add_col_to_episodes_CONTINUOUSLY_LOOKED_AFTER</c>): episodes in the year,
    /// none of them beginning a period of care (S) after 1 April, none ending care (a reason other than X1) from 1 April
    /// to before 31 March, and none a short break (V3, V4).
    /// </summary>
    public bool LookedAfterContinuously(FinancialYear year)
    {
        var inYear = Episodes.Where(e => e.Start <= year.End && (e.End is null || e.End >= year.Start)).ToList();
        return inYear.Count > 0 && !inYear.Any(e =>
            (e.Reason == "S" && e.Start > year.Start)
            || (e.End is { } end && e.ReasonEnded != "X1" && end < year.End)
            || e.IsShortBreak);
    }

    /// <summary>The child's placements in order: each with the episode that began it, its first day and the day it ended.</summary>
    private List<(CareEpisode First, DateOnly Start, DateOnly? End)> Placements()
    {
        var placements = new List<(CareEpisode First, DateOnly Start, DateOnly? End)>();
        CareEpisode? previous = null;
        foreach (var e in Episodes)
        {
            if (e.IsShortBreak)
            {
                previous = e;
                continue;
            }

            // A placement goes on through a change with the same carer, and through placing for adoption with them;
            // it begins anew with a new carer or period of care, or when the child was not looked after (short breaks,
            // a gap) the day before.
            var continues = placements.Count > 0 && previous is { IsShortBreak: false } && previous.End == e.Start
                && (!e.IsNewPlacement || Ssda903Codes.IsAdoptionWithCurrentFosterCarers(e.Placement));
            if (continues)
            {
                placements[^1] = placements[^1] with { End = e.End };
            }
            else
            {
                placements.Add((e, e.Start, e.End));
            }

            previous = e;
        }

        // Under 24 hours: begun and ended the same day.
        return [.. placements.Where(p => p.End != p.Start)];
    }

    /// <summary>The episodes, short breaks left out, that overlap the days <paramref name="from"/> to <paramref name="to"/>.</summary>
    private IEnumerable<CareEpisode> InWindow(DateOnly from, DateOnly to) =>
        Episodes.Where(e => !e.IsShortBreak && e.Start <= to && (e.End is null || e.End > from));
}

/// <summary>An SSDA903 episode: a period with one legal status and one placement.</summary>
/// <param name="Start">The start date (<c>DECOM</c>).</param>
/// <param name="Reason">Why the episode started (<c>RNE</c>): S new period of care, L legal status only, P placement and
/// carer, T placement with the same carer, B legal status, placement and carer, U legal status and placement, same carer.</param>
/// <param name="LegalStatus">The legal status (<c>LS</c>); V3 and V4 are short breaks.</param>
/// <param name="CategoryOfNeed">The category of need (<c>CIN</c>, N1 to N8).</param>
/// <param name="Placement">The placement type (<c>PLACE</c>; <c>PL</c> in the XML form).</param>
/// <param name="Provider">The placement provider (<c>PLACE_PROVIDER</c>).</param>
/// <param name="End">The end date (<c>DEC</c>), null while open.</param>
/// <param name="ReasonEnded">Why the episode ended (<c>REC</c>); X1 means the period of care continues.</param>
/// <param name="ReasonPlaceChange">Why the placement changed (<c>REASON_PLACE_CHANGE</c>).</param>
public sealed record CareEpisode(
    DateOnly Start,
    string Reason,
    string LegalStatus,
    string CategoryOfNeed,
    string Placement,
    string? Provider,
    DateOnly? End,
    string? ReasonEnded,
    string? ReasonPlaceChange)
{
    /// <summary>Whether the episode is a short break (legal status V3 or V4), left out of most CLA measures.</summary>
    public bool IsShortBreak => Ssda903Codes.IsShortBreak(LegalStatus);

    /// <summary>Whether the episode began with a change of carer: a new period of care or a new placement with a new carer.</summary>
    public bool IsNewPlacement => Ssda903Codes.IsNewCarer(Reason);

    /// <summary>Looked after at the end of a day: started on or before it and not ended on or before it.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(Start, End, date);

    /// <summary>Whether the episode ends the period of care (an end reason other than X1).</summary>
    public bool EndsCare => End is not null && Ssda903Codes.EndsCare(ReasonEnded);
}

/// <summary>An OC2 row: health outcomes of a child looked after continuously for 12 months at 31 March.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="ChildId">The child.</param>
/// <param name="HealthCheck">Health check up to date (<c>HEALTH_CHECK</c> = 1).</param>
/// <param name="Immunisations">Immunisations up to date.</param>
/// <param name="TeethCheck">Teeth checked by a dentist (<c>TEETH_CHECK</c> = 1).</param>
/// <param name="HealthAssessment">Annual health assessment (<c>HEALTH_ASSESSMENT</c> = 1).</param>
public sealed record HealthOutcome(FinancialYear Year, string ChildId, bool? HealthCheck, bool? Immunisations, bool? TeethCheck, bool? HealthAssessment);

/// <summary>An OC3 row: a care leaver's situation around their birthday.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="ChildId">The former looked-after child.</param>
/// <param name="BirthDate">The date of birth.</param>
/// <param name="InTouch">Whether the LA was in touch (<c>IN_TOUCH</c>: YES, NO, DIED, REFU, NREQ, RHOM).</param>
/// <param name="Activity">The main activity (<c>ACTIV</c>).</param>
/// <param name="Accommodation">The accommodation (<c>ACCOM</c>; the second character 1 means suitable, 2 unsuitable).</param>
public sealed record CareLeaverOutcome(FinancialYear Year, string ChildId, DateOnly BirthDate, string InTouch, string? Activity, string? Accommodation)
{
    /// <summary>In education, employment or training: F1, P1, F2, P2, F4, P4, F5, P5 (domain-anchors.md §3 row 18).</summary>
    public bool InEducationEmploymentOrTraining => Activity is "F1" or "P1" or "F2" or "P2" or "F4" or "P4" or "F5" or "P5";

    /// <summary>In suitable accommodation: the accommodation code ends in 1.</summary>
    public bool SuitablyAccommodated => Accommodation is { Length: 2 } a && a[1] == '1';
}

/// <summary>A missing or away-from-placement episode (the SSDA903 missing table).</summary>
/// <param name="ChildId">The child.</param>
/// <param name="Kind">M missing, A away from placement without authorisation.</param>
/// <param name="Start">The start date.</param>
/// <param name="End">The end date, null while missing.</param>
public sealed record MissingEpisode(string ChildId, string Kind, DateOnly Start, DateOnly? End);

/// <summary>A social worker allocated to a looked-after child (SSDA903 sw_episodes, from 2023-24).</summary>
/// <param name="ChildId">The child.</param>
/// <param name="WorkerId">The worker (<c>SW_ID</c>).</param>
/// <param name="Start">Allocated from.</param>
/// <param name="End">Allocated until, null while allocated.</param>
/// <param name="Reason">Why the allocation ended (<c>SW_REASON</c>).</param>
/// <param name="Team">The worker's team, when a staff list gives it.</param>
public sealed record SocialWorkerEpisode(string ChildId, string WorkerId, DateOnly Start, DateOnly? End, string? Reason, string? Team = null)
{
    /// <summary>Allocated at the end of a day: from on or before it, not ended on or before it.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(Start, End, date);
}

/// <summary>A social worker on the authority's staff list.</summary>
/// <param name="Id">The id the case management system gives the worker, as the SSDA903 <c>SW_ID</c> reports it.</param>
/// <param name="Name">The worker's name, as Annex A shows it.</param>
/// <param name="Team">The worker's team, if known.</param>
public sealed record StaffMember(string Id, string Name, string? Team);
