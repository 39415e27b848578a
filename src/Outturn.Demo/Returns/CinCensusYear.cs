using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Returns;

/// <summary>
/// One year's CIN census as the LA returns it on 31 March: every child with a CIN episode open at any time in the
/// year, and within each episode only what the census year holds.
/// </summary>
/// <remarks>
/// <para>An episode is included when referred on or before 31 March and not closed before 1 April. Within it:
/// assessments started or authorised in the year; CIN plans and child protection plans open at any time in the
/// year; section 47 enquiries started in the year or whose conference was held in the year. Anything dated after
/// 31 March is not yet known: an end date, closure, authorisation or conference after the year end is left out, so
/// the activity shows as open; conference reviews after the year end are left out.</para>
/// <para>This follows the census rules that every end date, conference and authorisation falls within the census
/// year (rules 8620, 8696, 8715, 4013, 8930) and that open assessments and enquiries started in it (8736, 8740).</para>
/// </remarks>
/// <param name="Year">The census year (1 April to 31 March).</param>
/// <param name="Children">The children, in LA child ID order.</param>
public sealed record CinCensusYear(FinancialYear Year, IReadOnlyList<CinCensusChild> Children)
{
    /// <summary>The census of <paramref name="year"/> from the LA's full history.</summary>
    public static CinCensusYear For(SyntheticLa la, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(la);
        var children = new List<CinCensusChild>();
        foreach (var child in la.Children)
        {
            var episodes = child.CinEpisodes
                .Where(e => Dated.IsOpenDuring(e.ReferralDate, e.ClosureDate, year.Start, year.End))
                .Select(e => AsKnownAt(e, year))
                .ToList();
            if (episodes.Count > 0)
            {
                children.Add(new CinCensusChild(child, child.UpnOn(year.End), episodes));
            }
        }

        return new CinCensusYear(year, children);
    }

    private static SyntheticCinEpisode AsKnownAt(SyntheticCinEpisode episode, FinancialYear year)
    {
        var end = year.End;
        DateOnly? Known(DateOnly? date) => date <= end ? date : null;
        bool Open(DateOnly start, DateOnly? stop) => Dated.IsOpenDuring(start, stop, year.Start, end);
        var closed = episode.ClosureDate <= end;
        return episode with
        {
            ClosureDate = closed ? episode.ClosureDate : null,
            ClosureReason = closed ? episode.ClosureReason : null,
            Assessments = episode.Assessments
                .Where(a => year.Contains(a.Start) || (a.Authorised is { } done && year.Contains(done)))
                .Select(a => a.Authorised <= end ? a : a with { Authorised = null, Factors = [] })
                .ToList(),
            CinPlans = episode.CinPlans.Where(p => Open(p.Start, p.End)).Select(p => p with { End = Known(p.End) }).ToList(),
            Section47s = episode.Section47s
                .Where(s => year.Contains(s.Start) || (s.ConferenceDate is { } held && year.Contains(held)))
                .Select(s => s with
                {
                    ConferenceDate = Known(s.ConferenceDate),
                    ConcludedWithoutConference = Known(s.ConcludedWithoutConference),
                    ResultedInPlan = s.ResultedInPlan && s.ConferenceDate <= end,
                })
                .ToList(),
            ProtectionPlans = episode.ProtectionPlans
                .Where(p => Open(p.Start, p.End))
                .Select(p => p with { End = Known(p.End), Reviews = p.Reviews.Where(r => r <= end).ToList() })
                .ToList(),
        };
    }
}

/// <summary>A child in a year's CIN census.</summary>
/// <param name="Child">The child.</param>
/// <param name="Upn">The UPN, or the <c>UN</c> reason code, as reported at the census date.</param>
/// <param name="Episodes">The child's CIN episodes as known at the census date, oldest first.</param>
public sealed record CinCensusChild(SyntheticChild Child, string Upn, IReadOnlyList<SyntheticCinEpisode> Episodes);
