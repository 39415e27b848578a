using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Simulation;

/// <summary>The simulation behind <see cref="DemoGenerator"/>: set-up, arrivals of children, and assembly.</summary>
internal sealed partial class DemoSimulation
{
    /// <summary>Tuning: first referrals of new children per 10,000 children a year (the rest of the referrals are
    /// repeat referrals of children already known), set so that all referrals come to about 519 per 10,000.</summary>
    private const double NewChildReferralRate = 288;

    /// <summary>Tuning: care entrants per 10,000 children a year before the simulation starts, which make the stock
    /// of children already in care.</summary>
    private const double HistoricCareEntryRate = 24;

    /// <summary>Unaccompanied asylum-seeking children arriving per 10,000 children a year.</summary>
    private const double UascArrivalRate = 1.6;

    /// <summary>Disabled children with planned short breaks (legal status V3) per 10,000 children.</summary>
    private const double ShortBreakRate = 2.5;

    /// <summary>Contacts that do not become referrals, per 10,000 children a year (Annex A list 1, last year only).</summary>
    private const double ContactOnlyRate = 700;

    private static readonly string[] UpnLaNumbers = ["873", "874", "881", "882", "883"];

    private readonly List<ChildBuilder> _children = [];
    private readonly List<AdopterFamily> _adopters = [];
    private readonly List<Team> _teams = [];
    private readonly List<Worker> _workers = [];
    private readonly Dictionary<TeamKind, List<Worker>> _workersByKind = [];
    private readonly DateOnly _start;
    private readonly DateOnly _horizon;
    private readonly double _per10k;
    private int _childSerial;
    private int _upnSerial;
    private int _carerSerial;
    private int _familySerial;
    private int _adopterSerial;

    public DemoSimulation(DemoSettings settings)
    {
        _settings = settings;
        _rng = new Random(settings.Seed);
        _start = settings.SimulationStart;
        _horizon = settings.LastYear.End;
        _per10k = settings.Children / 10_000.0;
        _providers = new Providers(this);
    }

    public SyntheticLa Run()
    {
        CreateStaff();

        // Children who entered care before the simulation start: those still in care make the opening stock, with
        // a realistic spread of lengths of care (the rest left before any return is written).
        Arrivals(_start.AddYears(-18), _start, HistoricCareEntryRate, date => HistoricCareEntrant(date));

        // Disabled children on short breaks, some already known at the start.
        for (var i = Poisson(ShortBreakRate * _per10k); i > 0; i--)
        {
            ShortBreakChild(_start.AddDays(-Between(30, 1500)));
        }

        Arrivals(_start, _horizon, ShortBreakRate / 6, ShortBreakChild);
        Arrivals(_start.AddYears(-3), _horizon, UascArrivalRate, UascChild);
        Arrivals(_start, _horizon, NewChildReferralRate, NewChild);
        Arrivals(_settings.LastYear.Start, _horizon, ContactOnlyRate, ContactOnlyChild);

        foreach (var child in _children)
        {
            AddYearlyOutcomes(child);
        }

        return new SyntheticLa(
            _settings, Population(), _teams, _workers,
            _children.OrderBy(c => c.Serial).Select(c => c.Build()).ToList(), _adopters);
    }

