using Outturn.Domain.ChildLevel;
using Outturn.Domain.Periods;
using Outturn.Formats.Xlsx;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes the Ofsted Annex A (ILACS) workbook of a financial year: sheets "List 1" to "List 11" with the header rows
/// of the Annex A template (as in the liia-tools sample workbook), one row per contact, referral, assessment,
/// enquiry, episode, plan, child looked after, care leaver, adoption and adopter. Dates are Excel dates shown
/// dd/mm/yyyy; coded values are written as the template lists them ("a) Male", "N1 - Abuse or Neglect").
/// </summary>
/// <remarks>
/// <para>Every list covers the year from 1 April to 31 March: events in the year (lists 1 to 5), cases open at any time
/// in it (lists 6 to 8), care leavers followed up in it (list 9), adoption decisions open in it (list 10) and the
/// adopters of those children (list 11). Ages are in whole years at 31 March; dates after 31 March are left blank.</para>
/// <para>Items the synthetic LA does not record (the date a child was last seen or visited) are derived from the
/// child's ID, so the workbook is still the same for the same LA.</para>
/// </remarks>
public static class AnnexAWriter
{
    /// <summary>The sheets and their header rows, exactly as the Annex A template has them.</summary>
    public static IReadOnlyList<(string Sheet, string[] Headers)> Lists { get; } =
    [
        ("List 1", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"]),
        ("List 2", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Assessment start date", "Assessment completion date", "Organisation completing assessment"]),
        ("List 3", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"]),
        ("List 4", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"]),
        ("List 5", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date", "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference", "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker"]),
        ("List 6", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"]),
        ("List 7", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference", "Child Protection Plan End Date", "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"]),
        ("List 8", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))", "Does the Child have a Disability", "Date Started to be Looked After", "Child's Category of Need", "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit", "What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check", "Number of Placements in the Last 12 months", "Date Ceased to be Looked After", "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type", "Placement Provider", "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement", "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months", "Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months", "Was the child offered a Return Interview after their last missing episode (Y/N)?", "Did the child accept a Return Interview after their last missing episode (Y/N)?", "Allocated Team", "Allocated Worker"]),
        ("List 9", ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability", "Allocated Team", "Allocated Worker", "Eligibility Category", "LA in Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"]),
        ("List 10", ["Child Unique ID", "Family identifier", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order", "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order ", "Date of Decision that Child Should No Longer be Placed for Adoption", "Reason Why Child No Longer Placed for Adoption", "Date the child was placed for fostering in FFA or concurrent planning placement"]),
        ("List 11", ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability", "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted", "Date application approved", "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)", "No. of children placed", "Date of Adoption Order", "Date of leaving adoption process", "Reason for leaving adoption process"]),
    ];

    /// <summary>Writes the workbook of <paramref name="year"/> to a stream, the same byte for byte for the same LA.</summary>
    /// <remarks>Streamed through <see cref="XlsxTableWriter"/>: fixed part names and relationship IDs and every zip entry
    /// dated 31 March of the year, so the bytes never depend on when the workbook was written.</remarks>
    public static void Write(SyntheticLa la, FinancialYear year, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lists = Build(la, year);
        var header = new CellLook(Bold: true, Wrap: true);
        var date = new CellLook(NumberFormat: "dd/mm/yyyy");
        XlsxTableWriter.Write(stream, [.. Lists.Select(l => new XlsxTable(l.Sheet, l.Headers, lists[l.Sheet], 18, header, date))], year.End);
    }

    /// <summary>
    /// The rows of every list, by sheet name: each cell a <see cref="string"/>, an <see cref="int"/>, a
    /// <see cref="DateOnly"/> or null (blank).
    /// </summary>
    public static IReadOnlyDictionary<string, List<object?[]>> Build(SyntheticLa la, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(la);
        var lists = Lists.ToDictionary(l => l.Sheet, _ => new List<object?[]>());
        var workers = la.Workers.ToDictionary(w => w.Id);
        var leaversTeam = la.Teams.First(t => t.Kind == TeamKind.CareLeavers).Name;
        var leaverWorkers = la.Workers.Where(w => w.Team == leaversTeam).ToList();
        var end = year.End;
        var inTen = new HashSet<string>();
        foreach (var child in la.Children)
        {
            object?[] Person() => [child.Id, Gender(child.Sex), Ethnicity(child.Ethnicity), child.BirthDate, child.AgeOn(end)];
            (string? Team, string? Worker) HeldBy(SyntheticCinEpisode episode, DateOnly on)
            {
                var at = episode.ClosureDate is { } closed && closed < on ? closed : on;
                var allocation = episode.Allocations.LastOrDefault(a => a.From <= at) ?? episode.Allocations.FirstOrDefault();
                return allocation is null ? (null, null) : (allocation.Team, workers[allocation.WorkerId].Name);
            }

            var disabled = child.IsDisabled ? "a) Yes" : "b) No";
            foreach (var contact in child.Contacts.Where(c => year.Contains(c.Date)))
            {
                lists["List 1"].Add([.. Person(), contact.Date, Source(contact.Source)]);
            }

            foreach (var help in child.EarlyHelp.Where(h => Dated.IsOpenDuring(h.Start, h.Completed, year.Start, end)))
            {
                lists["List 2"].Add([.. Person(), help.Start, Known(help.Completed, end), help.Organisation]);
            }

            foreach (var episode in child.CinEpisodes)
            {
                if (year.Contains(episode.ReferralDate))
                {
                    var (team, worker) = HeldBy(episode, end);
                    var recent = child.CinEpisodes.Count(e => e.ReferralDate <= episode.ReferralDate && e.ReferralDate > episode.ReferralDate.AddYears(-1));
                    lists["List 3"].Add([.. Person(), episode.ReferralDate, Source(episode.ReferralSource), episode.ReferralNfa ? "Yes" : "No", recent, team, worker]);
                }

                foreach (var assessment in episode.Assessments.Where(a => year.Contains(a.Start) || (a.Authorised is { } d && year.Contains(d))))
                {
                    var (team, worker) = HeldBy(episode, assessment.Start);
                    var done = assessment.Authorised <= end;
                    lists["List 4"].Add([.. Person(), disabled, assessment.Start, assessment.ChildSeen ? "Yes" : "No",
                        done ? assessment.Authorised : null, done ? (assessment.InNeed ? "Yes" : "No") : null, team, worker]);
                }

                foreach (var enquiry in episode.Section47s.Where(s => year.Contains(s.Start)))
                {
                    var (team, worker) = HeldBy(episode, enquiry.Start);
                    var all = child.CinEpisodes.SelectMany(e => e.Section47s).ToList();
                    var held = enquiry.ConferenceDate <= end;
                    var notNeeded = enquiry.ConcludedWithoutConference <= end;
                    lists["List 5"].Add([.. Person(), disabled, enquiry.Start, notNeeded ? "Yes" : held ? "No" : null,
                        held ? enquiry.ConferenceDate : null, held ? (enquiry.ResultedInPlan ? "Yes" : "No") : null,
                        all.Count(s => s.Start <= enquiry.Start && s.Start > enquiry.Start.AddYears(-1)),
                        all.Count(s => s.ConferenceDate is { } c && c <= enquiry.Start && c > enquiry.Start.AddYears(-1)), team, worker]);
                }

                if (!episode.ReferralNfa && Dated.IsOpenDuring(episode.ReferralDate, episode.ClosureDate, year.Start, end))
                {
                    var (team, worker) = HeldBy(episode, end);
                    var closed = episode.ClosureDate <= end;
                    var asAt = closed ? episode.ClosureDate!.Value : end;
                    var seen = Max(episode.ReferralDate, asAt.AddDays(-Stable(child.Id, 1, 35)));
                    lists["List 6"].Add([.. Person(), disabled, episode.ReferralDate, Need(episode.PrimaryNeed), seen,
                        closed ? episode.ClosureDate : null, closed ? Closure(episode.ClosureReason) : null, Status(child, episode, asAt, closed), team, worker]);
                }

                foreach (var plan in episode.ProtectionPlans.Where(p => Dated.IsOpenDuring(p.Start, p.End, year.Start, end)))
                {
                    var (team, worker) = HeldBy(episode, end);
                    var ended = plan.End <= end;
                    var asAt = ended ? plan.End!.Value : end;
                    lists["List 7"].Add([.. Person(), disabled, plan.Start, Abuse(plan.InitialCategory), Abuse(plan.LatestCategory),
                        Max(plan.Start, asAt.AddDays(-Stable(child.Id, 2, 10))), Stable(child.Id, 3, 10) < 8 ? "a) Yes" : "b) No",
                        plan.Reviews.Where(r => r <= end).Select(r => (DateOnly?)r).LastOrDefault(), ended ? plan.End : null,
                        "b) No", plan.PreviousPlans, team, worker]);
                }
            }

            LookedAfter(child, year, lists["List 8"], Person, disabled, la.Settings.Authority, HeldBy);
            foreach (var leaver in child.CareLeaving.Where(c => c.Year == year))
            {
                var pa = leaverWorkers[Stable(child.Id, 4, leaverWorkers.Count)];
                lists["List 9"].Add([.. Person(), disabled, leaversTeam, pa.Name, leaver.Age <= 17 ? "a) Relevant child" : "b) Former relevant child",
                    InTouch(leaver.InTouch), Accommodation(leaver.Accommodation), Suitability(leaver.Accommodation), Activity(leaver.Activity)]);
            }

            if (Adoption(child, year, lists["List 10"], disabled))
            {
                inTen.Add(child.Adoption?.FamilyId ?? "");
            }
        }

        foreach (var family in la.Adopters.Where(f => inTen.Contains(f.Id)))
        {
            foreach (var adopter in family.Adopters)
            {
                lists["List 11"].Add([adopter.Id, family.Id, Gender(adopter.Sex), Ethnicity(adopter.Ethnicity), adopter.Disabled ? "a) Yes" : "b) No",
                    family.FosteringForAdoption ? "Yes" : "No", Known(family.EnquiryReceived, end), Known(family.Stage1Started, end),
                    Known(family.Stage1Ended, end), Known(family.Stage2Started, end), Known(family.Stage2Ended, end),
                    Known(family.ApplicationSubmitted, end), Known(family.Approved, end), Known(family.Matched, end), Known(family.Placed, end),
                    family.Placed <= end ? 1 : null, Known(family.AdoptionOrder, end), null, null]);
            }
        }

        return lists;
    }

    private static void LookedAfter(
        SyntheticChild child, FinancialYear year, List<object?[]> rows, Func<object?[]> person, string disabled, DemoAuthority authority,
        Func<SyntheticCinEpisode, DateOnly, (string? Team, string? Worker)> heldBy)
    {
        var end = year.End;
        var episodes = child.CareEpisodes.Where(e => !e.IsShortBreak).ToList();
        var inYear = episodes.Where(e => Dated.IsOpenDuring(e.Start, e.End, year.Start, end)).ToList();
        if (inYear.Count == 0)
        {
            return;
        }

        // The latest period of care in the year, as known at 31 March.
        var last = inYear[^1];
        var periodStart = episodes.Last(e => e.Rne == "S" && e.Start <= last.Start);
        var period = episodes.Where(e => e.Start >= periodStart.Start && e.Start <= end).ToList();
        var current = period[^1];
        var ceased = current.EndsCare && current.End <= end ? current.End : null;
        var asAt = ceased ?? end;
        var earlier = episodes.Where(e => e.Start < periodStart.Start && e.EndsCare).ToList();
        var again = earlier.Any(e => e.End > periodStart.Start.AddYears(-1));
        var legalSince = period.Last(e => e.LegalStatus == current.LegalStatus && !period.Any(o => o.Start > e.Start && o.LegalStatus != current.LegalStatus)).Start;
        var review = child.Reviews.LastOrDefault(r => r.Date >= periodStart.Start && r.Date <= asAt);
        var health = child.Health.FirstOrDefault(h => h.Year == year);
        var placements = AsReturned(child).PlacementsBetween(end.AddYears(-1).AddDays(1), end);
        var moved = period.Last(e => e.Rne is "S" or "P" or "B" or "T" or "U").Start;
        var missing = child.Missing.Where(m => year.Contains(m.Start)).ToList();
        var lastMissing = missing.LastOrDefault(m => m.Kind == "M");
        var episode = child.CinEpisodes.LastOrDefault(e => e.ReferralDate <= asAt);
        var (team, worker) = episode is null ? (null, null) : heldBy(episode, asAt);
        var inside = current.PlacementPostcode is { } postcode ? District(postcode, authority) <= 19 : (bool?)null;
        rows.Add([.. person(), child.IsUasc ? "a) Yes" : "b) No", disabled, periodStart.Start, Need(current.CategoryOfNeed), again ? "a) Yes" : "b) No",
            legalSince, Legal(current.LegalStatus), review?.Date, Max(periodStart.Start, asAt.AddDays(-Stable(child.Id, 5, 42))), null, review?.Date,
            health?.LastHealthAssessment, health?.LastDentalCheck, placements, ceased, ceased is null ? null : current.Rec, moved,
            Placement(current.Placement), Provider(current.Provider), current.PlacementPostcode, current.Urn,
            inside switch { true => "a) Inside LA boundary", false => "b) Outside LA boundary", null => null },
            inside switch { true => authority.Name, false => "Other LA", null => null },
            missing.Count(m => m.Kind == "M"), missing.Count(m => m.Kind == "A"),
            lastMissing is null ? null : lastMissing.ReturnInterviewOffered ? "a) Yes" : "b) No",
            lastMissing is null ? null : lastMissing.ReturnInterviewAccepted ? "a) Yes" : "b) No", team, worker]);
    }

    /// <summary>
    /// The child as the SSDA903 records them, so list 8's "Number of Placements in the Last 12 months" is counted by the
    /// rule of the placements-3plus indicator (<see cref="LookedAfterChild.PlacementsBetween"/>) for the 12 months to the
    /// extract date: every period of care in them, not only the latest. The sex is as the returns write it from
    /// 2024-25; the count does not read it.
    /// </summary>
    private static LookedAfterChild AsReturned(SyntheticChild child) =>
        new(child.Id, child.Sex == ChildSex.Male ? "M" : "F", child.BirthDate, [.. child.CareEpisodes.Select(e => e.ToCareEpisode())]);

    private static bool Adoption(SyntheticChild child, FinancialYear year, List<object?[]> rows, string disabled)
    {
        var end = year.End;
        var adopted = child.CareEpisodes.LastOrDefault(e => e.Rec is "E11" or "E12")?.End;
        var decisions = child.AdoptionDecisions.Where(d => Dated.IsOpenDuring(d.Decided, d.Reversed, year.Start, end)
            && (adopted is null || adopted >= year.Start)).ToList();
        foreach (var decision in decisions)
        {
            var adoption = child.Adoption;
            var entered = child.CareEpisodes.Last(e => e.Rne == "S" && !e.IsShortBreak && e.Start <= decision.Decided).Start;
            var order = child.CareEpisodes.FirstOrDefault(e => e.LegalStatus == "E1" && e.Start >= decision.Decided)?.Start;
            var reversed = decision.Reversed <= end;
            rows.Add([child.Id, adoption?.FamilyId, Gender(child.Sex), Ethnicity(child.Ethnicity), child.BirthDate, child.AgeOn(end), disabled,
                entered, decision.Decided, Known(order, end), reversed ? null : Known(adoption?.Matched, end), reversed ? null : Known(adoption?.Placed, end),
                Known(adopted, end), reversed ? decision.Reversed : null, reversed ? decision.ReversalReason : null, null]);
        }

        return decisions.Count > 0 && child.Adoption is not null;
    }

    private static DateOnly? Known(DateOnly? date, DateOnly end) => date <= end ? date : null;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A number from 0 to <paramref name="range"/> - 1 derived from the child's ID, the same every time.</summary>
    private static int Stable(string id, int salt, int range)
    {
        var hash = salt;
        foreach (var c in id)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)(unchecked((uint)hash) % (uint)Math.Max(1, range)); // the hash as unsigned: its bits, not its sign
    }

    private static int District(string postcode, DemoAuthority authority) =>
        int.TryParse(postcode.AsSpan(authority.PostcodeArea.Length, postcode.IndexOf(' ', StringComparison.Ordinal) - authority.PostcodeArea.Length),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var district) ? district : 99;

    private static string Gender(ChildSex sex) => sex == ChildSex.Male ? "a) Male" : "b) Female";

    private static readonly string[] EthnicityOrder =
        ["WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "NOBT", "REFU"];

    private static string Ethnicity(string code) => $"{Letter(Array.IndexOf(EthnicityOrder, code))}) {code}";

    private static readonly string[] SourceOrder = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "6", "7", "8", "9", "10"];

    private static string Source(string code)
    {
        var label = code[0] switch
        {
            '1' when code.Length == 2 && code != "10" => "Individual",
            '2' => code == "2A" ? "Schools" : "Education services",
            '3' => "Health services",
            '4' => "Housing",
            '5' => "LA services",
            '6' => "Police",
            '7' => "Other legal agency",
            '8' => "Other",
            '9' => "Anonymous",
            _ => "Unknown",
        };
        return $"{Letter(Array.IndexOf(SourceOrder, code))}) {code}: {label}";
    }

    private static char Letter(int index) => (char)('a' + Math.Max(0, index));

    private static string? Need(string? code) => code switch
    {
        "N1" => "N1 - Abuse or Neglect",
        "N2" => "N2 - Child's disability",
        "N3" => "N3 - Parental disability or illness",
        "N4" => "N4 - Family in acute stress",
        "N5" => "N5 - Family dysfunction",
        "N6" => "N6 - Socially unacceptable behaviour",
        "N7" => "N7 - Low income",
        "N8" => "N8 - Absent parenting",
        "N9" => "N9 - Cases other than children in need",
        _ => code,
    };

    private static string? Closure(string? code) => code switch
    {
        "RC1" => "RC1 - Adopted",
        "RC2" => "RC2 - Died",
        "RC3" => "RC3 - Child arrangements order",
        "RC4" => "RC4 - Special guardianship order",
        "RC5" => "RC5 - Transferred to services of another local authority",
        "RC6" => "RC6 - Transferred to adult social care services",
        "RC7" => "RC7 - Services ceased for any other reason",
        "RC8" => "RC8 - Case closed after assessment, no further action",
        "RC9" => "RC9 - Case closed after assessment, referred to early help",
        _ => code,
    };

    private static string Status(SyntheticChild child, SyntheticCinEpisode episode, DateOnly on, bool closed)
    {
        if (closed)
        {
            return "f) Case closed";
        }

        if (child.CareEpisodes.Any(e => !e.IsShortBreak && e.IsOpenOn(on)))
        {
            return "e) Looked after child";
        }

        if (episode.ProtectionPlans.Any(p => Dated.IsOpenOn(p.Start, p.End, on)))
        {
            return "d) Child protection plan";
        }

        if (episode.CinPlans.Any(p => Dated.IsOpenOn(p.Start, p.End, on)))
        {
            return "c) Child in need plan";
        }

        return episode.Assessments.Any(a => Dated.IsOpenOn(a.Start, a.Authorised, on)) ? "a) Open assessment" : "b) Other child in need";
    }

    private static string Abuse(string code) => code switch
    {
        "NEG" => "Neglect",
        "EMO" => "Emotional abuse",
        "PHY" => "Physical abuse",
        "SAB" => "Sexual abuse",
        _ => "Multiple/not recommended",
    };

    private static string Legal(string code) => code switch
    {
        "C1" => "C1: Interim care order",
        "C2" => "C2: Full care order",
        "E1" => "E1: Placement order",
        "V2" => "V2: Single period of accommodation under section 20",
        "V3" => "V3: Accommodated under an agreed series of short-term breaks",
        _ => code,
    };

    private static readonly string[] PlacementOrder =
        ["U1", "U2", "U3", "U4", "U5", "U6", "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4"];

    private static string Placement(string code)
    {
        var label = code switch
        {
            "U1" => "Foster placement - relatives - long term",
            "U2" => "Foster placement - relatives - FFA",
            "U3" => "Foster placement - relatives - not FFA",
            "U4" => "Foster placement - long term",
            "U5" => "Foster placement - FFA",
            "U6" => "Foster placement - not FFA",
            "A3" => "Placed for adoption with placement order with current foster carer(s)",
            "A4" => "Placed for adoption with placement order not with current foster carer(s)",
            "K1" => "Secure children's home",
            "K2" => "Children's home",
            "P1" => "Placed with own parent(s)",
            "S1" => "Residential school",
            "T1" => "Temporary placement - hospital",
            "T3" => "Temporary placement - holiday of usual foster carer(s)",
            "T4" => "Temporary placement - seven days or less",
            _ => "Other placement",
        };
        var index = Array.IndexOf(PlacementOrder, code);
        return index < 0 ? $"{code}: {label}" : $"{Letter(index)}) {code}: {label}";
    }

    private static string? Provider(string? code) => code switch
    {
        "PR0" => "a) PR0 - Parent(s) or other person(s) with parental responsibility",
        "PR1" => "b) PR1 - Own provision",
        "PR2" => "c) PR2 - Other LA provision",
        "PR3" => "d) PR3 - Other public provision",
        "PR4" => "e) PR4 - Private provision",
        "PR5" => "f) PR5 - Voluntary/third sector provision",
        _ => null,
    };

    private static string InTouch(string code) => code switch
    {
        "YES" => "a) Yes",
        "NO" => "b) No",
        "REFU" => "c) Young person refuses contact",
        "NREQ" => "d) Young person no longer requires services",
        "RHOM" => "e) Returned home",
        _ => "f) Died",
    };

    private static string? Accommodation(string code) => code.Length < 2 ? null : code[0] switch
    {
        'B' => "B: With parents or relatives",
        'C' => "C: Community home",
        'D' => "D: Semi-independent, transitional accommodation",
        'E' => "E: Supported lodgings",
        'K' => "K: Ordinary lodgings",
        'S' => "S: No fixed abode / homeless",
        'T' => "T: Foyers",
        'U' => "U: Independent living",
        'V' => "V: Emergency accommodation",
        'W' => "W: Bed and breakfast",
        'X' => "X: In custody",
        'Z' => "Z: With former foster carers",
        _ => "Y: Other accommodation",
    };

    private static string? Suitability(string code) => code.Length < 2 ? null : code[1] == '1' ? "a) Suitable" : "b) Unsuitable";

    private static string? Activity(string code) => code switch
    {
        "F1" => "F1: Full time in higher education",
        "P1" => "P1: Part time in higher education",
        "F2" => "F2: Full time in education other than higher",
        "P2" => "P2: Part time in education other than higher",
        "F4" => "F4: Full time in training or employment",
        "P4" => "P4: Part time in training or employment",
        "F5" => "F5: Full time in an apprenticeship",
        "P5" => "P5: Part time in an apprenticeship",
        "G4" => "G4: Not in education, training or employment owing to illness or disability",
        "G5" => "G5: Not in education, training or employment owing to other reasons",
        "G6" => "G6: Not in education, training or employment owing to pregnancy or parenting",
        _ => null,
    };
}
