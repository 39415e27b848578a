using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Simulation;

/// <summary>Periods of care, episode by episode, and what follows them.</summary>
internal sealed partial class DemoSimulation
{
    private readonly Providers _providers;

    private enum CareRoute
    {
        Court,
        Voluntary,
        Uasc,
    }

    private enum Exit
    {
        Home,
        SpecialGuardianship,
        ChildArrangements,
        Adoption,
        EighteenthBirthday,
        Transfer,
    }

    /// <summary>A placement: type, provider, postcode, Ofsted URN and the carer or home it is with.</summary>
    private sealed record Placement(string Type, string? Provider, string? Postcode, string? Urn, string Carer);

    /// <summary>Simulates a period of care from <paramref name="start"/>; returns the day it ended and why, or
    /// nulls when the child is still looked after at the end of the simulation.</summary>
    private (DateOnly? End, string? Rec) EnterCare(ChildBuilder child, EpisodeBuilder episode, DateOnly start, CareRoute route)
    {
        episode.Phases.Add((start, TeamKind.ChildrenInCare));
        child.EverInCare = true;
        var age = child.AgeOn(start);
        var need = episode.Need is null or "N9" or "N0" ? "N1" : episode.Need;
        var legal = route == CareRoute.Court ? "C1" : "V2";
        if (child.MissingRate < 0)
        {
            child.MissingRate = Chance(age >= 11 ? 0.3 : 0.02) ? 2.5 : 0.05;
        }

        var meanStay = Uniform() switch
        {
            < 0.75 when age < 10 => 2200,
            < 0.95 when age < 10 => 700,
            < 0.58 => 1500,
            < 0.88 => 480,
            _ => 160,
        };
        var (exit, planned) = PlanExit(child, start, age, route);
        AdoptionPlan? adoption = exit == Exit.Adoption ? PlanAdoption(start, planned) : null;
        if (adoption is not null)
        {
            // Until the adoption order; a plan that will be reversed is replanned when it is.
            planned = adoption.Reversed ? child.Birthday(18) : Min(adoption.Order, child.Birthday(18));
        }

        var period = new PeriodBuilder(child, start, need, legal, NewPlacement(child, start, null));
        var stop = Min(planned, _horizon.AddDays(1));

        // Scheduled changes: the final care order, same-carer changes, a temporary placement, adoption steps.
        DateOnly? finalOrder = legal == "C1" && exit != Exit.Adoption ? start.AddDays(Between(150, 330)) : null;
        DateOnly? longTerm = exit is Exit.EighteenthBirthday or Exit.SpecialGuardianship ? start.AddDays(Between(240, 560)) : null;
        DateOnly? temporary = Chance(0.1) ? start.AddDays(Between(40, 720)) : null;
        DateOnly? homeFirst = exit == Exit.Home && legal == "C1" && (planned.DayNumber - start.DayNumber) > 200 && Chance(0.5)
            ? planned.AddDays(-Between(42, 120)) : null;
        var move = start.AddDays(ExponentialDays(meanStay));
        var adoptionStep = 0;
        var placedForAdoption = false;

        while (true)
        {
            var candidates = new List<(DateOnly At, int Kind)>
            {
                (placedForAdoption ? DateOnly.MaxValue : move, 0),
            };
            if (finalOrder is { } f)
            {
                candidates.Add((f, 1));
            }

            if (longTerm is { } l)
            {
                candidates.Add((l, 2));
            }

            if (temporary is { } t)
            {
                candidates.Add((t, 3));
            }

            if (homeFirst is { } h)
            {
                candidates.Add((h, 4));
            }

            if (adoption is { } a && adoptionStep < a.Steps.Count)
            {
                candidates.Add((a.Steps[adoptionStep], 5));
            }

            var (at, kind) = candidates.MinBy(c => c.At);
            if (at >= stop.AddDays(-1))
            {
                break;
            }

            if (at <= period.Current.Start)
            {
                at = period.Current.Start.AddDays(1);
            }

            switch (kind)
            {
                case 0:
                    if (period.Current.Placement.Type != "P1")
                    {
                        period.Change(at, placement: DifferentPlacement(child, at, period.Current.Placement), reason: Weighted(PlaceChangeReasons));
                    }

                    move = at.AddDays(ExponentialDays(meanStay));
                    break;
                case 1:
                    finalOrder = null;
                    if (period.Current.LegalStatus == "C1" && longTerm is not null && period.Current.Placement.Type is "U6" or "U3" && Chance(0.4))
                    {
                        // The final order and the long-term match with the same carers on one day: RNE U.
                        var carers = period.Current.Placement;
                        period.Change(at, legal: "C2", placement: carers with { Type = carers.Type == "U6" ? "U4" : "U1" }, reason: "CARPL");
                        longTerm = null;
                    }
                    else if (period.Current.LegalStatus == "C1")
                    {
                        var alsoMove = Chance(0.12) && period.Current.Placement.Type != "P1";
                        period.Change(at, legal: "C2", placement: alsoMove ? DifferentPlacement(child, at, period.Current.Placement) : null,
                            reason: alsoMove ? Weighted(PlaceChangeReasons) : null);
                    }

                    break;
                case 2:
                    longTerm = null;
                    var current = period.Current.Placement;
                    var longType = current.Type switch { "U6" => "U4", "U3" => "U1", _ => null };
                    if (longType is not null && !period.Current.Placement.Type.StartsWith('T'))
                    {
                        period.Change(at, placement: current with { Type = longType }, reason: "CARPL");
                    }

                    break;
                case 3:
                    temporary = null;
                    var length = Between(2, 14);
                    // Never across 31 March: the return must follow the temporary placement in the same year's return.
                    if (route != CareRoute.Uasc && period.Current.Placement.Type.StartsWith('U') && at.AddDays(length + 14) < Min(stop, move)
                        && FinancialYear.Containing(at) == FinancialYear.Containing(at.AddDays(length))
                        && (finalOrder is null || at.AddDays(length + 2) < finalOrder) && (longTerm is null || at.AddDays(length + 2) < longTerm)
                        && (homeFirst is null || at.AddDays(length + 2) < homeFirst)
                        && (adoption is null || adoptionStep >= adoption.Steps.Count || at.AddDays(length + 2) < adoption.Steps[adoptionStep]))
                    {
                        var usual = period.Current.Placement;
                        var type = Weighted([("T3", 55), ("T4", 30), ("T1", 15)]);
                        if (type == "T4")
                        {
                            length = Math.Min(length, 6);
                        }

                        _carerSerial++;
                        var temp = new Placement(type, null, PostcodeOtherThan(child.HomePostcode, Chance(0.6)), null,
                            string.Create(CultureInfo.InvariantCulture, $"T{_carerSerial}"));
                        period.Change(at, placement: temp, reason: null);
                        period.Change(at.AddDays(length), placement: usual, reason: null);
                    }

                    break;
                case 4:
                    homeFirst = null;
                    period.Change(at, placement: new Placement("P1", "PR0", child.HomePostcode, null, "HOME"), reason: "CARPL");
                    break;
                default:
                    AdoptionStep(child, period, adoption!, adoptionStep, at, ref placedForAdoption, ref stop, ref finalOrder);
                    adoptionStep++;
                    if (adoption!.Reversed && adoptionStep == 3)
                    {
                        adoptionStep = adoption.Steps.Count;
                        exit = Chance(0.3) ? Exit.SpecialGuardianship : Exit.EighteenthBirthday;
                        planned = exit == Exit.SpecialGuardianship ? at.AddDays(Between(300, 800)) : child.Birthday(18);
                        if (planned > child.Birthday(18))
                        {
                            planned = child.Birthday(18);
                        }

                        stop = Min(planned, _horizon.AddDays(1));
                    }

                    break;
            }
        }

        string? rec = null;
        DateOnly? end = null;
        if (planned <= _horizon)
        {
            end = planned;
            rec = ExitReason(child, exit, period.Current.Placement, adoption);
            period.End(planned, rec);
        }

        child.Care.AddRange(period.Episodes);
        AddReviews(child, start, end);
        AddMissing(child, period.Episodes);
        return (end, rec);
    }

