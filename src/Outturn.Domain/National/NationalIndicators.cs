using Outturn.Domain.Calendar;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>
/// The national indicators computed from child-level data, to the definitions in domain-anchors.md §3 (row numbers
/// in each entry's comment), for any month: flows count events in the month (ratios roll up into quarters and years);
/// rates per 10,000 count the 12 months to the month end (so March is the DfE's financial-year figure); positions are
/// taken at the month's last day (March is the DfE's 31 March snapshot).
/// </summary>
/// <remarks>
/// Ids match the published-measures mapping, so the benchmark columns fill for "us" automatically. Yearly returns
/// (OC2 health, OC3 care leavers) give a figure only for March, the month their collection year ends.
/// EHC plans within 20 weeks (row 20) come from the SEN2 return and have a figure only when one was read.
/// </remarks>
public static class NationalIndicators
{
    private const string Csc = "Children's social care", Cla = "Children looked after", Leavers = "Care leavers", Send = "Special educational needs", Workforce = "Workforce";

    private static Indicator I(string id, string name, string area, Unit unit, Polarity polarity, Aggregation aggregation, string definition) =>
        new(id, name, area, polarity == Polarity.None ? IndicatorKind.Activity : IndicatorKind.Benchmarking, unit, polarity, aggregation, 1, definition);

