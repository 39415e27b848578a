using System.Text.RegularExpressions;
using Outturn.Demo.Returns;
using Outturn.Domain.Calendar;

namespace Outturn.Demo.Tests.Returns;

/// <summary>
/// The DfE CIN census validation rules that one year's census can be checked against, as the Data to Insight CIN
/// validator implements them (<c>cin_validator/rules/cin2022_23</c> to <c>cin2024_25</c>), numbered as there, queries
/// (Q) included. Returns every breach as "rule child: detail".
/// </summary>
internal static partial class CinCensusRules
{
    private static readonly HashSet<string> Sources =
        ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"];
    private static readonly HashSet<string> Disabilities = ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"];
    private static readonly HashSet<string> Categories = ["NEG", "PHY", "SAB", "EMO", "MUL"];

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$")]
    private static partial Regex ChildIdPattern();

    public static List<string> Check(CinCensusYear census)
    {
        var errors = new List<string>();
        void Fail(string rule, string child, string detail) => errors.Add($"{rule} {child}: {detail}");
        var y = census.Year;
        var (start, end) = (y.Start, y.End);
        bool In(DateOnly? d) => d is { } x && x >= start && x <= end;

        foreach (var g in census.Children.GroupBy(c => c.Child.Id).Where(g => g.Count() > 1))
        {
            Fail("8510", g.Key, "duplicate child");
        }

        foreach (var g in census.Children.Select(c => c.Upn).Where(u => !u.StartsWith("UN", StringComparison.Ordinal)).GroupBy(u => u).Where(g => g.Count() > 1))
        {
            Fail("1520", g.Key, "duplicate UPN");
        }

        var icpcs = 0;
        var plansStarted = 0;
        foreach (var entry in census.Children)
        {
            var child = entry.Child;
            var id = child.Id;
            if (!ChildIdPattern().IsMatch(id))
            {
                Fail("1570/1580", id, "LA child ID");
            }

            CheckUpn(entry.Upn, id, child.BirthDate, end, Fail);
            if (child.BirthDate > end)
            {
                Fail("8520", id, "born after the census date");
            }

            var disabilities = child.Disabilities;
            if (disabilities.Count == 0 || disabilities.Any(d => !Disabilities.Contains(d)) || (disabilities.Contains("NONE") && disabilities.Count > 1)
                || disabilities.Distinct().Count() != disabilities.Count)
            {
                Fail("8540/8790/8794", id, string.Join(' ', disabilities));
            }

            var episodes = entry.Episodes.OrderBy(e => e.ReferralDate).ToList();
            var openEpisodes = episodes.Where(e => e.ClosureDate is null && !e.ReferralNfa).ToList();
            if (openEpisodes.Count > 1 || (openEpisodes.Count == 1 && openEpisodes[0] != episodes[^1]))
            {
                Fail("8815/8816", id, "open episode not the only and latest one");
            }

            for (var i = 0; i < episodes.Count; i++)
            {
                var e = episodes[i];
                foreach (var other in episodes.Where(o => o != e))
                {
                    var stop = other.ClosureDate ?? (other.ReferralNfa ? other.ReferralDate : end);
                    if (e.ReferralDate > other.ReferralDate && e.ReferralDate < stop)
                    {
                        Fail("8820", id, $"referral {e.ReferralDate} within {other.ReferralDate}-{stop}");
                    }
                }

                CheckEpisode(e, id, y, Fail);
                icpcs += e.Section47s.Count(s => In(s.ConferenceDate));
                plansStarted += e.ProtectionPlans.Count(p => In(p.Start));
            }
        }

        if (plansStarted > icpcs)
        {
            Fail("2883", "LA", $"{plansStarted} plans started, {icpcs} conferences");
        }

        return errors;
    }