    private (Exit Exit, DateOnly Planned) PlanExit(ChildBuilder child, DateOnly start, int age, CareRoute route)
    {
        Exit exit;
        if (route == CareRoute.Uasc)
        {
            exit = Chance(0.05) ? Exit.Transfer : Exit.EighteenthBirthday;
        }
        else if (route == CareRoute.Voluntary)
        {
            exit = Chance(age >= 16 ? 0.4 : 0.75) ? Exit.Home : Exit.EighteenthBirthday;
        }
        else
        {
            var roll = Uniform();
            exit = age switch
            {
                0 => roll < 0.58 ? Exit.Adoption : roll < 0.74 ? Exit.SpecialGuardianship : roll < 0.92 ? Exit.Home : Exit.EighteenthBirthday,
                <= 3 => roll < 0.35 ? Exit.Adoption : roll < 0.52 ? Exit.SpecialGuardianship : roll < 0.82 ? Exit.Home : Exit.EighteenthBirthday,
                <= 9 => roll < 0.15 ? Exit.SpecialGuardianship : roll < 0.2 ? Exit.ChildArrangements : roll < 0.6 ? Exit.Home : Exit.EighteenthBirthday,
                <= 15 => roll < 0.05 ? Exit.SpecialGuardianship : roll < 0.09 ? Exit.ChildArrangements : roll < 0.60 ? Exit.Home : Exit.EighteenthBirthday,
                _ => roll < 0.3 ? Exit.Home : Exit.EighteenthBirthday,
            };
        }

        var days = exit switch
        {
            Exit.Home => route == CareRoute.Voluntary ? LogNormalDays(60, 1.0) : LogNormalDays(270, 0.6),
            Exit.SpecialGuardianship => Between(300, 900),
            Exit.ChildArrangements => Between(250, 700),
            Exit.Adoption => Between(560, 900),
            Exit.Transfer => Between(10, 60),
            _ => int.MaxValue,
        };

        // Some children expected to stay until 18 go home after all, years later.
        if (exit == Exit.EighteenthBirthday && age < 14 && Chance(0.15))
        {
            exit = Exit.Home;
            days = Between(700, 2500);
        }

        var eighteen = child.Birthday(18);
        var planned = days == int.MaxValue || start.AddDays(Math.Min(days, 9000)) >= eighteen ? eighteen : start.AddDays(days);
        if (planned >= eighteen)
        {
            planned = eighteen;
            exit = exit is Exit.Adoption or Exit.SpecialGuardianship or Exit.ChildArrangements ? Exit.EighteenthBirthday : exit;
        }

        if (planned <= start.AddDays(1))
        {
            planned = start.AddDays(2);
        }

        return (exit, planned);
    }