    /// <summary>The catalogue of national indicators, in scorecard order.</summary>
    public static IReadOnlyList<Indicator> Catalogue { get; } =
    [
        I("referrals-rate", "Referrals per 10,000 children (12 months)", Csc, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Referrals (CIN episodes) with a referral date in the 12 months to the month end, per 10,000 children aged 0-17 (ONS mid-year estimate)."),
        I("rereferrals-12m", "Re-referrals within 12 months of a previous referral", Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
            "Referrals in the period where the same child had an earlier referral in the 12 months before, over all referrals in the period."),
        I("referrals-nfa", "Referrals closed with no further action", Csc, Unit.Percent, Polarity.None, Aggregation.Ratio,
            "Referrals in the period recorded as no further action, over all referrals in the period."),
        I("assess-45wd", "Assessments completed within 45 working days", Csc, Unit.Percent, Polarity.High, Aggregation.Ratio,
            "Assessments authorised in the period within 45 working days of the assessment start (start day counted), over all assessments authorised in the period."),
        I("s47-rate", "Section 47 enquiries per 10,000 children (12 months)", Csc, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Section 47 enquiries started in the 12 months to the month end, per 10,000 children aged 0-17."),
        I("icpc-15wd", "Initial child protection conferences within 15 working days of the section 47 start", Csc, Unit.Percent, Polarity.High, Aggregation.Ratio,
            "Initial child protection conferences held in the period within 15 working days of the section 47 start, over all initial conferences held."),
        I("cin-rate", "Children in need per 10,000 children", Csc, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Children with an open CIN episode at the month end, per 10,000 children aged 0-17."),
        I("cp-rate", "Children on a child protection plan per 10,000 children", Csc, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Children on a child protection plan at the month end, per 10,000 children aged 0-17."),
        I("cpp-starts-rate", "Child protection plans starting per 10,000 children (12 months)", Csc, Unit.Rate, Polarity.Low, Aggregation.Snapshot,
            "Child protection plans starting in the 12 months to the month end, per 10,000 children aged 0-17."),
        I("cpp-second-time", "Child protection plans that were a second or subsequent plan", Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
            "Plans starting in the period for a child who had any earlier plan, however long ago (DfE), over all plans starting in the period."),
        I("cpp-2yrs", "Child protection plans lasting 2 years or more", Csc, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
            "Plans open at the month end that had lasted more than 729 days counting the month end, over all plans open at the month end."),
        I("cpp-ceased-2yrs", "Child protection plans ending after 2 years or more", Csc, Unit.Percent, Polarity.Low, Aggregation.Ratio,
            "Plans ending in the period that had lasted 2 years or more, over all plans ending in the period."),
        I("cpp-reviewed", "Child protection plans reviewed within timescales", Csc, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "Children on a plan for 3 months or more at the month end whose first review was within 3 months and each later review within 6 months, none overdue at the month end."),
        I("cla-rate", "Children looked after per 10,000 children", Cla, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Children looked after at the month end, short breaks (V3, V4) excluded, per 10,000 children aged 0-17."),
        I("cla-starts-rate", "Children starting to be looked after per 10,000 children (12 months)", Cla, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Periods of care starting (RNE S, short breaks excluded) in the 12 months to the month end, per 10,000 children aged 0-17."),
        I("cla-ceased-rate", "Children ceasing to be looked after per 10,000 children (12 months)", Cla, Unit.Rate, Polarity.None, Aggregation.Snapshot,
            "Periods of care ending (REC other than X1, short breaks excluded) in the 12 months to the month end, per 10,000 children aged 0-17."),
        I("placements-3plus", "Children looked after with 3 or more placements in 12 months", Cla, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
            "Children looked after at the month end with 3 or more placements in the 12 months to it: the placement open at the start plus each new placement with a new carer (RNE S, P, B); same-carer changes (T, U) and placing for adoption with the current foster carers (A3, A5) do not count."),
        I("placement-long-term", "Children looked after long term in the same placement for 2 years", Cla, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "Children under 16 looked after continuously for 2.5 years or more at the month end who have lived with the same carer for 2 years, or are placed for adoption and with the previous carer made 2 years."),
        I("cla-health-checks", "Children looked after 12 months or more with their annual health assessment", Cla, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "OC2 cohort (looked after continuously for 12 months at 31 March) with HEALTH_ASSESSMENT = 1. March only."),
        I("cla-dental-checks", "Children looked after 12 months or more who had their teeth checked", Cla, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "OC2 cohort with TEETH_CHECK = 1. March only."),
        I("cla-missing", "Children looked after who went missing (12 months)", Cla, Unit.Percent, Polarity.Low, Aggregation.Snapshot,
            "Children looked after at some time in the 12 months to the month end (short breaks excluded) with a missing episode (M) starting in those months."),
        I("care-leavers-eet-19-21", "Care leavers aged 19 to 21 in education, employment or training", Leavers, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "OC3 care leavers aged 19 to 21 (those who died or returned home excluded) whose activity is F1, P1, F2, P2, F4, P4, F5 or P5. March only."),
        I("care-leavers-accom-19-21", "Care leavers aged 19 to 21 in suitable accommodation", Leavers, Unit.Percent, Polarity.High, Aggregation.Snapshot,
            "OC3 care leavers aged 19 to 21 (those who died or returned home excluded) whose accommodation is suitable (code ending 1). March only."),
        I("ehcp-20wks", "New EHC plans issued within 20 weeks", Send, Unit.Percent, Polarity.High, Aggregation.Ratio,
            "New EHC plans issued in the period within 20 weeks (140 days) of the request for assessment, over all new plans issued in the period; plans under an exception to the 20-week limit, and cases that went to mediation or tribunal, are left out (DfE). The DfE publishes the calendar year. Needs SEN2."),
        I("caseload-worker", "Average caseload per allocated worker", Workforce, Unit.Number, Polarity.Low, Aggregation.Snapshot,
            "Children allocated at the month end, each once (the worker of an open CIN episode, as Annex A names it; else the looked-after child's SSDA903 social worker episode), over the workers holding them."),
    ];

    /// <summary>Looks up a catalogue entry.</summary>
    public static Indicator? Find(string id) => Catalogue.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Computes every indicator for a month; indicators with no figure that month are left out.</summary>
    public static IReadOnlyList<IndicatorResult> ComputeAll(ChildLevelData data, Month month, NationalOptions? options = null)
    {
        var indexes = new Indexes(data);
        return [.. Catalogue.Select(i => Compute(i.Id, data, month, options, indexes)).OfType<IndicatorResult>()];
    }

    /// <summary>Computes one indicator for a month, or null when it has no figure (a yearly indicator outside March, no population).</summary>
    /// <exception cref="ArgumentException">The id is not in the catalogue.</exception>
    public static IndicatorResult? Compute(string id, ChildLevelData data, Month month, NationalOptions? options = null) =>
        Compute(id, data, month, options, new Indexes(data));

    private static IndicatorResult? Compute(string id, ChildLevelData data, Month month, NationalOptions? options, Indexes indexes)
    {
        var indicator = Find(id) ?? throw new ArgumentException($"'{id}' is not a national indicator.", nameof(id));
        options ??= NationalOptions.Default;
        var c = new Context(data, month, options, indexes);
        (decimal Numerator, decimal Denominator, List<ChildLine> Lines)? r = indicator.Id switch
        {
            "referrals-rate" => c.Rate(c.Referrals(c.Year).Select(x => Line(x.Child, true, "referred", ("referral", x.Episode.ReferralDate)))),
            "rereferrals-12m" => c.Ratio(c.Referrals(c.ThisMonth).Select(c.ReReferral)),
            "referrals-nfa" => c.Ratio(c.Referrals(c.ThisMonth).Select(x => Line(x.Child, x.Episode.ReferralNfa, x.Episode.ReferralNfa ? "no further action" : "went on to assessment or other action", ("referral", x.Episode.ReferralDate)))),
            "assess-45wd" => c.Ratio(c.Assessments().Select(c.AssessmentLine).OfType<ChildLine>()),
            "s47-rate" => c.Rate(c.Enquiries(c.Year, e => e.Start).Select(x => Line(x.Child, true, "section 47 started", ("section 47 start", x.Enquiry.Start)))),
            "icpc-15wd" => c.Ratio(c.Enquiries(c.ThisMonth, e => e.ConferenceNotRequired ? null : e.ConferenceDate).Select(c.ConferenceLine).OfType<ChildLine>()),
            "cin-rate" => c.Rate(c.CinChildren().Where(ch => ch.Episodes.Any(e => e.IsOpenOn(c.AsAt)))
                .Select(ch => Line(ch, true, "open CIN episode", ("referral", ch.Episodes.Last(e => e.IsOpenOn(c.AsAt)).ReferralDate)))),
            "cp-rate" => c.Rate(c.CinChildren().Where(ch => c.Plans(ch).Any(p => p.IsOpenOn(c.AsAt)))
                .Select(ch => Line(ch, true, "on a plan", ("plan start", c.Plans(ch).Last(p => p.IsOpenOn(c.AsAt)).Start)))),
            "cpp-starts-rate" => c.Rate(c.PlansStarting(c.Year).Select(x => Line(x.Child, true, "plan started", ("plan start", x.Plan.Start)))),
            "cpp-second-time" => c.Ratio(c.PlansStarting(c.ThisMonth).Select(c.RepeatPlanLine)),
            "cpp-2yrs" => c.Ratio(c.OpenPlans().Select(x => Line(x.Child, c.AsAt.DayNumber - x.Plan.Start.DayNumber + 1 > 729,
                $"{c.AsAt.DayNumber - x.Plan.Start.DayNumber + 1} days on the plan", ("plan start", x.Plan.Start)))),
            "cpp-ceased-2yrs" => c.Ratio(c.CinChildren().SelectMany(ch => c.Plans(ch).Where(p => p.End is { } e && c.ThisMonth.Contains(e))
                .Select(p => Line(ch, p.End!.Value.DayNumber - p.Start.DayNumber + 1 > 729, $"{p.End!.Value.DayNumber - p.Start.DayNumber + 1} days on the plan", ("plan start", p.Start), ("plan end", p.End!.Value))))),
            "cpp-reviewed" => c.Ratio(c.OpenPlans().Where(x => x.Plan.Start.AddMonths(3) <= c.AsAt).Select(c.ReviewLine)),
            "cla-rate" => c.Rate(c.LookedAfterOn(c.AsAt).Select(x => Line(x.Child, true, "looked after", ("episode start", x.Episode.Start)))),
            "cla-starts-rate" => c.Rate(c.Episodes().Where(x => x.Episode.Reason == "S" && !x.Episode.IsShortBreak && c.Year.Contains(x.Episode.Start))
                .Select(x => Line(x.Child, true, "started to be looked after", ("start", x.Episode.Start)))),
            "cla-ceased-rate" => c.Rate(c.Episodes().Where(x => x.Episode.EndsCare && !x.Episode.IsShortBreak && c.Year.Contains(x.Episode.End!.Value))
                .Select(x => Line(x.Child, true, $"ceased ({x.Episode.ReasonEnded})", ("end", x.Episode.End!.Value)))),
            "placements-3plus" => c.Ratio(c.LookedAfterOn(c.AsAt).Select(x => c.PlacementsLine(x.Child))),
            "placement-long-term" => c.Ratio(c.LookedAfterOn(c.AsAt).Where(x => x.Child.AgeOn(c.AsAt) < 16).Select(x => c.LongTermLine(x.Child)).OfType<ChildLine>()),
            "cla-health-checks" => c.YearEnd(() => c.HealthLines(o => o.HealthAssessment, "annual health assessment")),
            "cla-dental-checks" => c.YearEnd(() => c.HealthLines(o => o.TeethCheck, "teeth checked")),
            "cla-missing" => c.Ratio(c.LookedAfterDuring(c.Year).Select(c.MissingLine)),
            "care-leavers-eet-19-21" => c.YearEnd(() => c.LeaverLines(o => o.InEducationEmploymentOrTraining, $"activity {{0}}", o => o.Activity)),
            "care-leavers-accom-19-21" => c.YearEnd(() => c.LeaverLines(o => o.SuitablyAccommodated, $"accommodation {{0}}", o => o.Accommodation)),
            "ehcp-20wks" => data.SpecialNeeds.Requests.Count == 0 ? null : c.Ratio(c.PlansIssued().OfType<ChildLine>()),
            "caseload-worker" => c.Caseload(),
            _ => throw new InvalidOperationException($"No calculation for '{indicator.Id}'."),
        };

        return r is { } x ? new IndicatorResult(indicator, month, x.Numerator, x.Denominator, [.. x.Lines.Select(c.WithHolder)]) : null;
    }

    private static ChildLine Line(CinChild child, bool numerator, string reason, params (string, DateOnly)[] dates) => new(child.ChildId, numerator, reason, dates);

    private static ChildLine Line(LookedAfterChild child, bool numerator, string reason, params (string, DateOnly)[] dates) => new(child.ChildId, numerator, reason, dates);

    /// <summary>An inclusive date range.</summary>
    private readonly record struct Window(DateOnly From, DateOnly To)
    {
        public bool Contains(DateOnly d) => d >= From && d <= To;
    }

    /// <summary>Look-ups by child, built once for all the indicators of a month, and only when one needs them.</summary>
    private sealed class Indexes(ChildLevelData data)
    {
        private readonly Dictionary<CinChild, ProtectionPlan[]> _plans = new(ReferenceEqualityComparer.Instance);
        private Dictionary<string, CinChild>? _cinById;
        private ILookup<string, SocialWorkerEpisode>? _workersByChild;
        private ILookup<string, MissingEpisode>? _missingByChild;

        public Dictionary<string, CinChild> CinById => _cinById ??= data.Cin.Children.ToDictionary(ch => ch.ChildId, StringComparer.Ordinal);

        public ILookup<string, SocialWorkerEpisode> WorkersByChild => _workersByChild ??= data.LookedAfter.SocialWorkers.ToLookup(sw => sw.ChildId, StringComparer.Ordinal);

        public ILookup<string, MissingEpisode> MissingByChild => _missingByChild ??= data.LookedAfter.Missing.ToLookup(m => m.ChildId, StringComparer.Ordinal);

        /// <summary>A child's protection plans across all episodes, in start order.</summary>
        public ProtectionPlan[] Plans(CinChild child)
        {
            if (!_plans.TryGetValue(child, out var plans))
            {
                plans = [.. child.Episodes.SelectMany(e => e.ProtectionPlans).OrderBy(p => p.Start)];
                _plans[child] = plans;
            }

            return plans;
        }
    }

    private sealed class Context(ChildLevelData data, Month month, NationalOptions options, Indexes indexes)
    {
        public DateOnly AsAt { get; } = month.LastDay;

        public Window ThisMonth { get; } = new(month.FirstDay, month.LastDay);

        /// <summary>The 12 months to the month end.</summary>
        public Window Year { get; } = new(month.AddMonths(-11).FirstDay, month.LastDay);

        public IEnumerable<CinChild> CinChildren() => data.Cin.Children;

        public (decimal, decimal, List<ChildLine>)? Rate(IEnumerable<ChildLine> lines) =>
            data.PopulationFor(month) is { } population ? (lines.Count(), population, [.. lines]) : null;

        public (decimal, decimal, List<ChildLine>)? Ratio(IEnumerable<ChildLine> lines)
        {
            var list = lines.ToList();
            return (list.Count(l => l.InNumerator), list.Count, list);
        }

        public (decimal, decimal, List<ChildLine>)? YearEnd(Func<IEnumerable<ChildLine>> lines) => month.Number == 3 ? Ratio(lines()) : null;

        public IEnumerable<(CinChild Child, CinEpisode Episode)> Referrals(Window window) =>
            data.Cin.Children.SelectMany(ch => ch.Episodes.Where(e => window.Contains(e.ReferralDate)).Select(e => (ch, e)));

        // Row 2: a re-referral has an earlier referral of the same child within the 12 months before.
        public ChildLine ReReferral((CinChild Child, CinEpisode Episode) x)
        {
            var date = x.Episode.ReferralDate;
            var previous = x.Child.Episodes.Where(e => e.ReferralDate < date && e.ReferralDate >= date.AddMonths(-12)).Select(e => e.ReferralDate).DefaultIfEmpty().Max();
            return previous == default
                ? Line(x.Child, false, "no referral in the 12 months before", ("referral", date))
                : Line(x.Child, true, $"previous referral {date.DayNumber - previous.DayNumber} days before", ("referral", date), ("previous referral", previous));
        }

        public IEnumerable<(CinChild Child, CinEpisode Episode, CinAssessment Assessment)> Assessments() =>
            data.Cin.Children.SelectMany(ch => ch.Episodes.SelectMany(e => e.Assessments
                .Where(a => a.Authorised is { } d && ThisMonth.Contains(d)).Select(a => (ch, e, a))));

        // Row 4: working days from the clock start to authorisation; 45 or fewer is in time.
        public ChildLine? AssessmentLine((CinChild Child, CinEpisode Episode, CinAssessment Assessment) x)
        {
            var start = options.AssessmentClock == AssessmentClock.Referral ? x.Episode.ReferralDate : x.Assessment.Start;
            var end = x.Assessment.Authorised!.Value;
            var label = options.AssessmentClock == AssessmentClock.Referral ? "referral" : "assessment start";
            return WorkingDays(start, end) is { } days
                ? new ChildLine(x.Child.ChildId, days <= 45, $"{days} working days from {label} to authorisation", [(label, start), ("authorised", end)], x.Episode.Team, x.Episode.Worker)
                : null;
        }

        public IEnumerable<(CinChild Child, CinEpisode Episode, Section47Enquiry Enquiry)> Enquiries(Window window, Func<Section47Enquiry, DateOnly?> date) =>
            data.Cin.Children.SelectMany(ch => ch.Episodes.SelectMany(e => e.Section47s.Where(s => date(s) is { } d && window.Contains(d)).Select(s => (ch, e, s))));

        // Row 6: working days from the section 47 start to the initial conference; 15 or fewer is in time.
        public ChildLine? ConferenceLine((CinChild Child, CinEpisode Episode, Section47Enquiry Enquiry) x) =>
            WorkingDays(x.Enquiry.Start, x.Enquiry.ConferenceDate!.Value) is { } days
                ? new ChildLine(x.Child.ChildId, days <= 15, $"{days} working days from section 47 start to conference",
                    [("section 47 start", x.Enquiry.Start), ("conference", x.Enquiry.ConferenceDate!.Value)], x.Episode.Team, x.Episode.Worker)
                : null;

        public IReadOnlyList<ProtectionPlan> Plans(CinChild child) => indexes.Plans(child);

        public IEnumerable<(CinChild Child, ProtectionPlan Plan)> PlansStarting(Window window) =>
            data.Cin.Children.SelectMany(ch => Plans(ch).Where(p => window.Contains(p.Start)).Select(p => (ch, p)));

        public IEnumerable<(CinChild Child, ProtectionPlan Plan)> OpenPlans() =>
            data.Cin.Children.SelectMany(ch => Plans(ch).Where(p => p.IsOpenOn(AsAt)).Select(p => (ch, p)));

        // Row 9: any earlier plan (DfE), or one that ended within 2 years (local variant).
        public ChildLine RepeatPlanLine((CinChild Child, ProtectionPlan Plan) x)
        {
            var earlier = Plans(x.Child).Where(p => p.Start < x.Plan.Start).ToList();
            if (options.RepeatPlans == RepeatPlanRule.WithinTwoYears)
            {
                var recent = earlier.Where(p => p.End is { } e && e >= x.Plan.Start.AddYears(-2)).Select(p => p.End!.Value).DefaultIfEmpty().Max();
                return recent == default
                    ? Line(x.Child, false, "no plan ended in the 2 years before", ("plan start", x.Plan.Start))
                    : Line(x.Child, true, "an earlier plan ended within 2 years", ("plan start", x.Plan.Start), ("earlier plan end", recent));
            }

            if (earlier.Count > 0)
            {
                return Line(x.Child, true, $"{earlier.Count} earlier plan(s) in the data", ("plan start", x.Plan.Start), ("earlier plan start", earlier[^1].Start));
            }

            return x.Plan.PreviousPlans is > 0
                ? Line(x.Child, true, $"{x.Plan.PreviousPlans} previous plan(s) recorded in the census", ("plan start", x.Plan.Start))
                : Line(x.Child, false, "first plan", ("plan start", x.Plan.Start));
        }

        // Row 11: first review within 3 months, each later one within 6 months, none overdue at the month end.
        public ChildLine ReviewLine((CinChild Child, ProtectionPlan Plan) x)
        {
            var due = x.Plan.Start.AddMonths(3);
            foreach (var review in x.Plan.Reviews.Where(r => r <= AsAt).Order())
            {
                if (review > due)
                {
                    return Line(x.Child, false, $"review late (due {due:yyyy-MM-dd})", ("plan start", x.Plan.Start), ("review", review));
                }

                due = review.AddMonths(6);
            }

            return due < AsAt
                ? Line(x.Child, false, $"review overdue since {due:yyyy-MM-dd}", ("plan start", x.Plan.Start))
                : Line(x.Child, true, "reviews in time", ("plan start", x.Plan.Start));
        }

        public IEnumerable<(LookedAfterChild Child, CareEpisode Episode)> Episodes() =>
            data.LookedAfter.Children.SelectMany(ch => ch.Episodes.Select(e => (ch, e)));

        // Row 13: looked after at the end of the day, short breaks excluded.
        public IEnumerable<(LookedAfterChild Child, CareEpisode Episode)> LookedAfterOn(DateOnly date) =>
            data.LookedAfter.Children.Select(ch => (ch, e: ch.Episodes.LastOrDefault(e => e.IsOpenOn(date) && !e.IsShortBreak)))
                .Where(x => x.e is not null).Select(x => (x.ch, x.e!));

        public IEnumerable<LookedAfterChild> LookedAfterDuring(Window window) =>
            data.LookedAfter.Children.Where(ch => ch.Episodes.Any(e => !e.IsShortBreak && Dated.IsOpenDuring(e.Start, e.End, window.From, window.To)));

        // Row 15: the placement open at the window start plus each new carer in the window (LookedAfterChild.PlacementsBetween).
        public ChildLine PlacementsLine(LookedAfterChild child)
        {
            var count = child.PlacementsBetween(Year.From, AsAt);
            var moves = child.NewPlacementsBetween(Year.From, AsAt);
            return Line(child, count >= 3, $"{count} placement(s) in the 12 months", [.. moves.Select(m => ("new placement", m.Start))]);
        }

        // Row 16: under 16, in care 2.5 years continuously, same carer 2 years (adoption: with the carer before).
        public ChildLine? LongTermLine(LookedAfterChild child)
        {
            var episodes = child.Episodes.Where(e => e.Start <= AsAt && !e.IsShortBreak).ToList();
            var careStart = episodes.LastOrDefault(e => e.Reason == "S")?.Start ?? episodes.FirstOrDefault()?.Start;
            if (careStart is not { } began || began > AsAt.AddMonths(-30))
            {
                return null;
            }

            var carers = episodes.Where(e => e.IsNewPlacement).ToList();
            var current = carers.LastOrDefault();
            if (current is null)
            {
                return null;
            }

            var since = current.Placement is "A3" or "A4" or "A5" or "A6" && carers.Count > 1 ? carers[^2].Start : current.Start;
            return Line(child, since <= AsAt.AddYears(-2), since <= AsAt.AddYears(-2) ? "same carer for 2 years or more" : "carer changed in the last 2 years",
                ("period of care start", began), ("with current carer since", since));
        }

        // Row 17: the OC2 cohort of the collection year ending this March.
        public IEnumerable<ChildLine> HealthLines(Func<HealthOutcome, bool?> flag, string what) =>
            data.LookedAfter.HealthOutcomes.Where(o => o.Year == month.FinancialYear)
                .Select(o => new ChildLine(o.ChildId, flag(o) == true, flag(o) == true ? what : $"no {what}", []));

        // Row 18: OC3 care leavers aged 19 to 21, those who died or returned home excluded.
        public IEnumerable<ChildLine> LeaverLines(Func<CareLeaverOutcome, bool> meets, string reason, Func<CareLeaverOutcome, string?> code) =>
            data.LookedAfter.CareLeavers
                .Where(o => o.Year == month.FinancialYear && o.InTouch is not ("DIED" or "RHOM"))
                .Where(o => (AsAt.Year - o.BirthDate.Year - (o.BirthDate.AddYears(AsAt.Year - o.BirthDate.Year) > AsAt ? 1 : 0)) is >= 19 and <= 21)
                .Select(o => new ChildLine(o.ChildId, meets(o), string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, code(o) ?? "not recorded"), [("date of birth", o.BirthDate)]));

        // Row 19: looked after during the 12 months, with a missing episode starting in them.
        public ChildLine MissingLine(LookedAfterChild child)
        {
            var missing = indexes.MissingByChild[child.ChildId].Where(m => m.Kind == "M" && Year.Contains(m.Start)).Select(m => m.Start).Order().ToList();
            return Line(child, missing.Count > 0, missing.Count > 0 ? $"{missing.Count} missing episode(s)" : "not missing", [.. missing.Select(d => ("missing from", d))]);
        }

        // Row 20: plans issued in the month, days from the request received to the final plan; 140 or fewer is in time.
        // "Timeliness figures are based on assessments ... where no mediation or tribunal has taken place" (SEN2 data
        // guidance), so disputed cases leave the cohort; so do exception cases unless the option includes them.
        public IEnumerable<ChildLine?> PlansIssued() =>
            data.SpecialNeeds.Requests.SelectMany(r => r.Assessments.Where(a => a.PlanIssued is { } d && ThisMonth.Contains(d)).Select(a =>
            {
                if (r.Disputed || a.Disputed || (a.ExceptionsApply == true && options.EhcpExceptions == TwentyWeekExceptions.Excluded))
                {
                    return null;
                }

                var days = a.PlanIssued!.Value.DayNumber - r.Received.DayNumber;
                var why = $"{days} days from request to plan{(a.ExceptionsApply == true ? " (exception applies)" : "")}";
                return new ChildLine(r.PersonId, days <= 140, why, [("request received", r.Received), ("plan issued", a.PlanIssued!.Value)]);
            }));

        /// <summary>
        /// A line with the team and worker that hold the child's case at the month end, where the line does not name
        /// them already: the open CIN episode's allocation (Annex A), else the SSDA903 social worker episode, as the
        /// caseload counts them. So a manager can take any figure by team and worker.
        /// </summary>
        public ChildLine WithHolder(ChildLine line)
        {
            if (line.Team is not null || line.Worker is not null)
            {
                return line;
            }

            if (indexes.CinById.TryGetValue(line.ChildId, out var child) && child.Episodes.LastOrDefault(e => e.IsOpenOn(AsAt) && e.Worker is not null) is { } episode)
            {
                return line with { Team = episode.Team, Worker = episode.Worker };
            }

            return indexes.WorkersByChild[line.ChildId].LastOrDefault(sw => sw.IsOpenOn(AsAt)) is { } held
                ? line with { Team = held.Team, Worker = held.WorkerId }
                : line;
        }

        public (decimal, decimal, List<ChildLine>)? Caseload()
        {
            if (AsAt < data.AllocatedFrom)
            {
                return null;
            }

            var lines = new List<ChildLine>();
            foreach (var child in data.Cin.Children)
            {
                foreach (var e in child.Episodes.Where(e => e.IsOpenOn(AsAt) && e.Worker is not null))
                {
                    lines.Add(new ChildLine(child.ChildId, true, "allocated CIN case", [("referral", e.ReferralDate)], e.Team, e.Worker));
                }
            }

            // A looked-after child held through a CIN episode is counted there once; the SSDA903 social worker
            // episodes count only the children no CIN allocation names.
            var counted = lines.Select(l => l.ChildId).ToHashSet(StringComparer.Ordinal);
            foreach (var sw in data.LookedAfter.SocialWorkers.Where(s => s.IsOpenOn(AsAt)))
            {
                if (counted.Add(sw.ChildId))
                {
                    lines.Add(new ChildLine(sw.ChildId, true, "allocated looked-after child", [("allocated", sw.Start)], sw.Team, sw.WorkerId));
                }
            }

            var workers = lines.Select(l => l.Worker).Distinct().Count();
            return workers == 0 ? null : (lines.Count, workers, lines);
        }

        private int? WorkingDays(DateOnly start, DateOnly end)
        {
            if (end < start)
            {
                return null; // the readers reject such rows; a figure is never built on them
            }

            try
            {
                return WorkingDayCalendar.WorkingDaysBetween(start, end, options.StartDay);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // outside the 2010-2030 calendar
            }
        }
    }
}
