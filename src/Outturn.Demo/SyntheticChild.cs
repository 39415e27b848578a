namespace Outturn.Demo;

/// <summary>A child's recorded sex.</summary>
public enum ChildSex
{
    /// <summary>Male: <c>1</c> before 2024-25, <c>M</c> from 2024-25.</summary>
    Male,

    /// <summary>Female: <c>2</c> before 2024-25, <c>F</c> from 2024-25.</summary>
    Female,
}

/// <summary>A child known to children's social care, with everything that happened to them, in date order.</summary>
/// <param name="Id">The LA child ID, the same in every return (at most 20 letters and digits).</param>
/// <param name="Sex">The child's sex.</param>
/// <param name="BirthDate">The date of birth.</param>
/// <param name="Ethnicity">A CIN census / SSDA903 ethnicity code (<c>WBRI</c>, <c>APKN</c>, …).</param>
/// <param name="Upn">The child's unique pupil number (13 characters with a valid check letter), or a
/// <c>UN</c> reason code when the child never attended school in England; see <see cref="UpnOn"/>.</param>
/// <param name="Disabilities">CIN census disability codes; <c>NONE</c> alone when the child has none.</param>
/// <param name="UascCeased">For an unaccompanied asylum-seeking child, the date UASC status ceased (the 18th
/// birthday); null otherwise.</param>
/// <param name="HomePostcode">The family home's postcode (blank for UASC), the SSDA903 <c>HOME_POST</c>.</param>
/// <param name="Contacts">Contacts received about the child (Annex A list 1).</param>
/// <param name="EarlyHelp">Early help assessments (Annex A list 2).</param>
/// <param name="CinEpisodes">Referrals, each opening a CIN episode (the CIN census <c>CINdetails</c>).</param>
/// <param name="CareEpisodes">SSDA903 episodes of care, every period of care in date order.</param>
/// <param name="Reviews">Looked-after reviews.</param>
/// <param name="Missing">Episodes missing or away from placement without authorisation.</param>
/// <param name="AdoptionDecisions">Decisions that the child should be placed for adoption.</param>
/// <param name="Adoption">The adoption, when the child was placed for adoption.</param>
/// <param name="Health">Health outcomes at each 31 March the child was looked after (OC2 when continuously looked
/// after for 12 months).</param>
/// <param name="CareLeaving">Care-leaver follow-up around each birthday from 17 to 21 (OC3).</param>
public sealed record SyntheticChild(
    string Id,
    ChildSex Sex,
    DateOnly BirthDate,
    string Ethnicity,
    string Upn,
    IReadOnlyList<string> Disabilities,
    DateOnly? UascCeased,
    string? HomePostcode,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<EarlyHelpAssessment> EarlyHelp,
    IReadOnlyList<SyntheticCinEpisode> CinEpisodes,
    IReadOnlyList<SyntheticCareEpisode> CareEpisodes,
    IReadOnlyList<CareReview> Reviews,
    IReadOnlyList<SyntheticMissingEpisode> Missing,
    IReadOnlyList<AdoptionDecision> AdoptionDecisions,
    AdoptionRecord? Adoption,
    IReadOnlyList<HealthRecord> Health,
    IReadOnlyList<CareLeaverRecord> CareLeaving)
{
    /// <summary>Whether the child arrived as an unaccompanied asylum-seeking child.</summary>
    public bool IsUasc => UascCeased is not null;

    /// <summary>Whether any disability is recorded.</summary>
    public bool IsDisabled => Disabilities.Count > 0 && Disabilities[0] != "NONE";

    /// <summary>The child's birthday at an age (29 February birthdays fall on 28 February in other years).</summary>
    public DateOnly Birthday(int age) => BirthDate.AddYears(age);

    /// <summary>Age in whole years on a date.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return Birthday(age) > date ? age - 1 : age;
    }

    /// <summary>
    /// The UPN as a return made on <paramref name="referenceDate"/> reports it: <c>UN1</c> ("child not of school
    /// age") while the child is under 3 on that date, so that no school-age child ever carries UN1.
    /// </summary>
    public string UpnOn(DateOnly referenceDate) =>
        Upn.StartsWith("UN", StringComparison.Ordinal) || Birthday(3) <= referenceDate ? Upn : "UN1";
}

/// <summary>A contact about a child received by the front door.</summary>
/// <param name="Date">The date of contact.</param>
/// <param name="Source">The CIN census referral source code of whoever made contact.</param>
/// <param name="LedToReferral">Whether it became a referral.</param>
public sealed record Contact(DateOnly Date, string Source, bool LedToReferral);

/// <summary>An early help assessment (outside statutory social care).</summary>
/// <param name="Start">The assessment started.</param>
/// <param name="Completed">The assessment was completed, or null while it continues.</param>
/// <param name="Organisation">Who completed it.</param>
public sealed record EarlyHelpAssessment(DateOnly Start, DateOnly? Completed, string Organisation);
