using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Simulation;

/// <summary>The mutable records the simulation fills in, frozen into the public records at the end.</summary>
internal sealed partial class DemoSimulation
{
    private sealed class ChildBuilder
    {
        public int Serial { get; init; }

        public required string Id { get; init; }

        public ChildSex Sex { get; init; }

        public DateOnly BirthDate { get; init; }

        public required string Ethnicity { get; init; }

        public required string Upn { get; init; }

        public required List<string> Disabilities { get; set; }

        public string? HomePostcode { get; init; }

        public DateOnly? UascCeased { get; set; }

        public double MissingRate { get; set; } = -1;

        public int PreviousPlans { get; set; }

        public bool EverInCare { get; set; }

        public DateOnly? PlacementOrder { get; set; }

        public DateOnly? Matched { get; set; }

        public List<Contact> Contacts { get; } = [];

        public List<EarlyHelpAssessment> EarlyHelp { get; } = [];

        public List<EpisodeBuilder> Cin { get; } = [];

        public List<SyntheticCareEpisode> Care { get; } = [];

        public List<CareReview> Reviews { get; } = [];

        public List<SyntheticMissingEpisode> Missing { get; } = [];

        public List<AdoptionDecision> Decisions { get; } = [];

        public AdoptionRecord? Adoption { get; set; }

        public List<HealthRecord> Health { get; } = [];

        public List<CareLeaverRecord> Leaving { get; } = [];

        public bool IsUasc => UascCeased is not null;

        public bool IsDisabled => Disabilities[0] != "NONE";

        public DateOnly Birthday(int age) => BirthDate.AddYears(age);

        public int AgeOn(DateOnly date)
        {
            var age = date.Year - BirthDate.Year;
            return Birthday(age) > date ? age - 1 : age;
        }

        public SyntheticChild Build() => new(
            Id, Sex, BirthDate, Ethnicity, Upn, Disabilities, UascCeased, HomePostcode,
            Contacts.OrderBy(c => c.Date).ToList(), EarlyHelp, Cin.Select(e => e.Build()).ToList(),
            Care.OrderBy(e => e.Start).ToList(), Reviews.OrderBy(r => r.Date).ToList(), Missing.OrderBy(m => m.Start).ToList(),
            Decisions, Adoption, Health, Leaving);
    }

    private sealed class EpisodeBuilder
    {
        public DateOnly Referral { get; init; }

        public required string Source { get; init; }

        public string? Need { get; set; }

        public bool Nfa { get; set; }

        public DateOnly? Closure { get; set; }

        public string? Reason { get; set; }

        public DateOnly LastActivity { get; private set; }

        public List<SyntheticAssessment> Assessments { get; } = [];

        public List<SyntheticCinPlan> CinPlans { get; } = [];

        public List<SyntheticSection47Enquiry> Section47s { get; } = [];

        public List<SyntheticProtectionPlan> ProtectionPlans { get; } = [];

        /// <summary>Which kind of team held the case from when; workers are chosen when the episode is built.</summary>
        public List<(DateOnly From, TeamKind Kind)> Phases { get; } = [];

        public List<Allocation> Allocations { get; } = [];

        public void Touch(DateOnly date)
        {
            if (date > LastActivity)
            {
                LastActivity = date;
            }
        }

        public SyntheticCinEpisode Build() => new(
            Referral, Source, Need, Nfa, Closure, Closure is null ? null : Reason, Assessments, CinPlans, Section47s,
            ProtectionPlans, Allocations);
    }

    /// <summary>
    /// Chooses the workers of each episode: one per phase (front door, assessment, child in need, children in care),
    /// changing now and then as workers leave or cases move; the first of an episode is a first contact (FCONTA).
    /// </summary>
    private void Allocate(EpisodeBuilder episode)
    {
        var end = episode.Closure ?? _horizon.AddDays(1);
        var phases = episode.Phases.OrderBy(p => p.From).ToList();
        Worker? current = null;
        for (var i = 0; i < phases.Count; i++)
        {
            var (from, kind) = phases[i];
            var to = i + 1 < phases.Count ? phases[i + 1].From : end;
            if (from >= to && i + 1 < phases.Count)
            {
                continue;
            }

            if (from >= end && episode.Allocations.Count > 0)
            {
                break;
            }

            if (current is null || !_workersByKind[kind].Contains(current))
            {
                current = WorkerOf(kind);
                Add(from, current, episode.Allocations.Count == 0 ? "FCONTA" : "TSPROC");
            }

            for (var change = from.AddDays(ExponentialDays(420)); change < to.AddDays(-7) && change <= _horizon; change = change.AddDays(ExponentialDays(420)))
            {
                var next = WorkerOf(kind);
                if (next != current)
                {
                    current = next;
                    Add(change, current, Weighted(WorkerChangeReasons));
                }
            }
        }

        void Add(DateOnly from, Worker worker, string reason)
        {
            if (from > _horizon)
            {
                return;
            }

            var list = episode.Allocations;
            if (list.Count > 0 && list[^1].From >= from)
            {
                // Two changes on one day: the later one stands, the first worker's reason is kept.
                list[^1] = new Allocation(list[^1].From, worker.Team, worker.Id, list[^1].Reason);
                return;
            }

            list.Add(new Allocation(from, worker.Team, worker.Id, reason));
        }
    }