    private string ExitReason(ChildBuilder child, Exit exit, Placement placement, AdoptionPlan? adoption)
    {
        var fostered = placement.Type.StartsWith('U');
        switch (exit)
        {
            case Exit.Adoption when adoption is { Reversed: false } && placement.Type.StartsWith('A'):
                return Chance(0.82) ? "E11" : "E12";
            case Exit.SpecialGuardianship when fostered:
                return Chance(0.8) ? "E45" : "E46";
            case Exit.ChildArrangements:
                return "E41";
            case Exit.Transfer:
                return "E3";
            case Exit.EighteenthBirthday when fostered:
                return Weighted([("E17", 45), ("E5", 35), ("E6", 10), ("E8", 10)]);
            case Exit.EighteenthBirthday:
                return child.IsDisabled && Chance(0.3) ? "E7" : Weighted([("E5", 60), ("E6", 25), ("E8", 15)]);
            default:
                return Chance(0.8) ? "E4A" : "E4B";
        }
    }

    /// <summary>A new placement for a child of the child's age, never with <paramref name="notWith"/>.</summary>
    private Placement NewPlacement(ChildBuilder child, DateOnly date, string? notWith)
    {
        var age = child.AgeOn(date);
        string type;
        if (child.IsUasc)
        {
            type = Chance(age < 16 ? 0.7 : 0.35) ? "U6" : "K2";
        }
        else
        {
            type = age switch
            {
                0 => Weighted([("U6", 75), ("U3", 25)]),
                < 8 => Weighted([("U6", 77), ("U3", 23)]),
                < 10 => Weighted([("U6", 72), ("U3", 20), ("K2", 8)]),
                < 16 => Weighted([("U6", 52), ("U3", 12), ("K2", 30), ("S1", 4), ("K1", 2)]),
                _ => Weighted([("U6", 40), ("U3", 10), ("K2", 50)]),
            };
        }

        var placement = type switch
        {
            "K2" => _providers.Home(notWith),
            "S1" => _providers.School(),
            "K1" => _providers.SecureHome(),
            _ => FosterCarer(type),
        };
        if (placement.Carer == notWith)
        {
            placement = FosterCarer("U6");
        }

        // Unaccompanied children have no home postcode, and no placement postcode is returned for them.
        if (child.IsUasc)
        {
            return placement with { Postcode = null };
        }

        return placement.Postcode == child.HomePostcode ? placement with { Postcode = PostcodeOtherThan(child.HomePostcode, true) } : placement;
    }

