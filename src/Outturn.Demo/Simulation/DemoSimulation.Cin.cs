using Outturn.Domain.Periods;

namespace Outturn.Demo.Simulation;

/// <summary>Referrals and what follows them within a CIN episode.</summary>
internal sealed partial class DemoSimulation
{
    /// <summary>Tuning: of referrals that are neither closed at once nor go to section 47, the share assessed as not
    /// in need (national: 30.8% of all referrals).</summary>
    private const double NotInNeedWithoutEnquiry = 0.52;

    private enum Outcome
    {
        NoFurtherAction,
        NotInNeed,
        Closed,
        AfterProtection,
        AfterCare,
    }

    private enum Step
    {
        CinPlan,
        ProtectionPlan,
        Care,
        Close,
    }

    /// <summary>One step of an episode: what comes next, from when, and with which closure reason if closing.</summary>
    private readonly record struct Next(Step Step, DateOnly At, string Reason = "RC7", Outcome Outcome = Outcome.Closed, CareRoute Route = CareRoute.Court);

    /// <summary>A child's referrals in turn, from the first, until the simulation ends or the child turns 18.</summary>
    private void Journey(ChildBuilder child, DateOnly referral)
    {
        var date = referral;
        while (true)
        {
            var (closure, outcome) = Referral(child, date);
            if (closure is not { } closed || closed >= _horizon)
            {
                return;
            }

            // An adopted child has a new identity: never referred again under this one (SSDA903 rule 199).
            if (child.Care.Any(e => e.Rec is "E11" or "E12"))
            {
                return;
            }

            // Re-referral: soon after a short episode (the re-referral measure counts referrals within 12 months of
            // the previous referral), or years later, or never.
            var soon = outcome switch
            {
                Outcome.NoFurtherAction => 0.43,
                Outcome.NotInNeed => 0.40,
                Outcome.AfterCare => 0.24,
                Outcome.AfterProtection => 0.22,
                _ => 0.26,
            };
            DateOnly next;
            if (Chance(soon))
            {
                next = closed.AddDays(ExponentialDays(110));
            }
            else if (Chance(0.32))
            {
                next = closed.AddDays(Between(365, 1800));
            }
            else
            {
                return;
            }

            if (next > _horizon || next >= child.Birthday(18).AddDays(-60))
            {
                return;
            }

            date = next;
        }
    }

    private EpisodeBuilder OpenEpisode(ChildBuilder child, DateOnly referral, string source, string? need)
    {
        var episode = new EpisodeBuilder { Referral = referral, Source = source, Need = need };
        child.Cin.Add(episode);
        episode.Phases.Add((referral, TeamKind.FrontDoor));
        return episode;
    }

    private (DateOnly? Closure, Outcome Outcome) Referral(ChildBuilder child, DateOnly date)
    {
        var source = Weighted(ReferralSources);
        var contact = date.AddDays(-Between(0, 2));
        child.Contacts.Add(new Contact(contact < child.BirthDate ? child.BirthDate : contact, source, true));
        if (Chance(NationalRates.NoFurtherActionShare))
        {
            var nfa = OpenEpisode(child, date, source, null);
            nfa.Nfa = true;
            Close(child, nfa, date, "RC7");
            return (date, Outcome.NoFurtherAction);
        }

        var need = NeedFor(child);
        var episode = OpenEpisode(child, date, source, need);
        var enquiry = Chance(EnquiryChance(child, need));
        var inNeed = enquiry || !Chance(NotInNeedWithoutEnquiry);
        var assessed = Assess(child, episode, date, inNeed);
        if (!inNeed)
        {
            episode.Need = "N9";
            var reason = Chance(0.4) ? "RC9" : "RC8";
            // Closed in the year the assessment was authorised, so the census shows the assessment with the closure.
            var closing = WorkingDayOnOrAfter(assessed.AddDays(Between(0, 4)));
            var sameYear = FinancialYear.Containing(closing) == FinancialYear.Containing(assessed) && !(closing.Month == 3 && closing.Day >= 25);
            var closed = Close(child, episode, sameYear ? closing : assessed, reason, keepInYear: true);
            if (reason == "RC9" && closed <= _horizon)
            {
                var start = WorkingDayOnOrAfter(closed.AddDays(Between(1, 15)));
                var done = start.AddDays(Between(15, 60));
                child.EarlyHelp.Add(new EarlyHelpAssessment(start, done <= _horizon ? done : null, EarlyHelpOrganisation()));
            }

            return (closed, Outcome.NotInNeed);
        }

        Next next;
        if (enquiry)
        {
            next = Enquiry(child, episode, date, assessed);
        }
        else if (Chance(DirectCareChance(child, date)))
        {
            var route = child.AgeOn(date) >= 12 && Chance(0.45) ? CareRoute.Voluntary : CareRoute.Court;
            next = new Next(Step.Care, Max(date.AddDays(Between(0, 6)), episode.Assessments[^1].Start), Route: route);
        }
        else
        {
            next = new Next(Step.CinPlan, assessed);
        }

        return Continue(child, episode, next);
    }

