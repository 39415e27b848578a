using Outturn.Domain.ChildLevel;

namespace Outturn.Demo;

/// <summary>
/// A referral and the CIN episode it opens: the CIN census <c>CINdetails</c> module, with everything recorded within
/// it. Dates after the end of a census year are not yet known in that year's return (see <see cref="Returns.CinCensusYear"/>).
/// </summary>
/// <param name="ReferralDate">The referral date.</param>
/// <param name="ReferralSource">The CIN census referral source code (<c>1A</c> … <c>10</c>).</param>
/// <param name="PrimaryNeed">The primary need code (<c>N1</c> … <c>N9</c>); null only for a referral with no further
/// action.</param>
/// <param name="ReferralNfa">Whether the referral was closed with no further action, before any assessment.</param>
/// <param name="ClosureDate">The CIN closure date, or null while the episode is open.</param>
/// <param name="ClosureReason">The reason for closure (<c>RC1</c> … <c>RC9</c>), present exactly when closed.</param>
/// <param name="Assessments">Children and family assessments, at most one open at a time.</param>
/// <param name="CinPlans">Child in need plans, never overlapping each other or a child protection plan.</param>
/// <param name="Section47s">Section 47 enquiries, at most one open at a time.</param>
/// <param name="ProtectionPlans">Child protection plans, each starting at its enquiry's initial conference.</param>
/// <param name="Allocations">Who held the case, from the referral on: team, worker and why it changed.</param>
public sealed record SyntheticCinEpisode(
    DateOnly ReferralDate,
    string ReferralSource,
    string? PrimaryNeed,
    bool ReferralNfa,
    DateOnly? ClosureDate,
    string? ClosureReason,
    IReadOnlyList<SyntheticAssessment> Assessments,
    IReadOnlyList<SyntheticCinPlan> CinPlans,
    IReadOnlyList<SyntheticSection47Enquiry> Section47s,
    IReadOnlyList<SyntheticProtectionPlan> ProtectionPlans,
    IReadOnlyList<Allocation> Allocations)
{
    /// <summary>Whether the episode is open at the end of a date, as <see cref="Dated.IsOpenOn"/> says.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(ReferralDate, ClosureDate, date);
}

/// <summary>A children and family assessment (the CIN census <c>Assessments</c> module).</summary>
/// <param name="Start">The assessment's actual start date, a working day.</param>
/// <param name="Authorised">The authorisation (completion) date, a working day, or null while open.</param>
/// <param name="Factors">The factors identified at the end of the assessment (<c>21</c> alone when none).</param>
/// <param name="ChildSeen">Whether the child was seen during the assessment (Annex A list 4).</param>
/// <param name="InNeed">Whether the child was assessed as needing children's social care services.</param>
public sealed record SyntheticAssessment(DateOnly Start, DateOnly? Authorised, IReadOnlyList<string> Factors, bool ChildSeen, bool InNeed);

/// <summary>A child in need plan (the CIN census <c>CINPlanDates</c> module).</summary>
/// <param name="Start">The plan started.</param>
/// <param name="End">The plan ended, or null while open.</param>
public sealed record SyntheticCinPlan(DateOnly Start, DateOnly? End);

/// <summary>A section 47 enquiry (the CIN census <c>Section47</c> module).</summary>
/// <param name="Start">The strategy discussion that started the enquiry, a working day.</param>
/// <param name="ConferenceTarget">The date the initial child protection conference was due: 15 working days on,
/// counting the start day (a working day, never a weekend).</param>
/// <param name="ConferenceDate">The initial child protection conference, a working day, or null when none was held.</param>
/// <param name="ConcludedWithoutConference">The day the enquiry concluded that no conference was needed; null when a
/// conference was held or the enquiry is still open.</param>
/// <param name="ResultedInPlan">Whether the conference made a child protection plan.</param>
public sealed record SyntheticSection47Enquiry(
    DateOnly Start, DateOnly ConferenceTarget, DateOnly? ConferenceDate, DateOnly? ConcludedWithoutConference, bool ResultedInPlan);

/// <summary>A child protection plan (the CIN census <c>ChildProtectionPlans</c> module).</summary>
/// <param name="Start">The plan started: the date of the initial conference that made it.</param>
/// <param name="End">The plan ended, or null while open.</param>
/// <param name="InitialCategory">The initial category of abuse (<c>NEG</c>, <c>EMO</c>, <c>PHY</c>, <c>SAB</c>,
/// <c>MUL</c>).</param>
/// <param name="LatestCategory">The latest category of abuse.</param>
/// <param name="PreviousPlans">How many child protection plans the child had before this one, ever.</param>
/// <param name="Reviews">Review conference dates: the first within 3 months, then at most 6 months apart; the last
/// may be the day the plan ended.</param>
public sealed record SyntheticProtectionPlan(
    DateOnly Start, DateOnly? End, string InitialCategory, string LatestCategory, int PreviousPlans, IReadOnlyList<DateOnly> Reviews);

/// <summary>A case allocation: from <paramref name="From"/> until the next allocation or the episode's closure.</summary>
/// <param name="From">The allocation began.</param>
/// <param name="Team">The team's name.</param>
/// <param name="WorkerId">The social worker's ID.</param>
/// <param name="Reason">The SSDA903 reason for the social worker change (<c>FCONTA</c> for the first worker of an
/// episode, then <c>TSPROC</c>, <c>LEFTRL</c>, <c>MANAGE</c>, …).</param>
public sealed record Allocation(DateOnly From, string Team, string WorkerId, string Reason);
