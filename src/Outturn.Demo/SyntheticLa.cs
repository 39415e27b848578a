using Outturn.Domain.Periods;

namespace Outturn.Demo;

/// <summary>
/// A whole synthetic local authority: every child known to children's social care over the simulated years, with
/// their contacts, referrals, assessments, plans and care histories, and the staff and population behind them.
/// </summary>
/// <remarks>Made by <see cref="DemoGenerator.Generate"/>; the yearly returns are read from it by
/// <see cref="Returns.Ssda903Year.For"/> and <see cref="Returns.CinCensusYear.For"/>.</remarks>
/// <param name="Settings">What was asked for.</param>
/// <param name="Population">Children aged 0 to 17 at each mid-year, one per year from the year before the first
/// reporting year to the last.</param>
/// <param name="Teams">The social work teams, front door first.</param>
/// <param name="Workers">The social workers, each in one team.</param>
/// <param name="Children">Every child, in the order their LA child IDs were issued.</param>
/// <param name="Adopters">The adoptive families children were placed with.</param>
public sealed record SyntheticLa(
    DemoSettings Settings,
    IReadOnlyList<PopulationEstimate> Population,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Worker> Workers,
    IReadOnlyList<SyntheticChild> Children,
    IReadOnlyList<AdopterFamily> Adopters)
{
    /// <summary>The children and young people with requests for EHC needs assessments (the SEN2 return).</summary>
    public IReadOnlyList<SenPerson> SpecialNeeds { get; init; } = [];

    /// <summary>The population of the mid-year before the financial year ends, as the DfE uses for rates of the
    /// year (2024-25 uses mid-2024).</summary>
    public int PopulationFor(FinancialYear year) =>
        Population.LastOrDefault(p => p.MidYear <= year.StartYear)?.Children ?? Settings.Children;
}

/// <summary>An ONS mid-year estimate of the children aged 0 to 17 living in the LA.</summary>
/// <param name="MidYear">The calendar year of the 30 June estimate.</param>
/// <param name="Children">Children aged 0 to 17.</param>
public sealed record PopulationEstimate(int MidYear, int Children);

/// <summary>A social work team.</summary>
/// <param name="Name">The team's name as Annex A shows it ("Assessment Team 2").</param>
/// <param name="Kind">What the team does.</param>
public sealed record Team(string Name, TeamKind Kind);

/// <summary>What a team does, which decides which children it holds.</summary>
public enum TeamKind
{
    /// <summary>Receives contacts and referrals (MASH).</summary>
    FrontDoor,

    /// <summary>Carries out children and family assessments and section 47 enquiries.</summary>
    Assessment,

    /// <summary>Holds children in need and child protection plans.</summary>
    ChildInNeed,

    /// <summary>Holds children with disabilities, including those on short breaks.</summary>
    Disabilities,

    /// <summary>Holds children looked after.</summary>
    ChildrenInCare,

    /// <summary>Holds care leavers aged 18 to 21 (their personal advisers).</summary>
    CareLeavers,
}

/// <summary>A social worker.</summary>
/// <param name="Id">The social worker ID reported in the SSDA903 SW episodes, <c>SW</c> and digits.</param>
/// <param name="Name">A made-up name, as Annex A's "Allocated Worker" shows it.</param>
/// <param name="Team">The name of the worker's team.</param>
public sealed record Worker(string Id, string Name, string Team);

/// <summary>A family approved to adopt, and the dates of its journey (Annex A list 11).</summary>
/// <param name="Id">The family identifier, shared with the child's list 10 row.</param>
/// <param name="Adopters">One or two adopters.</param>
/// <param name="EnquiryReceived">The first enquiry.</param>
/// <param name="Stage1Started">Stage 1 (registration and checks) began.</param>
/// <param name="Stage1Ended">Stage 1 ended.</param>
/// <param name="Stage2Started">Stage 2 (assessment) began.</param>
/// <param name="Stage2Ended">Stage 2 ended.</param>
/// <param name="ApplicationSubmitted">The application was submitted.</param>
/// <param name="Approved">The adoption panel's approval.</param>
/// <param name="Matched">Matched with the child.</param>
/// <param name="Placed">The child was placed with the family.</param>
/// <param name="AdoptionOrder">The adoption order, or null while the child is placed.</param>
/// <param name="FosteringForAdoption">Whether the family first fostered the child (fostering for adoption).</param>
public sealed record AdopterFamily(
    string Id, IReadOnlyList<Adopter> Adopters, DateOnly EnquiryReceived, DateOnly Stage1Started, DateOnly Stage1Ended,
    DateOnly Stage2Started, DateOnly Stage2Ended, DateOnly ApplicationSubmitted, DateOnly Approved, DateOnly Matched,
    DateOnly Placed, DateOnly? AdoptionOrder, bool FosteringForAdoption);

/// <summary>One adopter.</summary>
/// <param name="Id">The individual adopter identifier.</param>
/// <param name="Sex">The adopter's sex.</param>
/// <param name="Ethnicity">A CIN census ethnicity code.</param>
/// <param name="Disabled">Whether the adopter has a disability.</param>
public sealed record Adopter(string Id, ChildSex Sex, string Ethnicity, bool Disabled);
