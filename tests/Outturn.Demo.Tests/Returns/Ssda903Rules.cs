using System.Text.RegularExpressions;
using Outturn.Demo.Returns;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Tests.Returns;

/// <summary>
/// The DfE SSDA903 validation rules that one year's data can be checked against, as the Data to Insight 903 validator
/// implements them (<c>lac_validator/rules/lac2022_23</c> to <c>lac2025_26</c>), numbered as there. Returns every
/// breach as "rule child: detail". Rules needing the previous year's return, the Ofsted provider lists or a postcode
/// lookup are not here (see docs/demo-data.md).
/// </summary>
internal static partial class Ssda903Rules
{
    private static readonly HashSet<string> Rne = ["S", "L", "P", "T", "B", "U"];
    private static readonly HashSet<string> LegalStatus = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"];
    private static readonly HashSet<string> Placements =
        ["A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6"];
    private static readonly HashSet<string> Rec =
        ["E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"];
    private static readonly HashSet<string> PlaceChange = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"];
    private static readonly HashSet<string> UrnExempt = ["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4"];
    private static readonly HashSet<string> Ethnic =
        ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"];
    private static readonly HashSet<string> Accommodation =
        ["B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"];
    private static readonly HashSet<string> Activity = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"];
    private static readonly HashSet<string> SwReasons = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"];

    [GeneratedRegex(@"^((?![IOS])[A-Z](\d{12}|\d{11}[A-Z]))$|^UN[1-5]$")]
    private static partial Regex UpnPattern();

    [GeneratedRegex(@"^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^(SC\d{6}|\d{6,7})$")]
    private static partial Regex UrnPattern();

    public static List<string> Check(Ssda903Year r)
    {
        var errors = new List<string>();
        void Fail(string rule, string child, string detail) => errors.Add($"{rule} {child}: {detail}");
        var y = r.Year;
        var header = r.Header.ToDictionary(h => h.Child);
        var episodes = r.Episodes.GroupBy(e => e.Child).ToDictionary(g => g.Key, g => g.Select(e => e.Episode).OrderBy(e => e.Start).ToList());

        // Header
        foreach (var h in r.Header)
        {
            var lookedAfter = episodes.TryGetValue(h.Child, out var eps) && eps.Any(e => !e.IsShortBreak);
            if (!Ethnic.Contains(h.Ethnicity))
            {
                Fail("103", h.Child, h.Ethnicity);
            }

            if (!UpnPattern().IsMatch(h.Upn))
            {
                Fail("168", h.Child, h.Upn);
            }

            if (h.Upn == "UN1" && h.BirthDate <= new DateOnly(y.StartYear - 1, 8, 31).AddYears(-4))
            {
                Fail("209", h.Child, "school age with UN1");
            }

            if (h.Sex == ChildSex.Female && lookedAfter && h.Mother is null)
            {
                Fail("393", h.Child, "girl looked after without MOTHER");
            }

            if (h.Mother is not null && (h.Sex == ChildSex.Male || !lookedAfter))
            {
                Fail("165/628", h.Child, "MOTHER where not required");
            }

            if (h.BirthDate > y.End)
            {
                Fail("301", h.Child, "born after the year");
            }
        }

        Unique(r.Header.Select(h => h.Child), "INT32", errors);
        Unique(r.Header.Select(h => h.Upn).Where(u => !u.StartsWith("UN", StringComparison.Ordinal)), "444", errors);
        foreach (var (child, dob) in r.Reviews.Select(x => (x.Child, x.BirthDate)).Concat(r.Oc2.Select(x => (x.Child, x.BirthDate)))
            .Concat(r.Oc3.Select(x => (x.Child, x.BirthDate))).Concat(r.Ad1.Select(x => (x.Child, x.BirthDate)))
            .Concat(r.PlacedAdoption.Select(x => (x.Child, x.BirthDate))).Concat(r.PreviousPermanence.Select(x => (x.Child, x.BirthDate)))
            .Concat(r.Missing.Select(x => (x.Child, x.BirthDate))).Concat(r.Uasc.Select(x => (x.Child, x.BirthDate)))
            .Concat(r.SocialWorkers.Select(x => (x.Child, x.BirthDate))).Concat(r.Episodes.Select(x => (x.Child, header.GetValueOrDefault(x.Child)?.BirthDate ?? default))))
        {
            if (!header.TryGetValue(child, out var h) || h.BirthDate != dob)
            {
                Fail("INT0x/INT1x", child, "not in the header, or another DOB");
            }
        }

        foreach (var (child, eps) in episodes)
        {
            CheckEpisodes(y, header[child], eps, r, Fail);
        }

        CheckOutcomes(r, episodes, header, Fail, errors);
        CheckAdoption(r, episodes, Fail);
        CheckSocialWorkers(r, episodes, Fail);
        return errors;
    }

