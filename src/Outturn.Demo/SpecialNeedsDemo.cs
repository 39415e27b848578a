using Outturn.Demo.Simulation;

namespace Outturn.Demo;

/// <summary>A child or young person in the synthetic LA's SEN2 returns: every request for an EHC needs assessment made for them.</summary>
/// <param name="Upn">The unique pupil number (13 characters, valid check letter).</param>
/// <param name="BirthDate">The date of birth.</param>
/// <param name="Sex">The sex.</param>
/// <param name="Requests">The requests, oldest first.</param>
public sealed record SenPerson(string Upn, DateOnly BirthDate, ChildSex Sex, IReadOnlyList<SenRequest> Requests);

/// <summary>One request for an EHC needs assessment and its whole history, as the LA's SEND system would hold it.</summary>
/// <param name="Received">The date the request was received: the 20-week clock starts.</param>
/// <param name="Assess">Whether the LA decided to assess (<c>RequestOutcome</c>).</param>
/// <param name="Decided">The date of the decision whether to assess (<c>RequestOutcomeDate</c>).</param>
/// <param name="IssuePlan">After assessment, whether the LA decided to issue a plan (<c>AssessmentOutcome</c>); null when not assessed.</param>
/// <param name="Assessed">The date of that decision (<c>AssessmentOutcomeDate</c>); null when not assessed.</param>
/// <param name="Issued">The date the final plan was issued (<c>NamedPlan/StartDate</c>); null when none was.</param>
/// <param name="ExceptionsApply">Whether an exception to the 20-week limit applied (<c>Week20</c>).</param>
/// <param name="Disputed">Whether mediation or a tribunal followed the assessment.</param>
public sealed record SenRequest(
    DateOnly Received, bool Assess, DateOnly Decided, bool? IssuePlan, DateOnly? Assessed, DateOnly? Issued, bool ExceptionsApply, bool Disputed)
{
    /// <summary>The day the request's work finished: the plan, the decision not to issue, or the decision not to assess.</summary>
    public DateOnly Concluded => Issued ?? Assessed ?? Decided;
}

/// <summary>
/// Requests for EHC needs assessments in the synthetic LA, from a random stream of their own (seeded from the
/// settings' seed), so adding them changed nothing else in the demo.
/// </summary>
/// <remarks>
/// Calibrated to England (SEN2, the "Education, health and care plans" release): about 113 initial requests a year per
/// 10,000 children aged 0-17 (138,200 in 2024), three in four assessed, nine in ten assessments ending in a plan,
/// about one plan in twenty under an exception to the 20-week limit, and timeliness falling from about 56% to about
/// 44% over the years, as England's fell from 60% in 2021 to 46% in 2024.
/// </remarks>
public static class SpecialNeedsDemo
{
    private const double RequestsPer10k = 113;

    /// <summary>Every request received from a year before the first reporting year to the end of the last, by person.</summary>
    public static IReadOnlyList<SenPerson> Generate(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rng = new Random(unchecked((settings.Seed * 7919) + 2020));
        var from = settings.FirstYear.Start.AddYears(-1);
        var to = settings.LastYear.End;
        var perDay = RequestsPer10k * settings.Children / 10_000.0 / 365.25;
        var people = new List<SenPerson>();
        var elapsed = 0.0; // days since from: a Poisson process of requests
        while (true)
        {
            elapsed += -Math.Log(1 - rng.NextDouble()) / perDay;
            var day = from.AddDays((int)elapsed);
            if (day > to)
            {
                return people;
            }

            var received = DemoSimulation.WorkingDayOnOrAfter(day);
            var age = rng.NextDouble() switch { < 0.35 => rng.Next(2, 5), < 0.70 => rng.Next(5, 11), < 0.92 => rng.Next(11, 16), _ => rng.Next(16, 20) };
            var birth = received.AddYears(-age).AddDays(-rng.Next(0, 365));
            var upn = DemoSimulation.MakeUpn(settings.Authority.OldLaCode, 500_000 + people.Count, birth.Year + 5);
            var onTime = 0.56 - (0.12 * (received.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber));
            people.Add(new SenPerson(upn, birth, rng.Next(2) == 0 ? ChildSex.Male : ChildSex.Female, [Request(rng, received, onTime)]));
        }
    }

    /// <summary>
    /// The SEN2 returns the demo LA holds: the census of each January (the third Thursday) from the first reporting
    /// year on, covering the calendar year before it, and an extract as at the demo date for the months since.
    /// </summary>
    public static IReadOnlyList<DateOnly> ReturnDates(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dates = new List<DateOnly>();
        for (var year = settings.FirstYear.StartYear + 1; year <= settings.LastYear.EndYear; year++)
        {
            var first = new DateOnly(year, 1, 1);
            dates.Add(first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7 + 14));
        }

        var last = settings.LastYear.End;
        if (dates.Count == 0 || dates[^1] < last)
        {
            dates.Add(last);
        }

        return dates;
    }

    /// <summary>
    /// Whether a return made on <paramref name="reference"/> holds the request: received by then, and either still in
    /// progress or finished since the start of the previous calendar year (the return's "work completed" year).
    /// </summary>
    public static bool InReturn(SenRequest request, DateOnly reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Received <= reference && (request.Concluded > reference || request.Concluded >= new DateOnly(reference.Year - 1, 1, 1));
    }

    private static SenRequest Request(Random rng, DateOnly received, double onTime)
    {
        var decided = DemoSimulation.WorkingDayOnOrAfter(received.AddDays(rng.Next(25, 43)));
        if (rng.NextDouble() >= 0.76)
        {
            return new SenRequest(received, false, decided, null, null, null, false, false);
        }

        // Days from request to final plan: in time (98 to 140) or late (141 and a long tail)
        var days = rng.NextDouble() < onTime ? rng.Next(98, 141) : 141 + (int)Math.Min(280, Math.Floor(-Math.Log(1 - rng.NextDouble()) * 55));
        var issued = DemoSimulation.WorkingDayOnOrAfter(received.AddDays(days));
        var assessed = DemoSimulation.WorkingDayOnOrAfter(issued.AddDays(-rng.Next(14, 29)));
        if (assessed <= decided)
        {
            assessed = DemoSimulation.WorkingDayOnOrAfter(decided.AddDays(1));
        }

        return rng.NextDouble() < 0.92
            ? new SenRequest(received, true, decided, true, assessed, issued > assessed ? issued : assessed, rng.NextDouble() < 0.05, rng.NextDouble() < 0.04)
            : new SenRequest(received, true, decided, false, assessed, null, false, false);
    }
}
