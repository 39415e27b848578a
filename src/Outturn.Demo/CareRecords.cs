using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;

namespace Outturn.Demo;

/// <summary>
/// An SSDA903 episode of care: one legal status and one placement. Successive episodes of a period of care join end
/// to start on the same day (the earlier ends <c>X1</c>); a new period of care starts with <c>S</c>.
/// </summary>
/// <param name="Start">DECOM, the date the episode began.</param>
/// <param name="Rne">The reason for new episode: S, L, P, T, B or U.</param>
/// <param name="LegalStatus">LS (<c>C1</c>, <c>C2</c>, <c>E1</c>, <c>V2</c>, <c>V3</c>, …).</param>
/// <param name="CategoryOfNeed">CIN, the category of need (<c>N1</c> … <c>N8</c>), fixed for the period of care.</param>
/// <param name="Placement">PLACE, the placement type (<c>U1</c> … <c>U6</c>, <c>K2</c>, <c>A3</c>, <c>P1</c>,
/// <c>T3</c>, …).</param>
/// <param name="Provider">PLACE_PROVIDER (<c>PR0</c> … <c>PR5</c>); null for temporary placements.</param>
/// <param name="End">DEC, the date the episode ceased, or null while open.</param>
/// <param name="Rec">REC, the reason the episode ceased; present exactly when <paramref name="End"/> is.</param>
/// <param name="ReasonPlaceChange">REASON_PLACE_CHANGE when the next episode changes placement; null otherwise.</param>
/// <param name="HomePostcode">HOME_POST; null for short breaks and UASC.</param>
/// <param name="PlacementPostcode">PL_POST; null for short breaks and UASC.</param>
/// <param name="Urn">The Ofsted URN of the placement's provider; null where the placement type needs none.</param>
/// <param name="Carer">An internal identifier of the carer or home, to tell a change of carer from a change of
/// placement with the same carer (not written to any return).</param>
public sealed record SyntheticCareEpisode(
    DateOnly Start, string Rne, string LegalStatus, string CategoryOfNeed, string Placement, string? Provider,
    DateOnly? End, string? Rec, string? ReasonPlaceChange, string? HomePostcode, string? PlacementPostcode, string? Urn,
    string Carer)
{
    /// <summary>Whether this is a short break (legal status V3 or V4), not counted as looked after: <see cref="Ssda903Codes.IsShortBreak"/>.</summary>
    public bool IsShortBreak => Ssda903Codes.IsShortBreak(LegalStatus);

    /// <summary>Whether the episode is open at the end of a date, as <see cref="Dated.IsOpenOn"/> says.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(Start, End, date);

    /// <summary>Whether the episode ends the period of care (ended, with a REC other than X1): <see cref="Ssda903Codes.EndsCare"/>.</summary>
    public bool EndsCare => End is not null && Ssda903Codes.EndsCare(Rec);

    /// <summary>Whether a temporary placement (T0 to T4).</summary>
    public bool IsTemporary => Placement.StartsWith('T');

    /// <summary>The episode as an SSDA903 return records it: its columns of the episodes table, without the demo's own.</summary>
    public CareEpisode ToCareEpisode() => new(Start, Rne, LegalStatus, CategoryOfNeed, Placement, Provider, End, Rec, ReasonPlaceChange);
}

/// <summary>A looked-after review.</summary>
/// <param name="Date">The review date.</param>
/// <param name="Participation">The participation code: <c>PN0</c> under 4, otherwise <c>PN1</c> … <c>PN7</c>.</param>
public sealed record CareReview(DateOnly Date, string Participation);

/// <summary>An episode missing (<c>M</c>) or away without authorisation (<c>A</c>) from placement.</summary>
/// <param name="Kind"><c>M</c> or <c>A</c>.</param>
/// <param name="Start">The child went missing.</param>
/// <param name="End">The child returned (the same day or later, within the same placement).</param>
/// <param name="ReturnInterviewOffered">Whether a return interview was offered (Annex A list 8).</param>
/// <param name="ReturnInterviewAccepted">Whether the child accepted it.</param>
public sealed record SyntheticMissingEpisode(string Kind, DateOnly Start, DateOnly End, bool ReturnInterviewOffered, bool ReturnInterviewAccepted);