    /// <summary>One period of care as it is built, episode by episode.</summary>
    private sealed class PeriodBuilder(ChildBuilder child, DateOnly start, string need, string legal, Placement placement)
    {
        private readonly List<SyntheticCareEpisode> _closed = [];
        private bool _ended;

        public (DateOnly Start, string LegalStatus, Placement Placement, string Rne) Current { get; private set; } = (start, legal, placement, "S");

        /// <summary>The episodes: those closed, and the current one when the period is still open.</summary>
        public IReadOnlyList<SyntheticCareEpisode> Episodes => _ended ? _closed : [.. _closed, Episode(null, null, null)];

        /// <summary>Starts a new episode: RNE L (legal status only), P or T (new carer or same carer), B or U (both).</summary>
        public void Change(DateOnly at, string? legal = null, Placement? placement = null, string? reason = null)
        {
            var newLegal = legal ?? Current.LegalStatus;
            var newPlacement = placement ?? Current.Placement;
            var legalChanged = newLegal != Current.LegalStatus;
            var placementChanged = newPlacement != Current.Placement;
            if (!legalChanged && !placementChanged)
            {
                return;
            }

            var sameCarer = newPlacement.Carer == Current.Placement.Carer;
            var rne = legalChanged ? (placementChanged ? (sameCarer ? "U" : "B") : "L") : (sameCarer ? "T" : "P");
            var temporary = newPlacement.Type.StartsWith('T') || Current.Placement.Type.StartsWith('T');
            _closed.Add(Episode(at, "X1", placementChanged && !temporary ? reason ?? "OTHER" : null));
            Current = (at, newLegal, newPlacement, rne);
        }

        public void End(DateOnly at, string rec)
        {
            _closed.Add(Episode(at, rec, null));
            _ended = true;
        }

        private SyntheticCareEpisode Episode(DateOnly? end, string? rec, string? reasonPlaceChange)
        {
            var p = Current.Placement;
            return new SyntheticCareEpisode(Current.Start, Current.Rne, Current.LegalStatus, need, p.Type, p.Provider, end, rec,
                reasonPlaceChange, child.HomePostcode, p.Postcode, p.Urn, p.Carer);
        }
    }

    private void ShortBreakChild(DateOnly date)
    {
        var child = NewChildRecord(BirthDateFor(date, [(1, 5, 15)]));
        if (!child.IsDisabled)
        {
            child.Disabilities = Chance(0.5) ? ["LD", "AUT"] : ["LD"];
        }

        var episode = OpenEpisode(child, date, Weighted([("3A", 30), ("3D", 30), ("5A", 20), ("2A", 20)]), "N2");
        var assessed = Assess(child, episode, date, inNeed: true);
        episode.Phases.Add((assessed, TeamKind.Disabilities));
        var end = assessed.AddDays(LogNormalDays(1100, 0.5));
        var lastDay = child.Birthday(18).AddDays(-1);
        end = end > lastDay ? lastDay : end;
        if (end <= assessed.AddDays(30))
        {
            end = assessed.AddDays(30);
        }

        episode.CinPlans.Add(new SyntheticCinPlan(assessed, end));
        episode.Touch(end);

        // Short breaks: separate episodes of care under legal status V3, a few nights at a time in the LA's
        // short-break home, at most 75 days a year and 17 days at a time (SSDA903 rules 365 and 367).
        var home = _providers.ShortBreakHome;
        var daysInYear = new Dictionary<int, int>();
        for (var day = assessed.AddDays(Between(20, 90)); ; day = day.AddDays(Between(25, 70)))
        {
            var back = day.AddDays(Between(2, 6));
            if (back >= end || back > _horizon)
            {
                break;
            }

            var year = FinancialYear.Containing(day).StartYear;
            var used = daysInYear.GetValueOrDefault(year);
            if (used + (back.DayNumber - day.DayNumber) > 60 || FinancialYear.Containing(back).StartYear != year)
            {
                continue;
            }

            daysInYear[year] = used + (back.DayNumber - day.DayNumber);
            child.Care.Add(new SyntheticCareEpisode(day, "S", "V3", "N2", home.Type, home.Provider, back, "E4A", null, null, null, home.Urn, home.Carer));
        }

        if (end <= _horizon)
        {
            Close(child, episode, end.AddDays(Between(0, 10)), child.AgeOn(end) >= 17 ? "RC6" : "RC7");
        }
    }