    private static void Unique(IEnumerable<string> keys, string rule, List<string> errors)
    {
        foreach (var g in keys.GroupBy(k => k).Where(g => g.Count() > 1))
        {
            errors.Add($"{rule} {g.Key}: {g.Count()} times");
        }
    }

    private static bool Fields(SyntheticCareEpisode a, SyntheticCareEpisode b) =>
        a.Placement == b.Placement && a.PlacementPostcode == b.PlacementPostcode && a.Urn == b.Urn && a.Provider == b.Provider;

    private static void CheckEpisodes(FinancialYear y, Ssda903Year.HeaderRow h, List<SyntheticCareEpisode> eps, Ssda903Year r, Action<string, string, string> fail)
    {
        var id = h.Child;
        var uasc = r.Uasc.Any(u => u.Child == id);
        DateOnly Birthday(int age) => h.BirthDate.AddYears(age);
        for (var i = 0; i < eps.Count; i++)
        {
            var e = eps[i];
            var prev = i > 0 ? eps[i - 1] : null;
            var next = i + 1 < eps.Count ? eps[i + 1] : null;
            if (!Rne.Contains(e.Rne) || !LegalStatus.Contains(e.LegalStatus) || !Placements.Contains(e.Placement) || e.CategoryOfNeed is not ("N1" or "N2" or "N3" or "N4" or "N5" or "N6" or "N7" or "N8"))
            {
                fail("143-146", id, $"code {e.Rne} {e.LegalStatus} {e.Placement} {e.CategoryOfNeed}");
            }

            if ((e.Rec is null) != (e.End is null) || (e.Rec is not null && !Rec.Contains(e.Rec)))
            {
                fail("148/149", id, $"DEC {e.End} REC {e.Rec}");
            }

            if (e.ReasonPlaceChange is not null && !PlaceChange.Contains(e.ReasonPlaceChange))
            {
                fail("1009", id, e.ReasonPlaceChange);
            }

            if (e.ReasonPlaceChange is not null && e.End is null)
            {
                fail("233", id, "reason for placement change on an open episode");
            }

            if (e.End is { } end && end <= e.Start)
            {
                fail("355/356", id, $"{e.Start}-{end}");
            }

            if (e.End > y.End || e.Start > y.End || (e.End is { } ended && ended < y.Start))
            {
                fail("354/385", id, "outside the year");
            }

            if (e.Start < h.BirthDate)
            {
                fail("302", id, "before birth");
            }

            // Provider and placement
            var temp = e.IsTemporary;
            if (temp != (e.Provider is null))
            {
                fail("213/526", id, $"{e.Placement} provider {e.Provider}");
            }

            if ((e.Provider == "PR0") != (e.Placement == "P1") || (e.Provider is "PR1" or "PR2" && e.Placement is "P1" or "R2" or "R5")
                || (e.Provider == "PR3" && (e.Placement is "P1" or "K1" or "K2" || e.Placement.StartsWith('A') || e.Placement.StartsWith('U'))))
            {
                fail("527-531/550", id, $"{e.Placement} {e.Provider}");
            }

            if (UrnExempt.Contains(e.Placement) ? e.Urn is not null : e.Urn is null || !UrnPattern().IsMatch(e.Urn))
            {
                fail("218/222", id, $"{e.Placement} URN {e.Urn}");
            }

            if (e.IsShortBreak || uasc)
            {
                if (e.HomePostcode is not null || e.PlacementPostcode is not null)
                {
                    fail("398/406/420", id, "postcodes for a short break or UASC");
                }
            }
            else if (e.HomePostcode is null || e.PlacementPostcode is null || !PostcodePattern().IsMatch(e.HomePostcode) || !PostcodePattern().IsMatch(e.PlacementPostcode))
            {
                fail("392b/392c", id, $"postcodes {e.HomePostcode} {e.PlacementPostcode}");
            }
            else if ((e.HomePostcode == e.PlacementPostcode) != (e.Placement == "P1"))
            {
                fail("392d", id, "home and placement postcodes");
            }

            if (e.Placement == "P1" && e.LegalStatus == "V2")
            {
                fail("378", id, "P1 under V2");
            }

            if (e.Placement is "A3" or "A5" && e.Rne is not ("S" or "T" or "U"))
            {
                fail("217", id, $"{e.Placement} with RNE {e.Rne}");
            }

            if (e.Placement is "A3" or "A5" && prev is not null && prev.End == e.Start && !(prev.Placement.StartsWith('U') || prev.Placement.StartsWith('A')))
            {
                fail("336", id, "placed with foster carers not from foster care");
            }

            if (e.Rne == "S" && e.Start >= Birthday(18))
            {
                fail("352", id, "starts care at 18");
            }

            if (e.End is null && Birthday(18) < y.End)
            {
                fail("359", id, "looked after past 18");
            }

            switch (e.Rec)
            {
                case "E11" or "E12" when e.End >= Birthday(18) || !e.Placement.StartsWith('A'):
                    fail("386/390", id, "adoption");
                    break;
                case "E45" or "E46" when !e.Placement.StartsWith('U') || e.End >= Birthday(18):
                    fail("407/516", id, "special guardianship");
                    break;
                case "E5" or "E6" when e.End < Birthday(14):
                case "E7" when e.End < Birthday(16):
                case "E17" when e.End < Birthday(18):
                    fail("387/389/460", id, $"{e.Rec} too young");
                    break;
            }

            var days = (e.End ?? y.End).DayNumber - e.Start.DayNumber;
            if ((e.Placement == "T1" && days > 42) || (e.Placement == "T3" && days > 21) || (e.Placement == "T4" && days > 7))
            {
                fail("375/376/379", id, $"{e.Placement} {days} days");
            }

            if (e.IsShortBreak && (days > 17 || e.Rne != "S" || e.Placement is "U1" or "U4" || e.IsTemporary || (e.Rec is not null && e.Rec == "X1")))
            {
                fail("365/366/382/384", id, "short break");
            }

            // Continuity
            if (prev is not null)
            {
                if (prev.End is null || e.Start < prev.End)
                {
                    fail("142/501", id, "overlapping episodes");
                }
                else if (prev.Rec == "X1")
                {
                    if (e.Start != prev.End || e.Rne == "S")
                    {
                        fail("388/433", id, "X1 without a continuation");
                    }

                    var legalChanged = e.LegalStatus != prev.LegalStatus;
                    var same = Fields(e, prev);
                    var ok = e.Rne switch
                    {
                        "L" => legalChanged && same,
                        "P" or "T" => !legalChanged && !same,
                        "B" or "U" => legalChanged && !same,
                        _ => false,
                    };
                    if (!ok)
                    {
                        fail("434/435/436", id, $"RNE {e.Rne} from {prev.LegalStatus}/{prev.Placement} to {e.LegalStatus}/{e.Placement}");
                    }

                    if (e.CategoryOfNeed != prev.CategoryOfNeed)
                    {
                        fail("504", id, "category of need changed within a period of care");
                    }

                    if (prev.ReasonPlaceChange is null && !prev.IsTemporary && !e.IsTemporary && e.Rne is "P" or "B" or "T" or "U")
                    {
                        fail("225", id, "no reason for placement change");
                    }

                    if ((e.IsTemporary || prev.IsTemporary) && prev.ReasonPlaceChange is not null)
                    {
                        fail("226", id, "reason for a change to or from a temporary placement");
                    }

                    if (prev.IsTemporary && (e.Rne != "P" || i < 2 || eps[i - 2].Placement != e.Placement || eps[i - 2].PlacementPostcode != e.PlacementPostcode))
                    {
                        fail("383", id, "not back to the usual placement after a temporary one");
                    }
                }
                else
                {
                    if (e.Rne != "S" || e.Start <= prev.End)
                    {
                        fail("431/432", id, "new period of care");
                    }

                    if (prev.IsTemporary && !prev.IsShortBreak)
                    {
                        fail("381", id, "period of care ends in a temporary placement");
                    }
                }
            }
            else if (e.Start > y.Start && e.Rne != "S")
            {
                fail("357", id, "first episode is not S");
            }

            if (e.Rne == "S" && e.IsTemporary)
            {
                fail("380", id, "period of care starts in a temporary placement");
            }

            if (e.Rec is not null and not "X1" && e.IsTemporary && !e.IsShortBreak)
            {
                fail("381", id, "period of care ends in a temporary placement");
            }

            if (e.Rec == "X1" && next is null)
            {
                fail("388", id, "X1 on the last episode");
            }
        }

        var shortBreakDays = eps.Where(e => e.IsShortBreak).Sum(e => Min(e.End ?? y.End, y.End).DayNumber - Max(e.Start, y.Start).DayNumber);
        if (shortBreakDays > 75)
        {
            fail("367", id, $"{shortBreakDays} days of short breaks");
        }

        if (eps.Count(e => e.Placement == "T3") > 2)
        {
            fail("377", id, "more than two T3 placements");
        }

        if (eps.Any(e => !e.IsShortBreak) && h.Upn.Length == 0)
        {
            fail("442", id, "no UPN");
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The DfE "looked after continuously for 12 months" of the validator (utils.py).</summary>
    public static bool Continuously(FinancialYear y, List<SyntheticCareEpisode> eps) =>
        eps.Any(e => e.Start <= y.End && (e.End is null || e.End >= y.Start))
        && !eps.Any(e => (e.Rne == "S" && e.Start > y.Start && e.Start <= y.End)
            || (e.Rec is not null and not "X1" && e.End >= y.Start && e.End < y.End)
            || (e.IsShortBreak && e.Start <= y.End && (e.End is null || e.End >= y.Start)));

    private static void CheckOutcomes(
        Ssda903Year r, Dictionary<string, List<SyntheticCareEpisode>> episodes, Dictionary<string, Ssda903Year.HeaderRow> header,
        Action<string, string, string> fail, List<string> errors)
    {
        var y = r.Year;
        Unique(r.Oc2.Select(o => o.Child), "INT33", errors);
        Unique(r.Oc3.Select(o => o.Child), "INT34", errors);
        Unique(r.Ad1.Select(o => o.Child), "INT31", errors);
        Unique(r.PreviousPermanence.Select(o => o.Child), "INT35", errors);
        Unique(r.Uasc.Select(o => o.Child), "INT36", errors);
        var oc2 = r.Oc2.ToDictionary(o => o.Child);
        foreach (var (child, eps) in episodes)
        {
            if (Continuously(y, eps) != oc2.ContainsKey(child))
            {
                fail("190/191", child, $"continuously looked after {Continuously(y, eps)} but OC2 row {oc2.ContainsKey(child)}");
            }
        }

        foreach (var o in r.Oc2)
        {
            var dob = o.BirthDate;
            var four = dob.AddYears(4);
            var seventeen = dob.AddYears(17);
            var has = o.SdqScore is not null || o.SdqReason is not null;
            if (o.SdqScore is not null && o.SdqReason is not null)
            {
                fail("197a", o.Child, "score and reason");
            }

            if ((four > y.End || seventeen < y.Start) && has)
            {
                fail("188/189", o.Child, "SDQ outside 4 to 16");
            }

            if (four <= y.Start && seventeen > y.End && !has)
            {
                fail("186", o.Child, "no SDQ");
            }

            if (((four >= y.Start && four <= y.End) || (seventeen >= y.Start && seventeen <= y.End)) && !has)
            {
                fail("197B", o.Child, "no SDQ in the year of the 4th or 17th birthday");
            }

            if (four <= y.Start && dob.AddYears(16) >= y.End && o.SdqReason == "SDQ1")
            {
                fail("157", o.Child, "SDQ1 for a child of 4 to 16");
            }

            if (o.SdqScore is < 0 or > 40 || (o.SdqReason is not null && o.SdqReason is not ("SDQ1" or "SDQ2" or "SDQ3" or "SDQ4" or "SDQ5")))
            {
                fail("180/196", o.Child, "SDQ value");
            }

            if ((o.Convicted is null) != (dob.AddYears(10) > y.End))
            {
                fail("542/543", o.Child, "conviction by age");
            }

            if ((o.HealthCheck is null) != (dob.AddYears(5) <= y.End))
            {
                fail("545/546", o.Child, "health check by age");
            }

            if (o.SubstanceMisuse != (o.InterventionReceived is not null) || (o.InterventionReceived == false) != (o.InterventionOffered is not null))
            {
                fail("158/159/192/193", o.Child, "intervention items");
            }
        }

        foreach (var o in r.Oc3)
        {
            var dob = o.BirthDate;
            if (!new[] { "YES", "NO", "DIED", "REFU", "NREQ", "RHOM" }.Contains(o.InTouch) || !Activity.Contains(o.Activity) || !Accommodation.Contains(o.Accommodation))
            {
                fail("131-133", o.Child, $"{o.InTouch} {o.Activity} {o.Accommodation}");
            }

            if ((o.InTouch is "DIED" or "RHOM" && (o.Activity != "0" || o.Accommodation != "0")) || (o.InTouch == "YES" && (o.Activity == "0" || o.Accommodation == "0")))
            {
                fail("344/345", o.Child, "activity and accommodation against in touch");
            }

            if (dob.AddYears(17) > y.End || dob.AddYears(22) <= y.Start)
            {
                fail("391", o.Child, "not 17 to 21");
            }

            if (o.Accommodation.StartsWith('Z') && dob.AddYears(17) >= y.Start && dob.AddYears(17) <= y.End)
            {
                fail("3001", o.Child, "former foster carers at 17");
            }

            if (o.Accommodation.StartsWith('T') && dob.AddYears(18) > y.Start)
            {
                fail("347", o.Child, "foyer under 18");
            }

            if (oc2.ContainsKey(o.Child) || r.Ad1.Any(a => a.Child == o.Child) || r.Uasc.Any(u => u.Child == o.Child))
            {
                fail("187/215/1014", o.Child, "care leaver also in OC2, AD1 or UASC");
            }

            if (episodes.TryGetValue(o.Child, out var eps))
            {
                var age = y.End.Year - dob.Year - (dob.AddYears(y.End.Year - dob.Year) > y.End ? 1 : 0);
                var birthday = dob.AddYears(age);
                if ((age is 17 or 18 && eps.Any(e => e.End is null || e.End >= birthday)) || eps.Any(e => e.Rec is "E2" or "E3"))
                {
                    fail("1007/1016/1000/1011", o.Child, "care leaver record while still looked after on the birthday");
                }
            }
        }

        foreach (var (child, eps) in episodes)
        {
            if (eps.Any(e => e.Rne == "S" && y.Contains(e.Start)) != r.PreviousPermanence.Any(p => p.Child == child))
            {
                fail("630", child, "previous permanence");
            }
        }

        foreach (var m in r.Missing)
        {
            var eps = episodes[m.Child];
            if (m.Kind is not ("M" or "A") || m.End < m.Start || !y.Contains(m.Start) || !y.Contains(m.End)
                || !eps.Any(e => !e.IsShortBreak && e.Start <= m.Start && (e.End is null || e.End > m.End)))
            {
                fail("1006/567/570/571/575-581", m.Child, $"missing {m.Start}-{m.End}");
            }
        }

        foreach (var g in r.Missing.GroupBy(m => m.Child))
        {
            var list = g.OrderBy(m => m.Start).ToList();
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].Start <= list[i - 1].End)
                {
                    fail("574", g.Key, "overlapping missing episodes");
                }
            }
        }

