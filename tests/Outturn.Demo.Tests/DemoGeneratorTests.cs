using System.Globalization;
using System.Text;
using Outturn.Demo.Returns;
using Outturn.Demo.Simulation;
using Outturn.Domain.Calendar;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Tests;

[Collection(DemoCollection.Name)]
public class DemoGeneratorTests(DemoFixture fixture)
{
    private readonly SyntheticLa _la = fixture.La;

    /// <summary>Everything generated, as text, to compare two runs value for value.</summary>
    private static string Digest(SyntheticLa la)
    {
        var text = new StringBuilder();
        foreach (var c in la.Children)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Id} {c.Sex} {c.BirthDate:O} {c.Ethnicity} {c.Upn} {string.Join('+', c.Disabilities)} {c.HomePostcode}\n");
            foreach (var e in c.CinEpisodes)
            {
                text.Append(CultureInfo.InvariantCulture, $" {e.ReferralDate:O} {e.ReferralSource} {e.PrimaryNeed} {e.ClosureDate:O} {e.ClosureReason}");
                text.AppendJoin(',', e.Assessments.Select(a => $"{a.Start:O}-{a.Authorised:O}:{string.Join('+', a.Factors)}"));
                text.AppendJoin(',', e.Section47s).AppendJoin(',', e.CinPlans).AppendJoin(',', e.ProtectionPlans.Select(p => $"{p.Start:O}-{p.End:O}:{string.Join('+', p.Reviews)}"));
                text.AppendJoin(',', e.Allocations).Append('\n');
            }