    /// <summary>Calls <paramref name="arrive"/> for each arrival from <paramref name="from"/> to
    /// <paramref name="to"/>, at <paramref name="ratePer10k"/> a year; fewer at weekends and on bank holidays.</summary>
    private void Arrivals(DateOnly from, DateOnly to, double ratePer10k, Action<DateOnly> arrive)
    {
        var perDay = ratePer10k * _per10k / 365.25;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var mean = IsWorkingDay(day) ? perDay * 1.3 : perDay * 0.28;
            for (var n = Poisson(mean); n > 0; n--)
            {
                arrive(day);
            }
        }
    }

    private IReadOnlyList<PopulationEstimate> Population()
    {
        var list = new List<PopulationEstimate>();
        for (var year = _settings.FirstYear.StartYear - 1; year <= _settings.LastYear.StartYear; year++)
        {
            // A gently growing population: 0.4% a year, ending at the requested size.
            var scale = Math.Pow(1.004, year - _settings.LastYear.StartYear);
            list.Add(new PopulationEstimate(year, (int)Math.Round(_settings.Children * scale)));
        }

        return list;
    }

    private void CreateStaff()
    {
        // Enough case-holding workers for the expected caseload: about 330 open cases per 10,000 children, at the
        // national average of 15.2 cases each.
        var workers = Math.Max(12, (int)Math.Round(NationalRates.ChildrenInNeedAt31March * _per10k / NationalRates.CaseloadPerWorker));
        var shape = new (TeamKind Kind, string Name, double Share, int PerTeam)[]
        {
            (TeamKind.FrontDoor, "Front Door (MASH)", 0.08, 12),
            (TeamKind.Assessment, "Assessment Team", 0.27, 7),
            (TeamKind.ChildInNeed, "Child in Need and Protection Team", 0.30, 7),
            (TeamKind.Disabilities, "Children with Disabilities Team", 0.07, 12),
            (TeamKind.ChildrenInCare, "Children in Care Team", 0.22, 7),
            (TeamKind.CareLeavers, "Care Leavers Team", 0.06, 12),
        };
        var id = 0;
        foreach (var (kind, name, share, perTeam) in shape)
        {
            var count = Math.Max(2, (int)Math.Round(workers * share));
            var teams = (int)Math.Ceiling(count / (double)perTeam);
            var list = new List<Worker>();
            for (var t = 1; t <= teams; t++)
            {
                var teamName = teams == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {t}");
                _teams.Add(new Team(teamName, kind));
                var members = (count / teams) + (t <= count % teams ? 1 : 0);
                for (var m = 0; m < members; m++)
                {
                    id++;
                    var (first, surname) = (Pick(FirstNames), Pick(Surnames));
                    var fullName = $"{first} {surname}";
                    if (_workers.Any(w => w.Name == fullName))
                    {
                        // Names tell workers apart in Annex A and the caseload: a second "Owen Yardley" gets a middle
                        // initial (from the id, so no extra random draw shifts the rest of the demo).
                        fullName = $"{first} {(char)('A' + (id % 26))}. {surname}";
                    }

                    var worker = new Worker(string.Create(CultureInfo.InvariantCulture, $"SW{id:D4}"), fullName, teamName);
                    _workers.Add(worker);
                    list.Add(worker);
                }
            }

            _workersByKind[kind] = list;
        }
    }

    private Worker WorkerOf(TeamKind kind) => Pick(_workersByKind[kind]);

    private ChildBuilder NewChildRecord(DateOnly birth, bool uasc = false)
    {
        _childSerial++;
        _upnSerial++;
        var sex = Chance(uasc ? 0.92 : 0.52) ? ChildSex.Male : ChildSex.Female;
        var disabled = !uasc && Chance(0.09);
        var disabilities = new List<string>();
        if (disabled)
        {
            var count = Chance(0.65) ? 1 : Chance(0.85) ? 2 : 3;
            while (disabilities.Count < count)
            {
                var code = Pick(DisabilityCodes);
                if (!disabilities.Contains(code))
                {
                    disabilities.Add(code);
                }
            }
        }
        else
        {
            disabilities.Add("NONE");
        }

        var child = new ChildBuilder
        {
            Serial = _childSerial,
            Id = string.Create(CultureInfo.InvariantCulture, $"C{_childSerial:D6}"),
            Sex = sex,
            BirthDate = birth,
            Ethnicity = Weighted(uasc ? UascEthnicities : Ethnicities),
            Upn = uasc ? "UN2" : MakeUpn(Pick(UpnLaNumbers), _upnSerial, birth.Year + 5),
            Disabilities = disabilities,
            HomePostcode = uasc ? null : Postcode(inArea: Chance(0.97)),
        };
        _children.Add(child);
        return child;
    }

    /// <summary>A birth date for a child of an age band on a date: under 1, 1-4, 5-9, 10-15 or 16-17.</summary>
    private DateOnly BirthDateFor(DateOnly on, (double Weight, int MinAge, int MaxAge)[] bands)
    {
        var total = bands.Sum(b => b.Weight);
        var x = Uniform() * total;
        var band = bands[^1];
        foreach (var b in bands)
        {
            x -= b.Weight;
            if (x < 0)
            {
                band = b;
                break;
            }
        }

        var youngest = on.AddYears(-band.MinAge);
        var oldest = on.AddYears(-band.MaxAge - 1).AddDays(1);
        var birth = oldest.AddDays(_rng.Next(youngest.DayNumber - oldest.DayNumber + 1));

        // Keep referrals of 17-year-olds at least two months before the 18th birthday.
        var latestBirthday18 = on.AddDays(60);
        return birth.AddYears(18) < latestBirthday18 ? latestBirthday18.AddYears(-18) : birth;
    }

    /// <summary>Ages at referral (DfE characteristics of children in need, rounded).</summary>
    private static readonly (double, int, int)[] ReferralAges = [(10, 0, 0), (20, 1, 4), (27, 5, 9), (35, 10, 15), (8, 16, 17)];

    /// <summary>Ages on starting to be looked after (DfE children looked after, rounded).</summary>
    private static readonly (double, int, int)[] CareEntryAges = [(19, 0, 0), (14, 1, 4), (16, 5, 9), (36, 10, 15), (15, 16, 17)];

    private void NewChild(DateOnly referral)
    {
        var child = NewChildRecord(BirthDateFor(referral, ReferralAges));
        child.PreviousPlans = child.AgeOn(referral) >= 4 && Chance(0.10) ? 1 : 0;
        Journey(child, referral);
    }

    private void HistoricCareEntrant(DateOnly start)
    {
        var child = NewChildRecord(BirthDateFor(start, CareEntryAges));
        var referral = start.AddDays(-Between(0, 40));
        if (referral < child.BirthDate)
        {
            referral = child.BirthDate;
        }

        var episode = OpenEpisode(child, referral, Weighted(ReferralSources), NeedFor(child));
        Assess(child, episode, referral, inNeed: true);
        var route = child.AgeOn(start) >= 13 && Chance(0.4) ? CareRoute.Voluntary : CareRoute.Court;
        Continue(child, episode, new Next(Step.Care, start, Route: route));
    }

    private void UascChild(DateOnly arrival)
    {
        var child = NewChildRecord(BirthDateFor(arrival, [(30, 14, 15), (70, 16, 17)]), uasc: true);
        child.UascCeased = child.Birthday(18);
        var episode = OpenEpisode(child, arrival, Chance(0.6) ? "6" : "5C", "N8");
        Assess(child, episode, arrival, inNeed: true);
        Continue(child, episode, new Next(Step.Care, arrival, Route: CareRoute.Uasc));
    }

    private void ContactOnlyChild(DateOnly date)
    {
        var child = NewChildRecord(BirthDateFor(date, ReferralAges));
        child.Contacts.Add(new Contact(date, Weighted(ReferralSources), false));
        if (Chance(0.15))
        {
            var start = WorkingDayOnOrAfter(date.AddDays(Between(3, 20)));
            var done = start.AddDays(Between(15, 60));
            child.EarlyHelp.Add(new EarlyHelpAssessment(start, done <= _horizon ? done : null, EarlyHelpOrganisation()));
        }
    }

    private string EarlyHelpOrganisation() =>
        Pick(["Early Help Locality 1", "Early Help Locality 2", "Early Help Locality 3", "Family Hub North", "Family Hub South", "School Family Support"]);

    private string NeedFor(ChildBuilder child) =>
        child.IsDisabled && Chance(0.45) ? "N2" : Weighted(Needs);

    private void AddYearlyOutcomes(ChildBuilder child)
    {
        foreach (var episode in child.Cin)
        {
            Allocate(episode);
        }

        foreach (var year in _settings.ReportingYears)
        {
            if (child.Care.Any(e => !e.IsShortBreak && e.Start <= year.End && (e.End is null || e.End >= year.End)))
            {
                child.Health.Add(HealthAt(child, year));
            }
        }

        CareLeaving(child);
    }
}
