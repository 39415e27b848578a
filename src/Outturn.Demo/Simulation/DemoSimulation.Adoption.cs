using System.Globalization;

namespace Outturn.Demo.Simulation;

/// <summary>Adoption: the decision, the placement order, matching, placement and the adoption order.</summary>
internal sealed partial class DemoSimulation
{
    /// <summary>The dates of an adoption plan. <see cref="Steps"/>: decision, placement order, then the reversal of
    /// the decision (when <see cref="Reversed"/>) or the match, then the placement.</summary>
    private sealed record AdoptionPlan(IReadOnlyList<DateOnly> Steps, bool Reversed, DateOnly Order, bool ByFosterCarers);

    private AdoptionPlan PlanAdoption(DateOnly start, DateOnly fallback)
    {
        var decision = start.AddDays(Between(120, 270));
        var order = decision.AddDays(Between(45, 180));
        if (Chance(0.1))
        {
            return new AdoptionPlan([decision, order, order.AddDays(Between(90, 240))], true, fallback, false);
        }

        var match = order.AddDays(Between(30, 150));
        var placed = match.AddDays(Between(7, 35));
        return new AdoptionPlan([decision, order, match, placed], false, placed.AddDays(Between(90, 300)), Chance(0.3));
    }

    private void AdoptionStep(
        ChildBuilder child, PeriodBuilder period, AdoptionPlan plan, int step, DateOnly at, ref bool placed, ref DateOnly stop,
        ref DateOnly? finalOrder)
    {
        switch (step)
        {
            case 0:
                child.Decisions.Add(new AdoptionDecision(at, null, null));
                break;
            case 1:
                finalOrder = null;
                child.PlacementOrder = at;
                period.Change(at, legal: "E1");
                break;
            case 2 when plan.Reversed:
                child.Decisions[^1] = child.Decisions[^1] with
                {
                    Reversed = at,
                    ReversalReason = Weighted([("RD1", 40), ("RD2", 20), ("RD3", 20), ("RD4", 20)]),
                };
                period.Change(at, legal: "C2");
                break;
            case 2:
                child.Matched = at;
                break;
            default:
                var current = period.Current.Placement;
                var withCarers = plan.ByFosterCarers && current.Type.StartsWith('U');
                Placement adopters;
                if (withCarers)
                {
                    adopters = current with { Type = "A3", Provider = "PR1", Urn = _providers.LaAdoption };
                }
                else
                {
                    _carerSerial++;
                    var voluntary = Chance(0.2);
                    adopters = new Placement("A4", voluntary ? "PR5" : "PR1", PostcodeOtherThan(child.HomePostcode, Chance(0.5)),
                        voluntary ? _providers.VoluntaryAdoption : _providers.LaAdoption,
                        string.Create(CultureInfo.InvariantCulture, $"AD{_carerSerial}"));
                }

                period.Change(at, placement: adopters, reason: "CARPL");
                placed = true;
                stop = Min(plan.Order, _horizon.AddDays(1));
                child.Adoption = NewAdoption(child, plan, withCarers, at);
                break;
        }
    }

    private AdoptionRecord NewAdoption(ChildBuilder child, AdoptionPlan plan, bool byFosterCarers, DateOnly placed)
    {
        _familySerial++;
        var familyId = string.Create(CultureInfo.InvariantCulture, $"FAM{_familySerial:D5}");
        var couple = Chance(0.85);
        string sexes, status;
        if (!couple)
        {
            status = "L0";
            sexes = Chance(0.8) ? "F1" : "M1";
        }
        else
        {
            status = Weighted([("L11", 55), ("L12", 8), ("L2", 4), ("L3", 25), ("L4", 8)]);
            sexes = status is "L11" or "L3" ? "MF" : Chance(0.5) ? "FF" : "MM";
        }

        var adopters = new List<Adopter>();
        foreach (var letter in sexes.Where(char.IsLetter))
        {
            _adopterSerial++;
            adopters.Add(new Adopter(
                string.Create(CultureInfo.InvariantCulture, $"ADP{_adopterSerial:D5}"),
                letter == 'M' ? ChildSex.Male : ChildSex.Female, Weighted(Ethnicities), Chance(0.04)));
        }

        var matched = child.Matched ?? plan.Steps[2];
        var approved = matched.AddDays(-Between(30, 240));
        var stage2End = approved.AddDays(-Between(20, 60));
        var application = stage2End.AddDays(Between(1, 10));
        if (application >= approved)
        {
            application = approved.AddDays(-1);
        }

        var stage2Start = stage2End.AddDays(-Between(90, 130));
        var stage1End = stage2Start.AddDays(-Between(1, 20));
        var stage1Start = stage1End.AddDays(-Between(40, 70));
        var enquiry = stage1Start.AddDays(-Between(14, 60));
        _adopters.Add(new AdopterFamily(
            familyId, adopters, enquiry, stage1Start, stage1End, stage2Start, stage2End, application, approved, matched, placed,
            plan.Order <= _horizon ? plan.Order : null, byFosterCarers));
        return new AdoptionRecord(child.Decisions[^1].Decided, child.PlacementOrder ?? plan.Steps[1], matched, placed, byFosterCarers, adopters.Count, sexes, status, familyId);
    }