    private static double EnquiryChance(ChildBuilder child, string need) =>
        (need == "N1" ? 0.46 : 0.2) + (child.PreviousPlans > 0 ? 0.15 : 0);

    private double DirectCareChance(ChildBuilder child, DateOnly date)
    {
        var age = child.AgeOn(date);
        var byAge = age switch { 0 => 1.9, <= 4 => 0.7, <= 9 => 0.6, <= 15 => 1.0, _ => 1.8 };
        return 0.086 * byAge * (child.EverInCare ? 1.6 : 1.0);
    }

    /// <summary>Runs the episode from a step until it closes or the simulation ends.</summary>
    private (DateOnly? Closure, Outcome Outcome) Continue(ChildBuilder child, EpisodeBuilder episode, Next next)
    {
        var outcome = Outcome.Closed;
        while (true)
        {
            if (next.At > _horizon)
            {
                return (null, outcome);
            }

            if (next.Outcome != Outcome.Closed)
            {
                outcome = next.Outcome;
            }

            switch (next.Step)
            {
                case Step.CinPlan:
                    next = CinPlan(child, episode, next.At);
                    break;
                case Step.ProtectionPlan:
                    next = ProtectionPlan(child, episode, next.At);
                    break;
                case Step.Care:
                    next = Care(child, episode, next.At, next.Route);
                    break;
                default:
                    return (Close(child, episode, next.At, next.Reason), outcome);
            }
        }
    }

    /// <summary>Closes the episode on or after <paramref name="date"/>, never before its last activity.</summary>
    private DateOnly Close(ChildBuilder child, EpisodeBuilder episode, DateOnly date, string reason, bool keepInYear = false)
    {
        var latest = Max(date, episode.LastActivity);
        var closure = episode.Nfa || keepInYear ? latest : AvoidLastDaysOfMarch(latest);
        var eighteen = child.Birthday(18);
        if (closure > eighteen && eighteen >= episode.LastActivity)
        {
            closure = keepInYear || episode.Nfa ? eighteen : AvoidLastDaysOfMarch(eighteen);
        }

        episode.Closure = closure;
        episode.Reason = reason;
        return closure;
    }

    /// <summary>The children and family assessment; returns the day it was authorised.</summary>
    private DateOnly Assess(ChildBuilder child, EpisodeBuilder episode, DateOnly referral, bool inNeed, bool byAssessmentTeam = true)
    {
        var start = WorkingDayOnOrAfter(referral.AddDays(Between(0, 3)));
        if (byAssessmentTeam)
        {
            episode.Phases.Add((start, TeamKind.Assessment));
        }


        // 86% within 45 working days (counting the start day), most of them late in the timescale.
        var workingDays = Chance(0.86) ? 8 + (int)Math.Round(37 * Math.Sqrt(Uniform())) : Between(46, 90);
        var authorised = SettleAtYearEnd(start, Deadline(start, workingDays), 44);
        if (!inNeed && authorised.Month == 3 && authorised.Day >= 25)
        {
            // The case closes when the assessment is authorised, and no social worker episode may end in the last
            // days of March without a successor (SSDA903 rule SW11b): authorise a little earlier or later.
            var earlier = WorkingDayOnOrBefore(new DateOnly(authorised.Year, 3, 24));
            authorised = earlier >= start ? earlier : WorkingDayOnOrAfter(new DateOnly(authorised.Year, 4, 2));
        }
        List<string> factors;
        if (!inNeed && Chance(0.55))
        {
            factors = ["21"];
        }
        else
        {
            factors = [];
            var count = inNeed ? Between(1, 4) : 1;
            while (factors.Count < count)
            {
                var factor = Weighted(Factors);
                if (!factors.Contains(factor))
                {
                    factors.Add(factor);
                }
            }
        }

        episode.Assessments.Add(new SyntheticAssessment(start, authorised, factors, Chance(0.97), inNeed));
        episode.Touch(authorised);
        return authorised;
    }

