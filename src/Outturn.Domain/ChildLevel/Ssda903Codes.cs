namespace Outturn.Domain.ChildLevel;

/// <summary>
/// What the SSDA903 codes that decide a measure mean, each written once: the episode records ask here, and so does
/// anything else holding SSDA903 codes (the demo LA's own records).
/// </summary>
public static class Ssda903Codes
{
    /// <summary>Whether a legal status (<c>LS</c>) is a short break, V3 or V4: left out of most looked-after measures.</summary>
    /// <param name="legalStatus">The legal status code.</param>
    public static bool IsShortBreak(string legalStatus) => legalStatus is "V3" or "V4";

    /// <summary>
    /// Whether a reason for a new episode (<c>RNE</c>) begins a placement with a new carer: S (a new period of care), P
    /// (a new placement and carer) or B (legal status, placement and carer). L, T and U keep the carer.
    /// </summary>
    /// <param name="reasonNewEpisode">The RNE code.</param>
    public static bool IsNewCarer(string reasonNewEpisode) => reasonNewEpisode is "S" or "P" or "B";

    /// <summary>
    /// Whether a placement type (<c>PLACE</c>) is placed for adoption with the current foster carers, A3 or A5: not a
    /// move for placement stability.
    /// </summary>
    /// <param name="placement">The placement type code.</param>
    public static bool IsAdoptionWithCurrentFosterCarers(string placement) => placement is "A3" or "A5";

    /// <summary>Whether a reason an episode ended (<c>REC</c>) ends the period of care: any code but X1.</summary>
    /// <param name="reasonEnded">The REC code, or null while the episode is open.</param>
    public static bool EndsCare(string? reasonEnded) => reasonEnded is not null and not "X1";
}
