using Outturn.Domain.ChildLevel;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.National;

/// <summary>Hand-worked cases for each national indicator; every date below was counted on a calendar.</summary>
public class NationalIndicatorsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CinEpisode Referral(string date, bool nfa = false, CinAssessment[]? assessments = null, Section47Enquiry[]? s47 = null,
        ProtectionPlan[]? plans = null, string? closed = null, string? worker = null, string? team = null) =>
        new(D(date), "1A", nfa, "N1", closed is null ? null : D(closed), closed is null ? null : "RC1", assessments ?? [], [], s47 ?? [], plans ?? [], team, worker);

    private static CinChild Child(string id, params CinEpisode[] episodes) => new(id, D("2015-06-01"), "1", episodes);

    private static ChildLevelData Cin(params CinChild[] children) =>
        new(new ChildInNeedData(children), LookedAfterData.Empty, new Dictionary<int, decimal> { [2023] = 10_000, [2024] = 20_000 });

    private static ChildLevelData Cla(LookedAfterData data) =>
        new(ChildInNeedData.Empty, data, new Dictionary<int, decimal> { [2024] = 20_000 });

    private static CareEpisode Ep(string start, string rne, string? end = null, string rec = "X1", string ls = "C2", string place = "U1") =>
        new(D(start), rne, ls, "N1", place, "PR1", end is null ? null : D(end), end is null ? null : rec, null);

    private static LookedAfterChild LookedAfter(string id, string dob, params CareEpisode[] episodes) => new(id, "1", D(dob), episodes);

    /// <summary>A month's figure with the cases behind it.</summary>
    private sealed record Result(IndicatorFigure Figure, IReadOnlyList<CaseOutcome> Children)
    {
        public decimal Numerator => Figure.Numerator;

        public decimal Denominator => Figure.Denominator;

        public decimal? Value => Figure.Value;

        public Domain.Indicators.Measure ToMeasure() => Figure.ToMeasure();
    }

    private static Result Compute(string id, ChildLevelData data, string month, NationalOptions? options = null) =>
        ComputeOrNull(id, data, Month.Parse(month), options) ?? throw new InvalidOperationException($"{id} has no figure for {month}.");

    /// <summary>
    /// The cases behind a month's figure, checking on the way that the figure counted over the year to that month in
    /// one pass is the same as the one its case list makes.
    /// </summary>
    private static Result? ComputeOrNull(string id, ChildLevelData data, Month month, NationalOptions? options = null)
    {
        var definition = NationalIndicators.Find(id)!;
        var context = new NationalContext(data, options);
        var cases = definition.Cases(context, month);
        var counted = definition.Figures(context, new MonthRange(month.AddMonths(-12), month)).SingleOrDefault(f => f.Month == month);
        counted.ShouldBe(cases?.Figure);
        return cases is null ? null : new Result(cases.Figure, cases.Cases);
    }

    [Fact]
    public void Assessments_CountWorkingDaysFromTheDayAfterTheStartAsTheDfEDoes()
    {
        // The DfE's duration bands begin at "Started and finished the same day" (EES C2, Children in need), so the start
        // day is not one of the 45. From Monday 2 December 2024, skipping weekends, Christmas, Boxing Day and New Year's
        // Day: Thursday 6 February 2025 is the 45th working day after the start and Friday 7 February the 46th
        var onTime = new CinAssessment(D("2024-12-02"), D("2025-02-06"));
        var late = new CinAssessment(D("2024-12-02"), D("2025-02-07"));
        var sameDay = new CinAssessment(D("2025-02-03"), D("2025-02-03"));
        var data = Cin(Child("A", Referral("2024-12-01", assessments: [onTime])), Child("B", Referral("2024-12-01", assessments: [late])), Child("C", Referral("2025-02-03", assessments: [sameDay])));

        var result = Compute("assess-45wd", data, "2025-02");

        result.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
        [
            ("A", true, "45 working days from assessment start to authorisation"),
            ("B", false, "46 working days from assessment start to authorisation"),
            ("C", true, "0 working days from assessment start to authorisation"),
        ]);
    }

    [Fact]
    public void Assessments_CountWorkingDaysLessBankHolidaysWithTheStartDayWhenAsked()
    {
        // From Monday 2 December 2024, start day counted (--start-day included, the CIN validator's convention):
        // Wednesday 5 February 2025 is the 45th working day and Thursday 6 February the 46th
        var onTime = new CinAssessment(D("2024-12-02"), D("2025-02-05"));
        var late = new CinAssessment(D("2024-12-02"), D("2025-02-06"));
        var data = Cin(Child("A", Referral("2024-12-01", assessments: [onTime])), Child("B", Referral("2024-12-01", assessments: [late])));

        var result = Compute("assess-45wd", data, "2025-02", new NationalOptions(StartDay: Domain.Calendar.StartDay.Included));

        result.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
        [
            ("A", true, "45 working days from assessment start to authorisation"),
            ("B", false, "46 working days from assessment start to authorisation"),
        ]);
        result.Value.ShouldBe(50m);
    }

    [Fact]
    public void Assessments_CanBeTimedFromTheReferral()
    {
        // Referred Friday 29 November 2024, assessment started Monday 2 December, authorised Wednesday 5 February 2025:
        // 45 working days from the assessment start, 46 from the referral
        var data = Cin(Child("A", Referral("2024-11-29", assessments: [new CinAssessment(D("2024-12-02"), D("2025-02-05"))])));
        var included = new NationalOptions(StartDay: Domain.Calendar.StartDay.Included);

        Compute("assess-45wd", data, "2025-02", included).Numerator.ShouldBe(1m);

        var fromReferral = Compute("assess-45wd", data, "2025-02", included with { AssessmentClock = AssessmentClock.Referral });

        fromReferral.Children.Single().Reason.ShouldBe("46 working days from referral to authorisation");
        fromReferral.Numerator.ShouldBe(0m);
    }

    [Fact]
    public void Conferences_WithinFifteenWorkingDaysOfTheSection47StartAcrossABankHoliday()
    {
        // S47 started Thursday 17 April 2025; Good Friday 18 and Easter Monday 21 April are not working days.
        // From the day after the start (the DfE's way): 22, 23, 24, 25, 28, 29, 30 April, 1, 2, 6 (5 May is a bank
        // holiday), 7, 8, 9, 12, 13 May = 15
        var inTime = new Section47Enquiry(D("2025-04-17"), null, D("2025-05-13"), false);
        var late = new Section47Enquiry(D("2025-04-17"), null, D("2025-05-14"), false);
        var notRequired = new Section47Enquiry(D("2025-04-17"), null, D("2025-05-07"), true);
        var data = Cin(Child("A", Referral("2025-04-10", s47: [inTime])), Child("B", Referral("2025-04-10", s47: [late])), Child("C", Referral("2025-04-10", s47: [notRequired])));

        var result = Compute("icpc-15wd", data, "2025-05");

        result.Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", true), ("B", false)]);
        result.Children[0].Reason.ShouldBe("15 working days from section 47 start to conference");
    }

    [Fact]
    public void ReReferrals_LookBackTwelveMonthsAcrossTheYearBoundary()
    {
        // B's earlier referral is in the previous financial year but within 12 months; C's is 12 months and a day before
        var data = Cin(
            Child("A", Referral("2025-04-15")),
            Child("B", Referral("2025-01-20", closed: "2025-02-01"), Referral("2025-04-15")),
            Child("C", Referral("2024-04-14", closed: "2024-05-01"), Referral("2025-04-15")));

        var result = Compute("rereferrals-12m", data, "2025-04");

        result.Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", false), ("B", true), ("C", false)]);
        result.Children[1].Dates.ShouldContain(("previous referral", D("2025-01-20")));
    }

    [Fact]
    public void Rates_CountTwelveMonthsPerTenThousandOfThePreviousMidYearPopulation()
    {
        // Two referrals in the 12 months to March 2025 (one in April 2024, one in March 2025), one before
        var data = Cin(Child("A", Referral("2024-03-31", closed: "2024-04-02"), Referral("2024-04-01", closed: "2024-05-01")), Child("B", Referral("2025-03-31")));

        var result = Compute("referrals-rate", data, "2025-03");

        result.Numerator.ShouldBe(2m);
        result.Denominator.ShouldBe(20_000m); // mid-2024 for 2024-25
        result.Value.ShouldBe(1m);
    }

    [Fact]
    public void RepeatPlans_AreAnyEarlierPlanByDefaultOrWithinTwoYearsLocally()
    {
        var old = new ProtectionPlan(D("2019-01-10"), D("2019-09-01"), "N1", null, []);
        var again = new ProtectionPlan(D("2025-03-10"), null, "N1", 1, []);
        var data = Cin(Child("A", Referral("2019-01-01", plans: [old], closed: "2019-10-01"), Referral("2025-03-01", plans: [again])));

        Compute("cpp-second-time", data, "2025-03").Numerator.ShouldBe(1m);
        Compute("cpp-second-time", data, "2025-03", new NationalOptions(RepeatPlans: RepeatPlanRule.WithinTwoYears)).Numerator.ShouldBe(0m);
    }

    [Fact]
    public void PlansOfTwoYears_CountMoreThan729DaysIncludingTheLastDay()
    {
        // 1 April 2023 to 31 March 2025 counting both ends is 731 days; 2 April 2023 is 730; 1 April 2024 is 365
        var data = Cin(
            Child("A", Referral("2023-03-01", plans: [new ProtectionPlan(D("2023-04-01"), null, "N1", 0, [])])),
            Child("B", Referral("2024-03-01", plans: [new ProtectionPlan(D("2024-04-01"), null, "N1", 0, [])])));

        var result = Compute("cpp-2yrs", data, "2025-03");

        result.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe([("A", true, "731 days on the plan"), ("B", false, "365 days on the plan")]);
    }

    [Fact]
    public void PlanReviews_FirstWithinThreeMonthsThenEverySix()
    {
        var inTime = new ProtectionPlan(D("2024-06-01"), null, "N1", 0, [D("2024-08-30"), D("2025-02-27")]);
        var lateFirst = new ProtectionPlan(D("2024-06-01"), null, "N1", 0, [D("2024-09-02")]);
        var data = Cin(Child("A", Referral("2024-05-01", plans: [inTime])), Child("B", Referral("2024-05-01", plans: [lateFirst])));

        var result = Compute("cpp-reviewed", data, "2025-03");

        result.Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", true), ("B", false)]);
        result.Children[1].Reason.ShouldBe("review late (due 2024-09-01)");
    }

    [Fact]
    public void LookedAfter_LeavesOutShortBreaksAndCountsAChildWhoLeftAndReturnedOnce()
    {
        var data = Cla(new LookedAfterData(
        [
            LookedAfter("A", "2012-01-01", Ep("2023-05-01", "S")),
            LookedAfter("B", "2012-01-01", Ep("2025-01-10", "S", ls: "V3")), // short breaks only
            LookedAfter("C", "2012-01-01", Ep("2023-01-01", "S", "2024-06-01", "E11"), Ep("2024-11-01", "S")), // left and came back
        ], [], [], [], []));

        Compute("cla-rate", data, "2025-03").Children.Select(c => c.ChildId).ShouldBe(["A", "C"]);
        Compute("cla-starts-rate", data, "2025-03").Children.Select(c => c.ChildId).ShouldBe(["C"]);
        Compute("cla-ceased-rate", data, "2025-03").Children.Select(c => (c.ChildId, c.Reason)).ShouldBe([("C", "ceased (E11)")]);
    }

    [Fact]
    public void Placements_CountNewCarersNotSameCarerChangesNorPlacingForAdoptionWithTheFosterCarer()
    {
        var data = Cla(new LookedAfterData(
        [
            // Open at the window start (1), P (2), T same carer (not counted), P (3): three placements
            LookedAfter("A", "2012-01-01", Ep("2023-05-01", "S", "2024-06-01"), Ep("2024-06-01", "P", "2024-08-01"), Ep("2024-08-01", "T", "2024-10-01"), Ep("2024-10-01", "P")),
            // Open at start (1), U legal status and placement with the same carer, then placed for adoption with that carer (A3): one
            LookedAfter("B", "2020-01-01", Ep("2023-05-01", "S", "2024-06-01"), Ep("2024-06-01", "U", "2024-09-01"), Ep("2024-09-01", "P", place: "A3")),
            // Started in the window (1) and moved once (2)
            LookedAfter("C", "2012-01-01", Ep("2024-05-01", "S", "2024-07-01"), Ep("2024-07-01", "B")),
        ], [], [], [], []));

        var result = Compute("placements-3plus", data, "2025-03");

        result.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
            [("A", true, "3 placement(s) in the 12 months"), ("B", false, "1 placement(s) in the 12 months"), ("C", false, "2 placement(s) in the 12 months")]);
    }

    [Fact]
    public void LongTermStability_NeedsTwoAndAHalfYearsInCareAndTwoWithTheCarer()
    {
        var data = Cla(new LookedAfterData(
        [
            LookedAfter("A", "2014-01-01", Ep("2022-01-01", "S", "2023-02-01"), Ep("2023-02-01", "P")), // same carer since Feb 2023: yes
            LookedAfter("B", "2014-01-01", Ep("2022-01-01", "S", "2023-06-01"), Ep("2023-06-01", "P")), // carer since June 2023: no
            LookedAfter("C", "2014-01-01", Ep("2023-01-01", "S")), // in care 2 years 3 months: not in the cohort
            LookedAfter("D", "2008-01-01", Ep("2020-01-01", "S")), // 17: not in the cohort
        ], [], [], [], []));

        Compute("placement-long-term", data, "2025-03").Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", true), ("B", false)]);
    }

    [Fact]
    public void HealthAndCareLeavers_AreYearlyAndGiveAFigureOnlyInMarch()
    {
        var year = FinancialYear.Parse("2024-25");
        var data = Cla(new LookedAfterData([],
            [new HealthOutcome(year, "A", true, true, true, true), new HealthOutcome(year, "B", true, true, false, true)],
            [
                new CareLeaverOutcome(year, "L1", D("2005-06-01"), "YES", "F2", "B1"), // 19: EET and suitable
                new CareLeaverOutcome(year, "L2", D("2004-06-01"), "YES", "G4", "B2"), // 20: NEET, unsuitable
                new CareLeaverOutcome(year, "L3", D("2007-06-01"), "YES", "F2", "B1"), // 17: other cohort
                new CareLeaverOutcome(year, "L4", D("2005-06-01"), "DIED", null, null), // excluded
            ], [], []));

        Compute("cla-dental-checks", data, "2025-03").Value.ShouldBe(50m);
        ComputeOrNull("cla-dental-checks", data, Month.Parse("2025-02")).ShouldBeNull();
        Compute("care-leavers-eet-19-21", data, "2025-03").Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("L1", true), ("L2", false)]);
        Compute("care-leavers-accom-19-21", data, "2025-03").Value.ShouldBe(50m);
    }

    [Fact]
    public void Caseload_IsChildrenAllocatedOverWorkers()
    {
        var data = Cin(
            Child("A", Referral("2025-01-10", worker: "W1", team: "East")),
            Child("B", Referral("2025-02-10", worker: "W1", team: "East")),
            Child("C", Referral("2025-02-10", worker: "W2", team: "West")),
            Child("D", Referral("2025-02-10", closed: "2025-03-01", worker: "W2", team: "West")));

        var result = Compute("caseload-worker", data, "2025-03");

        result.Value.ShouldBe(1.5m);
        result.Children.Select(c => (c.ChildId, c.Team, c.Worker)).ShouldBe([("A", "East", "W1"), ("B", "East", "W1"), ("C", "West", "W2")]);
    }

    [Fact]
    public void Caseload_CountsALookedAfterChildOnceThroughTheirCinAllocation()
    {
        // A is looked after and held through a CIN episode (W1) and an SSDA903 social worker episode (SW9): counted
        // once, with W1; E has only the SSDA903 episode, so SW9 holds E; F's SW episode ended before the month end
        var cin = Cin(Child("A", Referral("2024-06-01", worker: "W1", team: "East")));
        var data = cin with
        {
            LookedAfter = LookedAfterData.Empty with
            {
                SocialWorkers =
                [
                    new SocialWorkerEpisode("A", "SW9", D("2024-07-01"), null, null),
                    new SocialWorkerEpisode("E", "SW9", D("2024-07-01"), null, null),
                    new SocialWorkerEpisode("F", "SW8", D("2024-07-01"), D("2025-03-31"), "SWL1"),
                ],
            },
        };

        var result = Compute("caseload-worker", data, "2025-03");

        result.Children.Select(c => (c.ChildId, c.Team, c.Worker)).ShouldBe([("A", "East", "W1"), ("E", null, "SW9")]);
        (result.Numerator, result.Denominator).ShouldBe((2m, 2m));
    }

    [Fact]
    public void Caseload_HasNoFigureBeforeTheAllocationsBegin()
    {
        // Annex A from April 2024 says who holds the cases open then; March 2024 would count only those still open
        var data = Cin(Child("A", Referral("2023-06-01", worker: "W1", team: "East"))) with { AllocatedFrom = D("2024-04-01") };

        ComputeOrNull("caseload-worker", data, Month.Parse("2024-03")).ShouldBeNull();
        Compute("caseload-worker", data, "2024-04").Value.ShouldBe(1m);
    }

    [Fact]
    public void EveryLine_NamesWhoHoldsTheChildsCaseAtTheMonthEnd()
    {
        // A's plan is held through A's open CIN episode; B is looked after and held only by an SSDA903 social worker
        var plan = new ProtectionPlan(D("2022-06-01"), null, "N1", 0, []);
        var data = Cin(Child("A", Referral("2022-05-01", plans: [plan], worker: "W1", team: "East"))) with
        {
            LookedAfter = new LookedAfterData(
                [LookedAfter("B", "2012-01-01", Ep("2024-01-01", "S"))], [], [], [],
                [new SocialWorkerEpisode("B", "Fern Ellery", D("2024-01-01"), null, null, "Children in Care Team 1")]),
        };

        var line = Compute("cpp-2yrs", data, "2025-03").Children.Single();
        (line.ChildId, line.InNumerator, line.Team, line.Worker).ShouldBe(("A", true, "East", "W1"));
        var cla = Compute("cla-rate", data, "2025-03").Children.Single();
        (cla.Team, cla.Worker).ShouldBe(("Children in Care Team 1", "Fern Ellery"));
    }

    [Fact]
    public void Positions_CountChildrenOpenAtTheMonthEndOnce()
    {
        // A: two open episodes and two plans, counted once; B: closed on the last day, so not open at its end; C: referred after it
        var plan = new ProtectionPlan(D("2025-01-06"), null, "N1", 0, []);
        var data = Cin(
            Child("A", Referral("2024-06-01", plans: [plan]), Referral("2025-02-01", plans: [plan with { Start = D("2025-02-03") }])),
            Child("B", Referral("2024-06-01", closed: "2025-03-31")),
            Child("C", Referral("2025-04-01")));

        Compute("cin-rate", data, "2025-03").Numerator.ShouldBe(1m);
        Compute("cp-rate", data, "2025-03").Children.Single().ChildId.ShouldBe("A");
    }

    [Fact]
    public void Section47Rate_CountsEnquiriesInTheTwelveMonths()
    {
        var inside = new Section47Enquiry(D("2024-04-01"), null, null, false);
        var before = new Section47Enquiry(D("2024-03-31"), null, null, false);
        var data = Cin(Child("A", Referral("2024-03-01", s47: [before, inside])));

        Compute("s47-rate", data, "2025-03").Children.Single().Dates.ShouldBe([("section 47 start", D("2024-04-01"))]);
    }

    [Fact]
    public void NoFurtherAction_IsTheShareOfTheMonthsReferrals()
    {
        var data = Cin(Child("A", Referral("2025-03-03", nfa: true)), Child("B", Referral("2025-03-04")), Child("C", Referral("2025-02-28", nfa: true)));

        Compute("referrals-nfa", data, "2025-03").Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", true), ("B", false)]);
    }

    [Fact]
    public void PlansEndingAfterTwoYears_CountTheDayOfEnding()
    {
        // 10 March 2023 to 8 March 2025 is 730 days counting both: more than 729
        var longPlan = new ProtectionPlan(D("2023-03-10"), D("2025-03-08"), "N1", 0, []);
        var shortPlan = new ProtectionPlan(D("2024-03-10"), D("2025-03-08"), "N1", 0, []);
        var data = Cin(Child("A", Referral("2023-03-01", plans: [longPlan])), Child("B", Referral("2024-03-01", plans: [shortPlan])));

        Compute("cpp-ceased-2yrs", data, "2025-03").Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
            [("A", true, "730 days on the plan"), ("B", false, "364 days on the plan")]);
    }

    [Fact]
    public void Missing_CountsChildrenLookedAfterInTheYearWithAMissingEpisodeNotAnAbsence()
    {
        var data = Cla(new LookedAfterData(
            [LookedAfter("A", "2010-01-01", Ep("2024-01-01", "S")), LookedAfter("B", "2010-01-01", Ep("2024-01-01", "S", "2024-06-01", "E11")), LookedAfter("C", "2010-01-01", Ep("2024-01-01", "S"))],
            [], [],
            [new MissingEpisode("A", "M", D("2024-10-01"), D("2024-10-02")), new MissingEpisode("C", "A", D("2024-10-01"), D("2024-10-02")), new MissingEpisode("B", "M", D("2024-03-01"), null)],
            []));

        Compute("cla-missing", data, "2025-03").Children.Select(c => (c.ChildId, c.InNumerator)).ShouldBe([("A", true), ("B", false), ("C", false)]);
    }

    private static ChildLevelData Sen2(params EhcRequest[] requests) =>
        Cin() with { SpecialNeeds = new SpecialNeedsData(requests) };

    private static EhcRequest Request(string id, string received, string? issued, bool? exception = false, bool disputed = false) =>
        new(id, D(received), false, [new EhcAssessment("A", issued is null ? null : D(issued), disputed, exception, issued is null ? null : D(issued))]);

    [Fact]
    public void Ehcp_IsInTimeUpTo140DaysFromTheRequest()
    {
        // Requested Monday 2 September 2024: 20 weeks later is Monday 20 January 2025 (140 days), the last day in time
        var data = Sen2(Request("A", "2024-09-02", "2025-01-20"), Request("B", "2024-09-02", "2025-01-21"), Request("C", "2024-12-02", null));

        var result = Compute("ehcp-20wks", data, "2025-01");

        result.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
        [
            ("A", true, "140 days from request to plan"),
            ("B", false, "141 days from request to plan"),
        ]);
        result.Value.ShouldBe(50m);
        result.Children[0].Dates.ShouldBe([("request received", D("2024-09-02")), ("plan issued", D("2025-01-20"))]);
    }

    [Fact]
    public void Ehcp_LeavesOutExceptionsUnlessAskedAndAlwaysLeavesOutDisputes()
    {
        var data = Sen2(
            Request("A", "2024-06-03", "2025-01-06", exception: true), // 31 weeks, but an exception applies
            Request("B", "2024-06-03", "2025-01-06", disputed: true), // went to tribunal
            Request("C", "2024-09-02", "2025-01-06", exception: null)); // Week20 not given: counted

        Compute("ehcp-20wks", data, "2025-01").Children.Select(c => c.ChildId).ShouldBe(["C"]);

        var included = Compute("ehcp-20wks", data, "2025-01", new NationalOptions(EhcpExceptions: TwentyWeekExceptions.Included));
        included.Children.Select(c => (c.ChildId, c.InNumerator, c.Reason)).ShouldBe(
        [
            ("A", false, "217 days from request to plan (exception applies)"),
            ("C", true, "126 days from request to plan"),
        ]);
    }

    [Fact]
    public void Ehcp_HasNoFigureWithoutSen2AndCountsPlansInTheMonthTheyAreIssued()
    {
        ComputeOrNull("ehcp-20wks", Cin(), Month.Parse("2025-01")).ShouldBeNull();

        // A plan issued on 31 January counts in January, not February; a request received in one financial year and
        // issued in the next counts in the year of issue
        var data = Sen2(Request("A", "2024-12-02", "2025-01-31"), Request("B", "2025-01-06", "2025-04-01"));
        Compute("ehcp-20wks", data, "2025-01").Children.Select(c => c.ChildId).ShouldBe(["A"]);
        Compute("ehcp-20wks", data, "2025-02").Denominator.ShouldBe(0m);
        Compute("ehcp-20wks", data, "2025-04").Children.Select(c => c.ChildId).ShouldBe(["B"]);
    }

    [Fact]
    public void Result_FlowsIntoTheScorecardAsAMonthlyRatio()
    {
        var data = Cin(Child("A", Referral("2025-03-03", assessments: [new CinAssessment(D("2025-03-03"), D("2025-03-20"))])));

        var measure = Compute("assess-45wd", data, "2025-03").ToMeasure();

        (measure.Period.ToString(), measure.Observation.Numerator, measure.Observation.Denominator).ShouldBe(("2025-03", 1m, 1m));
    }

    [Fact]
    public void StartsAndCessations_CountEachChildOnceByTheFirstStartAndTheLastCessation()
    {
        // A started, left and started again within the 12 months to March 2025: the DfE counts "children who started to
        // be looked after", each once, by the first start; and children who ceased, each once, by the last cessation
        var data = Cla(new LookedAfterData(
        [
            LookedAfter("A", "2012-01-01", Ep("2024-05-01", "S", "2024-07-01", "E11"), Ep("2024-10-01", "S", "2025-01-10", "E13")),
            LookedAfter("B", "2012-01-01", Ep("2024-06-01", "S")),
        ], [], [], [], []));

        var starts = Compute("cla-starts-rate", data, "2025-03");
        starts.Numerator.ShouldBe(2m);
        starts.Children.Select(c => (c.ChildId, c.Dates[0].Date)).ShouldBe([("A", D("2024-05-01")), ("B", D("2024-06-01"))]);
        var ceased = Compute("cla-ceased-rate", data, "2025-03");
        ceased.Children.Select(c => (c.ChildId, c.Reason)).ShouldBe([("A", "ceased (E13)")]);

        var context = new NationalContext(data);
        NationalIndicators.Find("cla-starts")!.YearFigure(context, FinancialYear.Parse("2024-25"))!.Numerator.ShouldBe(2m);
        NationalIndicators.Find("cla-starts")!.Figures(context, new MonthRange(Month.Parse("2024-04"), Month.Parse("2025-03"))).Sum(f => f.Numerator)
            .ShouldBe(3m); // month by month A counts in May and October: only the year counts her once
    }

    [Fact]
    public void Counts_AreFiguresWithoutAPopulation()
    {
        var data = new ChildLevelData(ChildInNeedData.Empty,
            new LookedAfterData([LookedAfter("A", "2012-01-01", Ep("2024-05-01", "S")), LookedAfter("B", "2012-01-01", Ep("2025-02-01", "S"))], [], [], [], []),
            new Dictionary<int, decimal>());
        var context = new NationalContext(data);

        NationalIndicators.Find("cla-count")!.Figure(context, Month.Parse("2025-03"))!.Value.ShouldBe(2m);
        NationalIndicators.Find("cla-starts")!.Figure(context, Month.Parse("2025-02"))!.Value.ShouldBe(1m);
        NationalIndicators.Find("cla-rate")!.MissingFrom(context).ShouldBe(ReturnSources.Population);
        NationalIndicators.Find("cla-rate")!.Figures(context, MonthRange.Single(Month.Parse("2025-03"))).ShouldBeEmpty();
    }

    [Fact]
    public void AReturnNotGiven_GivesNoFigureRatherThanZero()
    {
        var data = Cin(Child("A", Referral("2025-03-03"))) with { Supplied = ReturnSources.CinCensus | ReturnSources.Population };
        var context = new NationalContext(data);

        NationalIndicators.Find("referrals")!.Figure(context, Month.Parse("2025-03"))!.Value.ShouldBe(1m);
        foreach (var id in new[] { "cla-rate", "cla-count", "placements-3plus", "cla-health-checks", "ehcp-20wks", "caseload-worker" })
        {
            NationalIndicators.Find(id)!.MissingFrom(context).ShouldNotBe(ReturnSources.None, id);
            NationalIndicators.Find(id)!.Figure(context, Month.Parse("2025-03")).ShouldBeNull(id);
        }
    }

    [Fact]
    public void YearFigures_AreTheDfEs_FlowsOverTheYearPositionsAt31March()
    {
        // Referrals in April 2024 (A, B) and March 2025 (C, re-referred after B's): the year's flow is all three;
        // the 31 March position of children in need is the two still open
        var data = Cin(
            Child("A", Referral("2024-04-10", closed: "2024-05-01")),
            Child("B", Referral("2024-04-12")),
            Child("C", Referral("2024-03-10", closed: "2024-03-20"), Referral("2025-03-03")));
        var context = new NationalContext(data);
        var year = FinancialYear.Parse("2024-25");

        var referrals = NationalIndicators.Find("referrals")!.YearFigure(context, year)!;
        (referrals.Numerator, referrals.From, referrals.To, referrals.Period).ShouldBe((3m, D("2024-04-01"), D("2025-03-31"), (Period)year));
        var cin = NationalIndicators.Find("cin-count")!.YearFigure(context, year)!;
        (cin.Numerator, cin.From, cin.To, cin.IsPosition).ShouldBe((2m, D("2025-03-31"), D("2025-03-31"), true));
        var rereferrals = NationalIndicators.Find("rereferrals-12m")!.YearFigure(context, year)!;
        (rereferrals.Numerator, rereferrals.Denominator).ShouldBe((1m, 3m));
        var rate = NationalIndicators.Find("referrals-rate")!.YearFigure(context, year)!;
        (rate.Numerator, rate.From, rate.To).ShouldBe((3m, D("2024-04-01"), D("2025-03-31")));
    }

    [Fact]
    public void TheFirstCensusYear_IsFlaggedAsLackingHistory()
    {
        // The earliest census given is 2024-25: a re-referral in May 2024 would need referrals back to May 2023, and a
        // plan starting then, its earlier plans; from April 2025 the 12 months before are all in the returns
        var data = Cin(Child("A", Referral("2024-05-10")), Child("B", Referral("2025-04-10"))) with { CinFrom = D("2024-04-01") };
        var context = new NationalContext(data);

        NationalIndicators.Find("rereferrals-12m")!.Figure(context, Month.Parse("2024-05"))!.HistoryFrom.ShouldBe(D("2024-04-01"));
        NationalIndicators.Find("cpp-second-time")!.Figure(context, Month.Parse("2024-05"))!.HistoryFrom.ShouldBe(D("2024-04-01"));
        NationalIndicators.Find("rereferrals-12m")!.Figure(context, Month.Parse("2025-04"))!.HistoryFrom.ShouldBeNull();
        NationalIndicators.Find("referrals")!.Figure(context, Month.Parse("2024-05"))!.HistoryFrom.ShouldBeNull();
    }
}