    /// <summary>A section 47 enquiry from the referral, and what the conference (if any) decides.</summary>
    private Next Enquiry(ChildBuilder child, EpisodeBuilder episode, DateOnly from, DateOnly notBefore)
    {
        var start = WorkingDayOnOrAfter(from.AddDays(Between(0, 3)));
        if (episode.Assessments.Count > 0 && episode.Assessments[^1].Start > start)
        {
            // Never before the assessment it runs alongside.
            start = episode.Assessments[^1].Start;
        }

        if (start > _horizon)
        {
            return new Next(Step.Close, start);
        }

        var target = Deadline(start, 15);
        if (Chance(child.PreviousPlans > 0 ? 0.55 : 0.29))
        {
            // 78% of conferences within 15 working days of the strategy discussion.
            var workingDays = Chance(0.78) ? Between(6, 15) : Between(16, 32);
            var conference = SettleAtYearEnd(start, Deadline(start, workingDays), 14);
            var plan = Chance(0.8);
            episode.Section47s.Add(new SyntheticSection47Enquiry(start, target, conference, null, plan));
            if (episode.Assessments.Count > 0 && episode.Assessments[^1] is { Authorised: { } authorised } last
                && FinancialYear.Containing(authorised) < FinancialYear.Containing(conference))
            {
                // An assessment authorised before 1 April and a conference after it would leave the census of the
                // conference's year with an enquiry and no assessment: the assessment completes with the conference.
                episode.Assessments[^1] = last with { Authorised = conference };
            }

            episode.Touch(conference);
            if (plan)
            {
                return new Next(Step.ProtectionPlan, conference);
            }

            return Chance(0.65) ? new Next(Step.CinPlan, Max(conference, notBefore)) : new Next(Step.Close, Max(conference, notBefore));
        }

        var concluded = SettleAtYearEnd(start, Deadline(start, Between(3, 18)), 14);
        episode.Section47s.Add(new SyntheticSection47Enquiry(start, target, null, concluded, false));
        episode.Touch(concluded);
        return Chance(0.45) ? new Next(Step.CinPlan, Max(concluded, notBefore)) : new Next(Step.Close, Max(concluded, notBefore));
    }

    private Next CinPlan(ChildBuilder child, EpisodeBuilder episode, DateOnly start)
    {
        episode.Phases.Add((start, episode.Need == "N2" ? TeamKind.Disabilities : TeamKind.ChildInNeed));
        var days = Math.Max(21, LogNormalDays(175, 0.75));
        var end = start.AddDays(days);
        var lastDay = child.Birthday(18).AddDays(-1);
        if (end > lastDay)
        {
            end = lastDay > start.AddDays(7) ? lastDay : start.AddDays(7);
        }

        var roll = Uniform();
        if (roll < 0.07 && days > 40)
        {
            // Concerns grow during the plan: a section 47 enquiry; a plan made at conference replaces the CIN plan.
            var enquiryStart = WorkingDayOnOrAfter(start.AddDays(Between(20, days - 15)));
            if (enquiryStart <= _horizon && enquiryStart < end)
            {
                // A fresh assessment alongside the enquiry (the census queries an enquiry with no assessment),
                // unless one is still open.
                if (episode.Assessments[^1].Authorised < enquiryStart)
                {
                    Assess(child, episode, enquiryStart, inNeed: true, byAssessmentTeam: false);
                }

                var next = Enquiry(child, episode, enquiryStart, start);
                if (next.Step == Step.ProtectionPlan)
                {
                    episode.CinPlans.Add(new SyntheticCinPlan(start, next.At));
                    return next;
                }

                end = Max(end, episode.LastActivity.AddDays(7));
            }
        }
        else if (roll < 0.07 + (0.025 * (child.EverInCare ? 2 : 1)) && days > 30)
        {
            var careStart = start.AddDays(Between(14, days - 7));
            episode.CinPlans.Add(new SyntheticCinPlan(start, careStart));
            episode.Touch(careStart);
            return new Next(Step.Care, careStart, Route: child.AgeOn(careStart) >= 12 && Chance(0.4) ? CareRoute.Voluntary : CareRoute.Court);
        }

        episode.CinPlans.Add(new SyntheticCinPlan(start, end));
        episode.Touch(end);
        return new Next(Step.Close, end.AddDays(Between(0, 10)));
    }