/// <summary>A decision that the child should be placed for adoption (SSDA903 PlacedAdoption).</summary>
/// <param name="Decided">DATE_PLACED: the decision that the child should be placed for adoption.</param>
/// <param name="Reversed">DATE_PLACED_CEASED: the decision that the child should no longer be placed, or null.</param>
/// <param name="ReversalReason">REASON_PLACED_CEASED (<c>RD1</c> … <c>RD4</c>) when reversed.</param>
public sealed record AdoptionDecision(DateOnly Decided, DateOnly? Reversed, string? ReversalReason);

/// <summary>How the child was adopted (SSDA903 AD1 and Annex A list 10).</summary>
/// <param name="DecisionDate">DATE_INT: the decision that adoption is in the child's best interests.</param>
/// <param name="PlacementOrder">The date the placement order was made (legal status E1 began).</param>
/// <param name="Matched">DATE_MATCH: matched with the adopters.</param>
/// <param name="Placed">The child was placed for adoption.</param>
/// <param name="ByFosterCarers">FOSTER_CARE: adopted by their own foster carers.</param>
/// <param name="AdopterCount">NB_ADOPTR: 1 or 2.</param>
/// <param name="AdopterSexes">SEX_ADOPTR: <c>M1</c>, <c>F1</c>, <c>MF</c>, <c>MM</c> or <c>FF</c>.</param>
/// <param name="AdopterLegalStatus">LS_ADOPTR: <c>L0</c>, <c>L11</c>, <c>L12</c>, <c>L2</c>, <c>L3</c> or <c>L4</c>.</param>
/// <param name="FamilyId">The adopter family (Annex A lists 10 and 11).</param>
public sealed record AdoptionRecord(
    DateOnly DecisionDate, DateOnly PlacementOrder, DateOnly Matched, DateOnly Placed, bool ByFosterCarers,
    int AdopterCount, string AdopterSexes, string AdopterLegalStatus, string FamilyId);

/// <summary>Health and wellbeing at a 31 March when the child was looked after (the SSDA903 OC2 items).</summary>
/// <remarks>Which items a return includes depends on the child's age, decided by <see cref="Returns.Ssda903Year"/>.</remarks>
/// <param name="Year">The financial year ending on that 31 March.</param>
/// <param name="SdqScore">The strengths and difficulties questionnaire score, 0 to 40.</param>
/// <param name="NoSdqReason">Why no SDQ was returned (<c>SDQ2</c> … <c>SDQ5</c>), or null when one was.</param>
/// <param name="Convicted">Convicted or cautioned during the year.</param>
/// <param name="DevelopmentCheck">Development assessment up to date (under-5s: HEALTH_CHECK).</param>
/// <param name="Immunisations">Immunisations up to date.</param>
/// <param name="TeethChecked">Teeth checked by a dentist in the year.</param>
/// <param name="HealthAssessment">Annual health assessment up to date.</param>
/// <param name="SubstanceMisuse">Identified as having a substance misuse problem.</param>
/// <param name="InterventionReceived">Received an intervention (when misusing).</param>
/// <param name="InterventionOffered">Offered an intervention (when misusing and none received).</param>
/// <param name="LastHealthAssessment">The date of the last health assessment.</param>
/// <param name="LastDentalCheck">The date of the last dental check.</param>
public sealed record HealthRecord(
    FinancialYear Year, int SdqScore, string? NoSdqReason, bool Convicted, bool DevelopmentCheck, bool Immunisations,
    bool TeethChecked, bool HealthAssessment, bool SubstanceMisuse, bool InterventionReceived, bool InterventionOffered,
    DateOnly LastHealthAssessment, DateOnly LastDentalCheck);

/// <summary>A care leaver's follow-up around a birthday from 17 to 21 (the SSDA903 OC3 items).</summary>
/// <param name="Year">The financial year in which the birthday falls.</param>
/// <param name="Age">The birthday: 17 to 21.</param>
/// <param name="InTouch">IN_TOUCH: <c>YES</c>, <c>NO</c>, <c>REFU</c>, <c>NREQ</c> or <c>RHOM</c>.</param>
/// <param name="Activity">ACTIV: <c>F1</c> … <c>G6</c>, or <c>0</c> when not known.</param>
/// <param name="Accommodation">ACCOM: a letter and 1 (suitable) or 2 (unsuitable), or <c>0</c> when not known.</param>
public sealed record CareLeaverRecord(FinancialYear Year, int Age, string InTouch, string Activity, string Accommodation);
