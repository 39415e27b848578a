using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Returns;

/// <summary>
/// One year's SSDA903 return (children looked after) as the LA submits it, table by table, in the column order of
/// the DfE CSV specification. Which children and rows each table holds follows the DfE validation rules; see the
/// remarks of each row type.
/// </summary>
/// <param name="Year">The collection year (1 April to 31 March).</param>
/// <param name="Header">One row per child with an episode in the year or a care-leaver (OC3) record.</param>
/// <param name="Episodes">Every episode open at any time in the year, as known at 31 March.</param>
/// <param name="Reviews">Looked-after reviews held in the year.</param>
/// <param name="Uasc">Unaccompanied asylum-seeking children looked after in the year.</param>
/// <param name="Oc2">Children looked after continuously for the whole year (12 months at 31 March).</param>
/// <param name="Oc3">Care leavers around their 17th to 21st birthdays.</param>
/// <param name="Ad1">Children adopted in the year.</param>
/// <param name="PlacedAdoption">Decisions that a child should be placed for adoption, open at any time in the year.</param>
/// <param name="PreviousPermanence">Children who started to be looked after in the year.</param>
/// <param name="Missing">Missing and away episodes starting in the year.</param>
/// <param name="SocialWorkers">Social worker episodes in the year (collected from 2023-24).</param>
public sealed record Ssda903Year(
    FinancialYear Year,
    IReadOnlyList<Ssda903Year.HeaderRow> Header,
    IReadOnlyList<Ssda903Year.EpisodeRow> Episodes,
    IReadOnlyList<Ssda903Year.ReviewRow> Reviews,
    IReadOnlyList<Ssda903Year.UascRow> Uasc,
    IReadOnlyList<Ssda903Year.Oc2Row> Oc2,
    IReadOnlyList<Ssda903Year.Oc3Row> Oc3,
    IReadOnlyList<Ssda903Year.Ad1Row> Ad1,
    IReadOnlyList<Ssda903Year.PlacedAdoptionRow> PlacedAdoption,
    IReadOnlyList<Ssda903Year.PreviousPermanenceRow> PreviousPermanence,
    IReadOnlyList<Ssda903Year.MissingRow> Missing,
    IReadOnlyList<Ssda903Year.SocialWorkerRow> SocialWorkers)
{
    /// <summary>The first year with social worker episodes (SWEpisodes, from 2023-24).</summary>
    public static readonly FinancialYear FirstSocialWorkerYear = new(2023);

    /// <summary>The return of <paramref name="year"/> from the LA's full history.</summary>
    public static Ssda903Year For(SyntheticLa la, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(la);
        var builder = new Builder(year);
        foreach (var child in la.Children)
        {
            builder.Add(child);
        }

        return builder.Build();
    }

    /// <summary>A child's header row.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="Sex">SEX (written 1/2 before 2024-25, M/F from 2024-25).</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Ethnicity">ETHNIC.</param>
    /// <param name="Upn">UPN, or a UN reason code.</param>
    /// <param name="Mother">MOTHER: <c>0</c> for a girl looked after in the year (other than on short breaks), blank
    /// otherwise.</param>
    public sealed record HeaderRow(string Child, ChildSex Sex, DateOnly BirthDate, string Ethnicity, string Upn, string? Mother);

    /// <summary>An episode as known at 31 March: an end after the year end is blank (with its REC and reason).</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="Episode">The episode.</param>
    public sealed record EpisodeRow(string Child, SyntheticCareEpisode Episode);

    /// <summary>A review.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Date">REVIEW.</param>
    /// <param name="Participation">REVIEW_CODE.</param>
    public sealed record ReviewRow(string Child, DateOnly BirthDate, DateOnly Date, string Participation);

    /// <summary>An unaccompanied asylum-seeking child.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="Sex">SEX.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Ceased">DUC, the date UASC status ceased (the 18th birthday).</param>
    public sealed record UascRow(string Child, ChildSex Sex, DateOnly BirthDate, DateOnly Ceased);

    /// <summary>
    /// Outcomes of a child looked after continuously for 12 months at 31 March. Age decides which items are
    /// present: SDQ from 4 to 16 (a reason <c>SDQ1</c> in the year of the 4th or 17th birthday when no score was
    /// returned), conviction from 10, development check under 5, intervention items only for substance misuse.
    /// </summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="SdqScore">SDQ_SCORE.</param>
    /// <param name="SdqReason">SDQ_REASON.</param>
    /// <param name="Convicted">CONVICTED.</param>
    /// <param name="HealthCheck">HEALTH_CHECK.</param>
    /// <param name="Immunisations">IMMUNISATIONS.</param>
    /// <param name="TeethCheck">TEETH_CHECK.</param>
    /// <param name="HealthAssessment">HEALTH_ASSESSMENT.</param>
    /// <param name="SubstanceMisuse">SUBSTANCE_MISUSE.</param>
    /// <param name="InterventionReceived">INTERVENTION_RECEIVED.</param>
    /// <param name="InterventionOffered">INTERVENTION_OFFERED.</param>
    public sealed record Oc2Row(
        string Child, DateOnly BirthDate, int? SdqScore, string? SdqReason, bool? Convicted, bool? HealthCheck, bool Immunisations,
        bool TeethCheck, bool HealthAssessment, bool SubstanceMisuse, bool? InterventionReceived, bool? InterventionOffered);

    /// <summary>A care leaver's follow-up.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="InTouch">IN_TOUCH.</param>
    /// <param name="Activity">ACTIV.</param>
    /// <param name="Accommodation">ACCOM.</param>
    public sealed record Oc3Row(string Child, DateOnly BirthDate, string InTouch, string Activity, string Accommodation);

    /// <summary>An adoption in the year.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Adoption">The adoption (DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR).</param>
    public sealed record Ad1Row(string Child, DateOnly BirthDate, AdoptionRecord Adoption);

    /// <summary>A decision that the child should be placed for adoption.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Decided">DATE_PLACED.</param>
    /// <param name="Ceased">DATE_PLACED_CEASED: only a reversal in or before the year (blank for an adoption).</param>
    /// <param name="Reason">REASON_PLACED_CEASED.</param>
    public sealed record PlacedAdoptionRow(string Child, DateOnly BirthDate, DateOnly Decided, DateOnly? Ceased, string? Reason);

    /// <summary>Previous permanence of a child who started to be looked after in the year (Z1: none known).</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="PreviousPermanence">PREV_PERM.</param>
    public sealed record PreviousPermanenceRow(string Child, DateOnly BirthDate, string PreviousPermanence);

    /// <summary>A missing (<c>M</c>) or away (<c>A</c>) episode.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="Kind">MISSING.</param>
    /// <param name="Start">MIS_START.</param>
    /// <param name="End">MIS_END.</param>
    public sealed record MissingRow(string Child, DateOnly BirthDate, string Kind, DateOnly Start, DateOnly End);

    /// <summary>A social worker episode: one allocated worker, from allocation to the next change.</summary>
    /// <param name="Child">CHILD.</param>
    /// <param name="BirthDate">DOB.</param>
    /// <param name="WorkerId">SW_ID.</param>
    /// <param name="Start">SW_DECOM.</param>
    /// <param name="End">SW_DEC, blank while the worker is still allocated at 31 March.</param>
    /// <param name="Reason">SW_REASON.</param>
    public sealed record SocialWorkerRow(string Child, DateOnly BirthDate, string WorkerId, DateOnly Start, DateOnly? End, string Reason);

    private sealed class Builder(FinancialYear year)
    {
        private readonly List<HeaderRow> _header = [];
        private readonly List<EpisodeRow> _episodes = [];
        private readonly List<ReviewRow> _reviews = [];
        private readonly List<UascRow> _uasc = [];
        private readonly List<Oc2Row> _oc2 = [];
        private readonly List<Oc3Row> _oc3 = [];
        private readonly List<Ad1Row> _ad1 = [];
        private readonly List<PlacedAdoptionRow> _placed = [];
        private readonly List<PreviousPermanenceRow> _permanence = [];
        private readonly List<MissingRow> _missing = [];
        private readonly List<SocialWorkerRow> _workers = [];

        public void Add(SyntheticChild child)
        {
            var episodes = child.CareEpisodes.Where(e => Dated.IsOpenDuring(e.Start, e.End, year.Start, year.End)).ToList();
            var leaving = child.CareLeaving.Where(c => c.Year == year).ToList();
            if (episodes.Count == 0 && leaving.Count == 0)
            {
                return;
            }

            var id = child.Id;
            var dob = child.BirthDate;
            var lookedAfter = episodes.Any(e => !e.IsShortBreak);
            _header.Add(new HeaderRow(id, child.Sex, dob, child.Ethnicity, child.UpnOn(year.End),
                child.Sex == ChildSex.Female && lookedAfter ? "0" : null));
            foreach (var episode in episodes)
            {
                _episodes.Add(new EpisodeRow(id, episode.End > year.End
                    ? episode with { End = null, Rec = null, ReasonPlaceChange = null }
                    : episode));
            }

            if (episodes.Count > 0)
            {
                AddCare(child, episodes, lookedAfter);
            }

            foreach (var record in leaving)
            {
                _oc3.Add(new Oc3Row(id, dob, record.InTouch, record.Activity, record.Accommodation));
            }
        }

        private void AddCare(SyntheticChild child, List<SyntheticCareEpisode> episodes, bool lookedAfter)
        {
            var id = child.Id;
            var dob = child.BirthDate;
            if (lookedAfter)
            {
                _reviews.AddRange(child.Reviews.Where(r => year.Contains(r.Date)).Select(r => new ReviewRow(id, dob, r.Date, r.Participation)));
                _missing.AddRange(child.Missing.Where(m => year.Contains(m.Start)).Select(m => new MissingRow(id, dob, m.Kind, m.Start, m.End)));
                if (child.UascCeased is { } ceased)
                {
                    _uasc.Add(new UascRow(id, child.Sex, dob, ceased));
                }

                if (year >= FirstSocialWorkerYear)
                {
                    AddSocialWorkers(child);
                }
            }

            if (episodes.Any(e => e.Rne == "S" && year.Contains(e.Start)))
            {
                _permanence.Add(new PreviousPermanenceRow(id, dob, "Z1"));
            }

            if (ContinuouslyLookedAfter(episodes))
            {
                _oc2.Add(Outcomes(child));
            }

            if (child.Adoption is { } adoption && episodes.Any(e => e.Rec is "E11" or "E12" && e.End is { } adopted && year.Contains(adopted)))
            {
                _ad1.Add(new Ad1Row(id, dob, adoption));
            }

            foreach (var decision in child.AdoptionDecisions.Where(d => Dated.IsOpenDuring(d.Decided, d.Reversed, year.Start, year.End)))
            {
                var reversed = decision.Reversed <= year.End;
                _placed.Add(new PlacedAdoptionRow(id, dob, decision.Decided, reversed ? decision.Reversed : null, reversed ? decision.ReversalReason : null));
            }
        }

        /// <summary>
        /// The DfE's "looked after continuously for 12 months at 31 March", as the SSDA903 validator computes it:
        /// looked after in the year, with no start after 1 April, no end other than X1 before 31 March and no short
        /// break in the year.
        /// </summary>
        private bool ContinuouslyLookedAfter(List<SyntheticCareEpisode> episodes) =>
            !episodes.Any(e =>
                (e.Rne == "S" && e.Start > year.Start)
                || (e.EndsCare && e.End >= year.Start && e.End < year.End)
                || e.IsShortBreak);

        private Oc2Row Outcomes(SyntheticChild child)
        {
            var health = child.Health.SingleOrDefault(h => h.Year == year)
                ?? throw new InvalidOperationException($"{child.Id} was looked after all {year} but has no health record.");
            var four = child.Birthday(4);
            var seventeen = child.Birthday(17);
            int? score = null;
            string? reason = null;
            if (four <= year.End && seventeen >= year.Start)
            {
                var edge = four > year.Start || seventeen <= year.End;
                if (health.NoSdqReason is null)
                {
                    score = health.SdqScore;
                }
                else
                {
                    reason = edge ? "SDQ1" : health.NoSdqReason;
                }
            }

            var misuse = health.SubstanceMisuse;
            return new Oc2Row(
                child.Id, child.BirthDate, score, reason,
                child.Birthday(10) <= year.End ? health.Convicted : null,
                child.Birthday(5) > year.End ? health.DevelopmentCheck : null,
                health.Immunisations, health.TeethChecked, health.HealthAssessment, misuse,
                misuse ? health.InterventionReceived : null,
                misuse && !health.InterventionReceived ? health.InterventionOffered : null);
        }

        private void AddSocialWorkers(SyntheticChild child)
        {
            foreach (var episode in child.CinEpisodes)
            {
                var allocations = episode.Allocations;
                for (var i = 0; i < allocations.Count; i++)
                {
                    var from = allocations[i].From;
                    var to = i + 1 < allocations.Count ? allocations[i + 1].From : episode.ClosureDate;
                    if (from > year.End || to < year.Start || to <= from)
                    {
                        continue;
                    }

                    _workers.Add(new SocialWorkerRow(child.Id, child.BirthDate, allocations[i].WorkerId, from,
                        to <= year.End ? to : null, allocations[i].Reason));
                }
            }
        }

        public Ssda903Year Build() =>
            new(year, _header, _episodes, _reviews, _uasc, _oc2, _oc3, _ad1, _placed, _permanence, _missing, _workers);
    }
}