            text.AppendJoin('\n', c.CareEpisodes).AppendJoin(',', c.Reviews).AppendJoin(',', c.Missing).AppendJoin(',', c.Health)
                .AppendJoin(',', c.CareLeaving).AppendJoin(',', c.AdoptionDecisions).Append(c.Adoption).Append('\n');
        }

        text.AppendJoin('\n', la.Workers).AppendJoin('\n', la.Population);
        text.AppendJoin('\n', la.SpecialNeeds.Select(p => $"{p.Upn} {p.BirthDate:O} {p.Sex} {string.Join(',', p.Requests)}"));
        return text.ToString();
    }

    [Fact]
    public void Generate_TheSameSeedGivesTheSameLa()
    {
        var settings = new DemoSettings(5_000, 2, 42, DemoFixture.AsAt);

        Digest(DemoGenerator.Generate(settings)).ShouldBe(Digest(DemoGenerator.Generate(settings)));
    }

    [Fact]
    public void Generate_AnotherSeedGivesAnotherLa()
    {
        Digest(DemoGenerator.Generate(new DemoSettings(5_000, 2, 42, DemoFixture.AsAt)))
            .ShouldNotBe(Digest(DemoGenerator.Generate(new DemoSettings(5_000, 2, 43, DemoFixture.AsAt))));
    }

    [Fact]
    public void Workers_AreToldApartByNameAsAnnexAShowsThem()
    {
        _la.Workers.Select(w => w.Name).ShouldBeUnique();
        _la.Workers.Select(w => w.Id).ShouldBeUnique();
    }

    [Fact]
    public void SpecialNeeds_HaveEnglandsVolumesAndDatesInOrder()
    {
        // 113 requests a year per 10,000 children, 76% assessed, 92% of those issued: about 474 plans a year for 60,000
        var year = new FinancialYear(2024);
        var requests = _la.SpecialNeeds.SelectMany(p => p.Requests).ToList();
        requests.Count(r => year.Contains(r.Received)).ShouldBeInRange(610, 750);
        requests.Count(r => r.Issued is { } d && year.Contains(d)).ShouldBeInRange(400, 550);
        requests.ShouldAllBe(r => r.Received < r.Decided && (r.Assessed == null || r.Decided < r.Assessed) && (r.Issued == null || r.Assessed <= r.Issued));
        requests.ShouldAllBe(r => WorkingDayCalendar.IsWorkingDay(r.Received) && (r.Issued == null || WorkingDayCalendar.IsWorkingDay(r.Issued.Value)));
        _la.SpecialNeeds.Select(p => p.Upn).ShouldBeUnique();
    }

    [Fact]
    public void Population_EndsAtTheRequestedSizeInTheLastMidYear()
    {
        _la.Population[^1].ShouldBe(new PopulationEstimate(2024, 60_000));
        _la.Population[0].MidYear.ShouldBe(2020);
        _la.PopulationFor(new FinancialYear(2024)).ShouldBe(60_000);
    }

    /// <summary>
    /// Volumes and timeliness over the four years, against the England figures the generator is calibrated to
    /// (<see cref="NationalRates"/>). Bounds: rates per 10,000 within 20% of the national rate (25% for the smaller
    /// counts: CLA starts, CP plans), shares within 4 percentage points (6 for care leavers, about 180 a year).
    /// Why: one LA of 60,000 children has about 3,100 referrals, 250 CP plans and 410 children looked after a year,
    /// so a year's random variation is about 2% to 8% on a count; averaged over four years it is about half that.
    /// The bounds hold that comfortably yet fail a broken calibration (a factor of two, a missing step), and real LAs
    /// vary far more (CLA rates run from 20 to over 200 per 10,000), so a tighter fit would add nothing.
    /// </summary>
    [Fact]
    public void Volumes_AreWithinBoundsOfTheNationalRates()
    {
        var years = _la.Settings.ReportingYears;
        var per10k = _la.Settings.Children / 10_000.0 * years.Count;
        var episodes = _la.Children.SelectMany(c => c.CinEpisodes.Select(e => (Child: c, Episode: e))).ToList();
        var referrals = episodes.Where(x => years.Any(y => y.Contains(x.Episode.ReferralDate))).ToList();
        var rereferrals = referrals.Count(x => x.Child.CinEpisodes.Any(o => o.ReferralDate < x.Episode.ReferralDate && o.ReferralDate >= x.Episode.ReferralDate.AddYears(-1)));
        var enquiries = episodes.SelectMany(x => x.Episode.Section47s).ToList();
        var conferences = enquiries.Where(s => s.ConferenceDate is { } d && years.Any(y => y.Contains(d))).ToList();
        var plans = episodes.SelectMany(x => x.Episode.ProtectionPlans).ToList();
        var planStarts = plans.Where(p => years.Any(y => y.Contains(p.Start))).ToList();
        var plansAt31 = years.SelectMany(y => plans.Where(p => p.Start <= y.End && (p.End is null || p.End > y.End)).Select(p => (y, p))).ToList();
        var assessments = episodes.SelectMany(x => x.Episode.Assessments).Where(a => a.Authorised is { } d && years.Any(y => y.Contains(d))).ToList();
        var cinAt31 = years.Sum(y => episodes.Count(x => !x.Episode.ReferralNfa && x.Episode.ReferralDate <= y.End && (x.Episode.ClosureDate is null || x.Episode.ClosureDate > y.End)));
        var claAt31 = years.SelectMany(y => _la.Children.Where(c => c.CareEpisodes.Any(e => !e.IsShortBreak && e.Start <= y.End && (e.End is null || e.End > y.End))).Select(c => (y, c))).ToList();
        var careStarts = _la.Children.Sum(c => c.CareEpisodes.Count(e => !e.IsShortBreak && e.Rne == "S" && years.Any(y => y.Contains(e.Start))));
        // Counted by the indicator's rule, on the child as the SSDA903 records them
        var threePlus = claAt31.Count(x => new LookedAfterChild(x.c.Id, "M", x.c.BirthDate, [.. x.c.CareEpisodes.Select(e => e.ToCareEpisode())])
            .PlacementsBetween(x.y.Start, x.y.End) >= 3);
        var returns = years.Select(y => Ssda903Year.For(_la, y)).ToList();
        var oc2 = returns.SelectMany(r => r.Oc2).ToList();
        var leavers = _la.Children.SelectMany(c => c.CareLeaving.Where(l => l.Age >= 19)).ToList();

        var report = new List<string>();
        void Rate(string name, double count, double national, double tolerance)
        {
            var rate = count / per10k;
            if (Math.Abs(rate - national) > national * tolerance)
            {
                report.Add($"{name}: {rate:F1} per 10,000, national {national} ±{tolerance:P0}");
            }
        }

        void Share(string name, double part, double whole, double national, double points)
        {
            var share = part / whole;
            if (Math.Abs(share - national) > points / 100)
            {
                report.Add($"{name}: {share:P1}, national {national:P1} ±{points} points");
            }
        }

        Rate("referrals", referrals.Count, NationalRates.Referrals, 0.2);
        Share("re-referrals", rereferrals, referrals.Count, NationalRates.ReReferralShare, 4);
        Share("no further action", referrals.Count(x => x.Episode.ReferralNfa), referrals.Count, NationalRates.NoFurtherActionShare, 4);
        Share("not in need", referrals.Count(x => x.Episode.PrimaryNeed == "N9"), referrals.Count, NationalRates.NotInNeedShare, 4);
        Rate("children in need at 31 March", cinAt31, NationalRates.ChildrenInNeedAt31March, 0.2);
        Rate("section 47 enquiries", enquiries.Count(s => years.Any(y => y.Contains(s.Start))), NationalRates.Section47s, 0.2);
        Share("conferences within 15 working days", conferences.Count(s => WorkingDayCalendar.WorkingDaysBetween(s.Start, s.ConferenceDate!.Value) <= 15), conferences.Count,
            NationalRates.ConferencesWithin15WorkingDays, 4);
        Share("assessments within 45 working days", assessments.Count(a => WorkingDayCalendar.WorkingDaysBetween(a.Start, a.Authorised!.Value) <= 45), assessments.Count,
            NationalRates.AssessmentsWithin45WorkingDays, 4);
        Rate("CP plans starting", planStarts.Count, NationalRates.ProtectionPlanStarts, 0.25);
        Rate("CP plans at 31 March", plansAt31.Count, NationalRates.ProtectionPlansAt31March, 0.25);
        Share("repeat CP plans", planStarts.Count(p => p.PreviousPlans > 0), planStarts.Count, NationalRates.RepeatProtectionPlanShare, 5);
        Share("CP plans of 2 years or more", plansAt31.Count(x => x.y.End.DayNumber - x.p.Start.DayNumber >= 730), plansAt31.Count, NationalRates.ProtectionPlansTwoYearsShare, 2);
        Rate("looked after at 31 March", claAt31.Count, NationalRates.LookedAfterAt31March, 0.2);
        Rate("starting to be looked after", careStarts, NationalRates.LookedAfterStarts, 0.25);
        Share("3 or more placements", threePlus, claAt31.Count, NationalRates.ThreePlusPlacementsShare, 4);
        Share("health assessments", oc2.Count(o => o.HealthAssessment), oc2.Count, NationalRates.HealthAssessmentShare, 4);
        Share("dental checks", oc2.Count(o => o.TeethCheck), oc2.Count, NationalRates.DentalCheckShare, 4);
        Share("care leavers 19-21 in EET", leavers.Count(l => l.Activity is ['F' or 'P', _]), leavers.Count, NationalRates.CareLeaversInEducationEmploymentOrTraining, 6);
        Share("care leavers 19-21 suitably housed", leavers.Count(l => l.Accommodation.EndsWith('1')), leavers.Count, NationalRates.CareLeaversSuitablyAccommodated, 6);

        report.ShouldBeEmpty();
    }
}