        foreach (var review in r.Reviews)
        {
            var under4 = review.BirthDate.AddYears(4) > review.Date;
            if ((review.Participation == "PN0") != under4 || !review.Participation.StartsWith("PN", StringComparison.Ordinal) || !y.Contains(review.Date))
            {
                fail("167/440/441", review.Child, $"{review.Participation} at {review.Date}");
            }

            if (episodes[review.Child].All(e => e.IsShortBreak))
            {
                fail("399", review.Child, "review for a short-break child");
            }
        }
    }

    private static void CheckAdoption(Ssda903Year r, Dictionary<string, List<SyntheticCareEpisode>> episodes, Action<string, string, string> fail)
    {
        var y = r.Year;
        foreach (var (child, eps) in episodes)
        {
            var adopted = eps.Any(e => e.Rec is "E11" or "E12" && e.End is { } d && y.Contains(d));
            var ad1 = r.Ad1.SingleOrDefault(a => a.Child == child);
            if (adopted != (ad1 is not null))
            {
                fail("601/602", child, "AD1 against adoptions");
            }

            var decisions = r.PlacedAdoption.Where(p => p.Child == child).ToList();
            if (eps.Any(e => e.Placement.StartsWith('A') || e.LegalStatus == "E1") && decisions.Count == 0)
            {
                fail("551/553", child, "placed for adoption or placement order without a decision");
            }

            if (decisions.Count(d => d.Ceased is null) > 1)
            {
                fail("583", child, "two open decisions");
            }

            foreach (var d in decisions)
            {
                // The period of care the decision belongs to starts before the year when its S episode is not here.
                var periodStart = eps.LastOrDefault(e => e.Rne == "S" && e.Start <= d.Decided)?.Start
                    ?? (eps[0].Rne == "S" ? eps[0].Start : DateOnly.MinValue);
                var firstE1 = eps.FirstOrDefault(e => e.LegalStatus == "E1" && e.Start >= periodStart);
                var placed = eps.FirstOrDefault(e => e.Placement.StartsWith('A') && e.Start >= periodStart);
                var last = eps.Last(e => e.Rec is not "X1");
                if (d.Decided < periodStart || (firstE1 is not null && d.Decided > firstE1.Start) || (placed is not null && d.Decided > placed.Start)
                    || d.Decided > y.End || (last.End is { } left && last.Rec is not null && d.Decided > left))
                {
                    fail("1003/334/554/552/117", child, $"decision {d.Decided} period {periodStart} E1 {firstE1?.Start} placed {placed?.Start} left {last.End}");
                }

                if ((d.Ceased is null) != (d.Reason is null) || (d.Ceased is { } c && (c < y.Start || c > y.End || c < d.Decided))
                    || (d.Reason is not null && d.Reason is not ("RD1" or "RD2" or "RD3" or "RD4")))
                {
                    fail("118/119/120/522", child, $"reversal {d.Ceased} {d.Reason}");
                }

                if (d.Ceased is null && eps[^1].End is not null && eps[^1].Rec is not ("E11" or "E12" or "X1"))
                {
                    fail("557", child, "left care with an open decision, not adopted");
                }

                if (ad1 is not null && (d.Ceased is not null || d.Decided != ad1.Adoption.DecisionDate))
                {
                    fail("523/525/558", child, "decision against adoption");
                }
            }

            if (ad1 is not null)
            {
                var a = ad1.Adoption;
                var last = eps.Last(e => e.Rec is "E11" or "E12");
                var aPlacement = eps.LastOrDefault(e => e.Placement.StartsWith('A') && e.Rne != "L")?.Start ?? eps[0].Start;
                if (a.DecisionDate > a.Matched || a.Matched > aPlacement || last.End == a.Matched || a.DecisionDate > aPlacement)
                {
                    fail("333/331/582/521", child, "adoption dates");
                }

                if (a.ByFosterCarers != (last.Placement is "A3" or "A5"))
                {
                    fail("335", child, "FOSTER_CARE against placement");
                }

                var ok = a.AdopterLegalStatus switch
                {
                    "L0" => a.AdopterCount == 1 && a.AdopterSexes is "M1" or "F1",
                    "L11" or "L3" => a.AdopterCount == 2 && a.AdopterSexes == "MF",
                    "L12" or "L2" or "L4" => a.AdopterCount == 2 && a.AdopterSexes is "MM" or "FF",
                    _ => false,
                };
                if (!ok)
                {
                    fail("511-524", child, $"{a.AdopterCount} {a.AdopterSexes} {a.AdopterLegalStatus}");
                }
            }
        }
    }

    private static void CheckSocialWorkers(Ssda903Year r, Dictionary<string, List<SyntheticCareEpisode>> episodes, Action<string, string, string> fail)
    {
        var y = r.Year;
        if (y < Ssda903Year.FirstSocialWorkerYear)
        {
            if (r.SocialWorkers.Count > 0)
            {
                fail("SW", "-", "social worker episodes before 2023-24");
            }

            return;
        }

        foreach (var (child, eps) in episodes)
        {
            if (eps.Any(e => !e.IsShortBreak && e.End is null) && !r.SocialWorkers.Any(w => w.Child == child))
            {
                fail("SW01", child, "looked after at 31 March without a social worker episode");
            }
        }

        foreach (var g in r.SocialWorkers.GroupBy(w => w.Child))
        {
            var list = g.OrderBy(w => w.Start).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var w = list[i];
                if (!w.WorkerId.StartsWith("SW", StringComparison.Ordinal) || !SwReasons.Contains(w.Reason) || w.Start > y.End
                    || (w.End is { } end && (end <= w.Start || end > y.End || end < y.Start.AddYears(-1))))
                {
                    fail("SW02/SW06/SW07/SW09/SW13", g.Key, $"{w.WorkerId} {w.Start}-{w.End} {w.Reason}");
                }

                if (i > 0 && (list[i - 1].End is not { } before || (w.Reason != "FCONTA" && w.Start < before.AddDays(-7)) || w.Start < before))
                {
                    fail("SW08/SW10", g.Key, $"{w.Start} after {list[i - 1].Start}-{list[i - 1].End}");
                }

                if (i == list.Count - 1 && w.End is { } last && last >= y.End.AddDays(-5))
                {
                    fail("SW11b", g.Key, $"ends {last} without a successor");
                }
            }
        }
    }
}
