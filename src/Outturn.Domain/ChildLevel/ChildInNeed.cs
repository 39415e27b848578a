namespace Outturn.Domain.ChildLevel;

/// <summary>
/// The children in need of one authority as its CIN census returns record them: every child with every CIN episode
/// (<c>CINdetails</c>), merged across the years read, most recent return winning.
/// </summary>
/// <param name="Children">The children, each once.</param>
public sealed record ChildInNeedData(IReadOnlyList<CinChild> Children)
{
    /// <summary>No children.</summary>
    public static readonly ChildInNeedData Empty = new([]);
}

/// <summary>A child in the CIN census (<c>Child</c>).</summary>
/// <param name="ChildId">The LA child ID (<c>LAchildID</c>).</param>
/// <param name="BirthDate">The date of birth (<c>PersonBirthDate</c>), or null for an unborn child.</param>
/// <param name="Gender">The gender or sex as recorded (<c>GenderCurrent</c> to 2024, <c>Sex</c> from 2025), as given.</param>
/// <param name="Episodes">The CIN episodes, in referral date order.</param>
public sealed record CinChild(string ChildId, DateOnly? BirthDate, string? Gender, IReadOnlyList<CinEpisode> Episodes)
{
    /// <summary>The authority whose return holds the child: its three-digit DfE code (<c>LEA</c>), empty when not known.</summary>
    public string Authority { get; init; } = "";

    /// <summary>Age in whole years on a date, or null when the birth date is not known.</summary>
    public int? AgeOn(DateOnly date) => BirthDate is { } b ? date.Year - b.Year - (b.AddYears(date.Year - b.Year) > date ? 1 : 0) : null;
}

/// <summary>A referral and the CIN episode it opens (<c>CINdetails</c>).</summary>
/// <param name="ReferralDate">The referral date (<c>CINreferralDate</c>).</param>
/// <param name="ReferralSource">The referral source code.</param>
/// <param name="ReferralNfa">Whether the referral was closed with no further action (<c>ReferralNFA</c>).</param>
/// <param name="PrimaryNeed">The primary need code (N1 to N9), if recorded.</param>
/// <param name="ClosureDate">The closure date (<c>CINclosureDate</c>), null while open.</param>
/// <param name="ClosureReason">The reason for closure (RC1 to RC9).</param>
/// <param name="Assessments">Children and family assessments.</param>
/// <param name="Plans">Child in need plans.</param>
/// <param name="Section47s">Section 47 enquiries.</param>
/// <param name="ProtectionPlans">Child protection plans.</param>
/// <param name="Team">The team allocated, where the data carries it (Annex A list 3).</param>
/// <param name="Worker">The worker allocated, where the data carries it (Annex A list 3).</param>
public sealed record CinEpisode(
    DateOnly ReferralDate,
    string? ReferralSource,
    bool ReferralNfa,
    string? PrimaryNeed,
    DateOnly? ClosureDate,
    string? ClosureReason,
    IReadOnlyList<CinAssessment> Assessments,
    IReadOnlyList<CinPlan> Plans,
    IReadOnlyList<Section47Enquiry> Section47s,
    IReadOnlyList<ProtectionPlan> ProtectionPlans,
    string? Team = null,
    string? Worker = null)
{
    /// <summary>Open at the end of a day: referred on or before it and not closed on or before it.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(ReferralDate, ClosureDate, date);
}

/// <summary>A children and family assessment (<c>Assessments</c>).</summary>
/// <param name="Start">The actual start date (<c>AssessmentActualStartDate</c>).</param>
/// <param name="Authorised">The authorisation date (<c>AssessmentAuthorisationDate</c>), null while open.</param>
public sealed record CinAssessment(DateOnly Start, DateOnly? Authorised);

/// <summary>A child in need plan (<c>CINPlanDates</c>).</summary>
/// <param name="Start">The start date.</param>
/// <param name="End">The end date, null while open.</param>
public sealed record CinPlan(DateOnly Start, DateOnly? End);

/// <summary>A section 47 enquiry (<c>Section47</c>).</summary>
/// <param name="Start">The strategy discussion that started it (<c>S47ActualStartDate</c>).</param>
/// <param name="ConferenceTarget">The date the initial conference was due (<c>InitialCPCtarget</c>).</param>
/// <param name="ConferenceDate">The initial child protection conference (<c>DateOfInitialCPC</c>), if held.</param>
/// <param name="ConferenceNotRequired">Whether a conference was deemed unnecessary (<c>ICPCnotRequired</c>).</param>
public sealed record Section47Enquiry(DateOnly Start, DateOnly? ConferenceTarget, DateOnly? ConferenceDate, bool ConferenceNotRequired);

/// <summary>A child protection plan (<c>ChildProtectionPlans</c>).</summary>
/// <param name="Start">The start date (<c>CPPstartDate</c>).</param>
/// <param name="End">The end date (<c>CPPendDate</c>), null while open.</param>
/// <param name="InitialCategory">The initial category of abuse.</param>
/// <param name="PreviousPlans">The number of previous plans the child has had (<c>NumberOfPreviousCPP</c>), if given.</param>
/// <param name="Reviews">The review conference dates (<c>CPPreviewDate</c>), in order.</param>
public sealed record ProtectionPlan(DateOnly Start, DateOnly? End, string? InitialCategory, int? PreviousPlans, IReadOnlyList<DateOnly> Reviews)
{
    /// <summary>Open at the end of a day.</summary>
    public bool IsOpenOn(DateOnly date) => Dated.IsOpenOn(Start, End, date);
}