    /// <summary>Homes, schools and agencies with their Ofsted URNs and postcodes.</summary>
    private sealed class Providers
    {
        private readonly DemoSimulation _sim;
        private readonly List<Placement> _homes = [];
        private readonly List<Placement> _schools = [];
        private readonly List<Placement> _secure = [];
        private readonly List<(string Urn, string Provider)> _agencies = [];
        private readonly HashSet<string> _urns = [];

        public Providers(DemoSimulation sim)
        {
            _sim = sim;
            LaFostering = SocialCareUrn();
            LaAdoption = SocialCareUrn();
            VoluntaryAdoption = SocialCareUrn();
            for (var i = 0; i < 40; i++)
            {
                var provider = i < 8 ? "PR1" : i < 36 ? "PR4" : "PR5";
                _homes.Add(new Placement("K2", provider, sim.Postcode(provider == "PR1" || sim.Chance(0.4)), SocialCareUrn(),
                    string.Create(CultureInfo.InvariantCulture, $"H{i + 1}")));
            }

            for (var i = 0; i < 6; i++)
            {
                _schools.Add(new Placement("S1", sim.Chance(0.5) ? "PR3" : "PR4", sim.Postcode(sim.Chance(0.3)),
                    Unique(() => sim.Between(100_000, 149_999).ToString(CultureInfo.InvariantCulture)),
                    string.Create(CultureInfo.InvariantCulture, $"S{i + 1}")));
            }

            for (var i = 0; i < 3; i++)
            {
                _secure.Add(new Placement("K1", "PR2", sim.Postcode(false), SocialCareUrn(),
                    string.Create(CultureInfo.InvariantCulture, $"K{i + 1}")));
            }

            for (var i = 0; i < 8; i++)
            {
                _agencies.Add((Unique(() => sim.Between(1_000_000, 2_999_999).ToString(CultureInfo.InvariantCulture)), i < 6 ? "PR4" : "PR5"));
            }

            ShortBreakHome = new Placement("K2", "PR1", null, SocialCareUrn(), "SB1");
        }

        /// <summary>The URN of the LA's own fostering service.</summary>
        public string LaFostering { get; }

        /// <summary>The URN of the LA's (regional) adoption agency.</summary>
        public string LaAdoption { get; }

        /// <summary>The URN of a voluntary adoption agency.</summary>
        public string VoluntaryAdoption { get; }

        /// <summary>The LA's short-break home (no postcodes are returned for short breaks).</summary>
        public Placement ShortBreakHome { get; }

        public Placement Home(string? notWith)
        {
            var home = _sim.Pick(_homes);
            return home.Carer == notWith ? _homes[(_homes.IndexOf(home) + 1) % _homes.Count] : home;
        }

        public Placement School() => _sim.Pick(_schools);

        public Placement SecureHome() => _sim.Pick(_secure);

        public (string Urn, string Provider) Agency() => _sim.Pick(_agencies);

        private string SocialCareUrn() =>
            Unique(() => "SC" + _sim.Between(100_000, 999_999).ToString(CultureInfo.InvariantCulture));

        private string Unique(Func<string> make)
        {
            string urn;
            do
            {
                urn = make();
            }
            while (!_urns.Add(urn));
            return urn;
        }
    }
}