    /// <summary>A placement with a new carer that differs from the current one in type, postcode, URN or provider
    /// (so the SSDA903 can tell the change of placement).</summary>
    private Placement DifferentPlacement(ChildBuilder child, DateOnly at, Placement current)
    {
        for (var attempt = 0; ; attempt++)
        {
            var next = NewPlacement(child, at, current.Carer);
            if (attempt > 8 || next.Type != current.Type || next.Postcode != current.Postcode || next.Urn != current.Urn
                || next.Provider != current.Provider)
            {
                return next;
            }
        }
    }

    private Placement FosterCarer(string type)
    {
        _carerSerial++;
        var carer = string.Create(CultureInfo.InvariantCulture, $"F{_carerSerial}");
        if (type == "U3" || Chance(0.55))
        {
            return new Placement(type, "PR1", Postcode(Chance(0.9)), _providers.LaFostering, carer);
        }

        var (urn, provider) = _providers.Agency();
        return new Placement(type, provider, Postcode(Chance(0.55)), urn, carer);
    }

    /// <summary>Looked-after reviews: within 20 working days, 3 months later, then every 6 months.</summary>
    private void AddReviews(ChildBuilder child, DateOnly start, DateOnly? end)
    {
        var last = end ?? _horizon;
        var review = WorkingDayOnOrBefore(start.AddDays(Between(12, 27)));
        var step = 0;
        while (review < last && review <= _horizon)
        {
            if (review > start)
            {
                var participation = child.AgeOn(review) < 4 ? "PN0" : Weighted([("PN1", 55), ("PN2", 8), ("PN3", 12), ("PN4", 10), ("PN5", 5), ("PN6", 6), ("PN7", 4)]);
                child.Reviews.Add(new CareReview(review, participation));
            }

            review = WorkingDayOnOrBefore(review.AddDays(step++ == 0 ? Between(60, 88) : Between(140, 180)));
        }
    }

    /// <summary>Missing and away episodes for children aged 11 or more, each within one placement and one year.</summary>
    private void AddMissing(ChildBuilder child, IReadOnlyList<SyntheticCareEpisode> episodes)
    {
        foreach (var episode in episodes)
        {
            var end = episode.End ?? _horizon;
            var length = end.DayNumber - episode.Start.DayNumber;
            if (episode.IsTemporary || length < 5 || child.AgeOn(episode.Start) < 11)
            {
                continue;
            }

            var count = Poisson(child.MissingRate * length / 365.25);
            var last = episode.Start;
            foreach (var offset in Enumerable.Range(0, count).Select(_ => Between(1, length - 3)).Order())
            {
                var from = episode.Start.AddDays(offset);
                if (from <= last || from > _horizon)
                {
                    continue;
                }

                var to = from.AddDays(Chance(0.5) ? 0 : Between(1, 3));
                var yearEnd = FinancialYear.Containing(from).End;
                to = Min(Min(to, yearEnd), end.AddDays(-1));
                if (to < from)
                {
                    continue;
                }

                var missing = Chance(0.8);
                var offered = missing && Chance(0.85);
                child.Missing.Add(new SyntheticMissingEpisode(missing ? "M" : "A", from, to, offered, offered && Chance(0.55)));
                last = to.AddDays(1);
            }
        }
    }
}