    /// <summary>Health and wellbeing items at a 31 March (OC2), drawn at the national rates.</summary>
    private HealthRecord HealthAt(ChildBuilder child, FinancialYear year)
    {
        var age = child.AgeOn(year.End);
        var misuse = age >= 11 && Chance(0.055);
        var received = misuse && Chance(0.48);
        var assessed = Chance(NationalRates.HealthAssessmentShare);
        var dental = Chance(NationalRates.DentalCheckShare);
        DateOnly Last(bool upToDate)
        {
            var date = year.End.AddDays(-(upToDate ? Between(5, 330) : Between(380, 560)));
            return date < child.BirthDate ? child.BirthDate : date;
        }

        return new HealthRecord(
            year,
            Math.Clamp((int)Math.Round(14.9 + (7.5 * Normal())), 0, 40),
            Chance(0.2) ? Weighted([("SDQ2", 30), ("SDQ3", 20), ("SDQ4", 35), ("SDQ5", 15)]) : null,
            age >= 10 && Chance(0.025),
            Chance(0.88),
            Chance(NationalRates.ImmunisationShare),
            dental,
            assessed,
            misuse,
            received,
            misuse && !received && Chance(0.5),
            Last(assessed),
            Last(dental));
    }

    /// <summary>
    /// Care-leaver follow-up (OC3) for a young person who left care aged 16 or over, having been looked after for at
    /// least 13 weeks since their 14th birthday: around each birthday from 17 to 21 that falls in a written year,
    /// except the 17th and 18th when they were still looked after on (or left care after) that birthday.
    /// </summary>
    private void CareLeaving(ChildBuilder child)
    {
        var episodes = child.Care.Where(e => !e.IsShortBreak).OrderBy(e => e.Start).ToList();
        if (episodes.Count == 0 || episodes[^1].End is not { } left)
        {
            return;
        }

        var rec = episodes[^1].Rec;
        if (rec is "E11" or "E12" or "E45" or "E46" or "E41" or "E3" or "E2" || child.AgeOn(left) < 16)
        {
            return;
        }

        var fourteen = child.Birthday(14);
        var daysSince14 = episodes.Sum(e => Math.Max(0, Min(e.End ?? left, left).DayNumber - Max(e.Start, fourteen).DayNumber));
        if (daysSince14 < 91)
        {
            return;
        }

        var years = _settings.ReportingYears;
        for (var age = 17; age <= 21; age++)
        {
            var birthday = child.Birthday(age);
            var year = FinancialYear.Containing(birthday);
            if (!years.Contains(year) || (age <= 18 && left >= birthday))
            {
                continue;
            }

            var inTouch = Weighted([("YES", 90), ("NO", 3.5), ("REFU", 2), ("RHOM", 3.5), ("NREQ", age >= 19 ? 1 : 0)]);
            if (inTouch != "YES")
            {
                child.Leaving.Add(new CareLeaverRecord(year, age, inTouch, "0", "0"));
                continue;
            }

            var activity = Chance(age <= 18 ? 0.70 : 0.58)
                ? Weighted([("F1", 7), ("P1", 2), ("F2", 30), ("P2", 5), ("F4", 30), ("P4", 12), ("F5", 8), ("P5", 2)])
                : Weighted([("G4", 25), ("G5", 65), ("G6", 10)]);
            string accommodation;
            if (Chance(0.97))
            {
                var suitable = new List<(string, double)> { ("U", 35), ("D", 20), ("E", 8), ("B", 15), ("K", 8), ("Y", 4), ("C", 2) };
                if (age >= 18)
                {
                    suitable.Add(("Z", 12));
                }

                if (age >= 19)
                {
                    suitable.Add(("T", 3));
                }

                accommodation = Weighted([.. suitable]) + "1";
            }
            else
            {
                accommodation = Weighted([("U2", 25), ("V2", 15), ("W2", 10), ("S2", 25), ("X2", 15), ("B2", 10)]);
            }

            child.Leaving.Add(new CareLeaverRecord(year, age, inTouch, activity, accommodation));
        }
    }
}