    private Next ProtectionPlan(ChildBuilder child, EpisodeBuilder episode, DateOnly start)
    {
        episode.Phases.Add((start, TeamKind.ChildInNeed));
        var previous = child.PreviousPlans++;

        // Lengths at ending: mostly 3 to 12 months, a fifth 1 to 2 years, a few longer.
        var roll = Uniform();
        var days = roll < 0.13 ? Between(45, 90) : roll < 0.40 ? Between(91, 182) : roll < 0.76 ? Between(183, 365)
            : roll < 0.95 ? Between(366, 730) : Between(731, 1100);
        var planned = start.AddDays(days);
        var intoCare = Chance(0.12);
        var careDate = intoCare ? start.AddDays(Between(20, Math.Max(21, days))) : (DateOnly?)null;
        var stop = careDate ?? planned;
        var lastDay = child.Birthday(18).AddDays(-1);
        if (stop > lastDay)
        {
            stop = lastDay > start.AddDays(1) ? lastDay : start.AddDays(1);
            careDate = null;
            intoCare = false;
        }

        // Reviews: the first within 3 months, then at most 6 months apart, but about one in 25 late (England has about
        // 92% of children's plans reviewed in time); the plan ends at a review conference.
        var reviews = new List<DateOnly>();
        var review = Late(child, start, 0, WorkingDayOnOrBefore(start.AddDays(Between(56, 88))));
        var endFrom = stop.AddDays(-45);
        while (review <= _horizon.AddDays(200))
        {
            if ((!intoCare && review > endFrom) || (intoCare && review >= stop))
            {
                break;
            }

            reviews.Add(review);
            review = Late(child, start, reviews.Count, WorkingDayOnOrBefore(review.AddDays(Between(140, 180))));
        }

        DateOnly end;
        if (intoCare)
        {
            end = stop;
        }
        else
        {
            end = review > endFrom && review <= lastDay ? review : stop;
            if (end == review)
            {
                reviews.Add(review);
            }
        }

        var initial = Weighted(AbuseCategories);
        var latest = Chance(0.88) ? initial : Weighted(AbuseCategories);
        episode.ProtectionPlans.Add(new SyntheticProtectionPlan(start, end, initial, latest, previous, reviews));
        episode.Touch(end);
        if (intoCare)
        {
            return new Next(Step.Care, end, Outcome: Outcome.AfterProtection, Route: CareRoute.Court);
        }

        return Chance(0.6)
            ? new Next(Step.CinPlan, end, Outcome: Outcome.AfterProtection)
            : new Next(Step.Close, end, Outcome: Outcome.AfterProtection);
    }

    /// <summary>
    /// A review conference held late: 4% of them, by 10 to 40 days, on the next working day. Decided by a hash of the
    /// child, plan and review, not a random draw, so the rest of the simulation draws the same numbers.
    /// </summary>
    private static DateOnly Late(ChildBuilder child, DateOnly planStart, int review, DateOnly due)
    {
        var hash = 2166136261u;
        foreach (var c in $"{child.Id}|{planStart.DayNumber}|{review}")
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash % 100 < 4 ? WorkingDayOnOrAfter(due.AddDays(10 + (int)(hash / 100 % 31))) : due;
    }

    private Next Care(ChildBuilder child, EpisodeBuilder episode, DateOnly start, CareRoute route)
    {
        if (start >= child.Birthday(18).AddDays(-14))
        {
            return new Next(Step.Close, start);
        }

        var (end, rec) = EnterCare(child, episode, start, route);
        if (end is not { } left)
        {
            return new Next(Step.Close, _horizon.AddDays(1));
        }

        episode.Touch(left);
        return rec switch
        {
            "E11" or "E12" => new Next(Step.Close, left, "RC1", Outcome.AfterCare),
            "E45" or "E46" => new Next(Step.Close, left, "RC4", Outcome.AfterCare),
            "E41" => new Next(Step.Close, left, "RC3", Outcome.AfterCare),
            "E3" => new Next(Step.Close, left, "RC5", Outcome.AfterCare),
            "E7" => new Next(Step.Close, left, "RC6", Outcome.AfterCare),
            "E4A" or "E4B" when Chance(0.45) && left < child.Birthday(18).AddDays(-60) =>
                new Next(Step.CinPlan, left, Outcome: Outcome.AfterCare),
            "E4A" or "E4B" => new Next(Step.Close, left.AddDays(Between(0, 20)), Outcome: Outcome.AfterCare),
            _ => new Next(Step.Close, left, Outcome: Outcome.AfterCare),
        };
    }
}