    private static void CheckUpn(string upn, string id, DateOnly birth, DateOnly end, Action<string, string, string> fail)
    {
        if (upn.StartsWith("UN", StringComparison.Ordinal))
        {
            if (upn is not ("UN1" or "UN2" or "UN3" or "UN4" or "UN5" or "UN6" or "UN7"))
            {
                fail("UPNunknown", id, upn);
            }

            if (upn == "UN1" && birth <= new DateOnly(end.Year, 8, 31).AddYears(-5))
            {
                fail("8770Q", id, "UN1 for a school-age child");
            }

            return;
        }

        if (upn.Length != 13 || !upn[1..12].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(upn[12]) || "ABCDEFGHJKLMNPQRTUVWXYZ".Contains(upn[12], StringComparison.Ordinal)))
        {
            fail("1540/1550", id, upn);
            return;
        }

        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            sum = (sum + ((upn[i] - '0') * (i + 1))) % 23;
        }

        if ("ABCDEFGHJKLMNPQRTUVWXYZ"[sum] != upn[0])
        {
            fail("1510", id, $"check letter of {upn}");
        }
    }

    private static void CheckEpisode(SyntheticCinEpisode e, string id, Outturn.Domain.Periods.FinancialYear y, Action<string, string, string> fail)
    {
        var (start, end) = (y.Start, y.End);
        bool In(DateOnly? d) => d is { } x && x >= start && x <= end;
        var referral = e.ReferralDate;
        if (referral > end || !Sources.Contains(e.ReferralSource))
        {
            fail("8600/8866", id, $"{referral} {e.ReferralSource}");
        }

        if (!e.ReferralNfa && e.PrimaryNeed is not ("N1" or "N2" or "N3" or "N4" or "N5" or "N6" or "N7" or "N8" or "N9" or "N0"))
        {
            fail("8610/8650", id, $"need {e.PrimaryNeed}");
        }

        if ((e.ClosureDate is null) != (e.ClosureReason is null) || (e.ClosureDate is { } c && (!In(c) || c < referral))
            || (e.ClosureReason is not null && e.ClosureReason is not ("RC1" or "RC2" or "RC3" or "RC4" or "RC5" or "RC6" or "RC7" or "RC8" or "RC9")))
        {
            fail("8620/8630/8640/8805/8810", id, $"closure {e.ClosureDate} {e.ClosureReason}");
        }

        if (e.ReferralNfa && (e.Assessments.Count > 0 || e.Section47s.Count > 0 || e.ProtectionPlans.Count > 0 || e.CinPlans.Count > 0))
        {
            fail("8831/8832/4000", id, "activity on a referral with no further action");
        }

        if (referral < start.AddDays(-3) && e.ReferralNfa)
        {
            fail("8569Q", id, "NFA referral before the year");
        }

        if (e.ClosureReason is "RC8" or "RC9")
        {
            if (e.Section47s.Count > 0 || e.ProtectionPlans.Count > 0 || e.CinPlans.Count > 0)
            {
                fail("2990", id, "activity on a case closed after assessment");
            }

            if (e.Assessments.Count == 0)
            {
                fail("8825Q", id, "closed after assessment with no assessment");
            }
        }

        var activity = new List<DateOnly?>();

        // Assessments
        var assessments = e.Assessments.OrderBy(a => a.Start).ToList();
        for (var i = 0; i < assessments.Count; i++)
        {
            var a = assessments[i];
            activity.Add(a.Start);
            activity.Add(a.Authorised);
            if (a.Start < referral || (a.Authorised is { } done && (done < a.Start || !In(done))) || (a.Authorised is null && !In(a.Start)))
            {
                fail("1103/8608/8696/8736", id, $"assessment {a.Start}-{a.Authorised}");
            }

            if ((a.Authorised is null) != (a.Factors.Count == 0) || (a.Factors.Contains("21") && a.Factors.Count > 1) || a.Factors.Distinct().Count() != a.Factors.Count)
            {
                fail("8614/8897Q/8869/8898", id, string.Join(' ', a.Factors));
            }

            if (a.Authorised is null && WorkingDayCalendar.WorkingDaysBetween(a.Start, end) > 45)
            {
                fail("8670Q", id, $"assessment open since {a.Start}");
            }

            if (a.Authorised is null && e.ClosureDate is not null)
            {
                fail("8867", id, "closed with an open assessment");
            }

            if (i > 0 && (assessments[i - 1].Authorised is null || assessments[i - 1].Authorised > a.Start))
            {
                fail("8863Q/8896", id, $"overlapping assessments {assessments[i - 1].Start}-{assessments[i - 1].Authorised} and {a.Start}");
            }
        }

        // CIN plans
        var plans = e.CinPlans.OrderBy(p => p.Start).ToList();
        for (var i = 0; i < plans.Count; i++)
        {
            var p = plans[i];
            activity.Add(p.Start);
            activity.Add(p.End);
            if (p.Start > end || p.Start < referral || (p.End is { } stop && (stop < p.Start || !In(stop) || stop == p.Start)))
            {
                fail("4010/4011/4012Q/4013/4015", id, $"CIN plan {p.Start}-{p.End}");
            }

            if (i > 0 && (plans[i - 1].End is null || plans[i - 1].End > p.Start))
            {
                fail("4004/4014", id, "overlapping CIN plans");
            }

            foreach (var cp in e.ProtectionPlans)
            {
                var cpStop = cp.End ?? end;
                var planStop = p.End ?? end;
                if ((p.Start > cp.Start && p.Start < cpStop && p.Start != cp.End) || (cp.Start > p.Start && cp.Start < planStop && cp.Start != p.End)
                    || (cp.End is null && p.End is null) || (p.Start == cp.Start))
                {
                    fail("4001/4016/4017", id, $"CIN plan {p.Start}-{p.End} with CP plan {cp.Start}-{cp.End}");
                }

                if (cp.Reviews.Any(r => r > p.Start && r < planStop && r != cp.End))
                {
                    fail("4003", id, "CP review during a CIN plan");
                }
            }
        }

        // Section 47
        var enquiries = e.Section47s.OrderBy(s => s.Start).ToList();
        for (var i = 0; i < enquiries.Count; i++)
        {
            var s = enquiries[i];
            activity.Add(s.Start);
            activity.Add(s.ConferenceDate);
            if (s.Start < referral || s.ConferenceDate < s.Start || (s.ConferenceDate is { } held && (!In(held) || !WorkingDayCalendar.IsWorkingDay(held)))
                || !WorkingDayCalendar.IsWorkingDay(s.ConferenceTarget))
            {
                fail("2889/8615/8715/8875/8870Q", id, $"S47 {s.Start} ICPC {s.ConferenceDate} target {s.ConferenceTarget}");
            }

            var pending = s.ConferenceDate is null && s.ConcludedWithoutConference is null;
            if (pending && (!In(s.Start) || WorkingDayCalendar.WorkingDaysBetween(s.Start, end) > 15))
            {
                fail("8740/8675Q", id, $"S47 open since {s.Start}");
            }

            if (pending && e.ClosureDate is not null)
            {
                fail("8868", id, "closed with an open S47");
            }

            if (i > 0 && enquiries[i - 1].ConferenceDate is null && enquiries[i - 1].ConcludedWithoutConference is null)
            {
                fail("8839/8890", id, "two open S47s");
            }
        }

        if (enquiries.Count > 0 && e.Assessments.Count == 0)
        {
            fail("2991Q", id, $"S47 without an assessment, referral {e.ReferralDate} S47 {enquiries[0].Start}");
        }

        // Child protection plans
        var cpps = e.ProtectionPlans.OrderBy(p => p.Start).ToList();
        for (var i = 0; i < cpps.Count; i++)
        {
            var p = cpps[i];
            activity.Add(p.End);
            if (p.Start > end || p.Start < referral || (p.End is { } stop && (stop <= p.Start || !In(stop))) || !Categories.Contains(p.InitialCategory)
                || !Categories.Contains(p.LatestCategory) || p.PreviousPlans < 0 || p.Reviews.Any(r => r <= p.Start || r > end))
            {
                fail("1105/8720/8840/8925/8930/8905/8910/8730/8841", id, $"CP plan {p.Start}-{p.End}");
            }

            if (In(p.Start) && !e.Section47s.Any(s => s.ConferenceDate == p.Start))
            {
                fail("2885", id, $"CP plan {p.Start} without a conference that day");
            }

            if (i > 0 && (cpps[i - 1].End is null || cpps[i - 1].End > p.Start))
            {
                fail("8935/8940", id, "overlapping CP plans");
            }
        }

        if (e.ClosureDate is { } closed && activity.Any(d => d > closed))
        {
            fail("8565", id, "activity after closure");
        }
    }
}
