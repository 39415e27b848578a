using System.Globalization;
using System.Text;
using Outturn.Domain.Periods;
using Outturn.Formats;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes a year's SSDA903 return as the DfE CSV tables, one file per table, with the exact column names of the
/// specification (as the DfE 903 validator recognises them) and dates as dd/mm/yyyy.
/// </summary>
/// <remarks>
/// <para>SEX is written 1 (male) / 2 (female) before 2024-25 and M / F from 2024-25, when the return changed from
/// gender to sex. Yes/no items are 0 / 1. The social worker table is written from 2023-24, when it was introduced.
/// Files are UTF-8 without a byte order mark, lines end with LF, and no value needs quoting.</para>
/// </remarks>
public static class Ssda903Writer
{
    /// <summary>The first year reporting SEX as M/F rather than 1/2.</summary>
    public static readonly FinancialYear FirstSexYear = new(2024);

    /// <summary>Each table's file name and columns, in the order they are written.</summary>
    public static IReadOnlyList<(string File, string[] Columns)> Tables { get; } =
    [
        ("header.csv", ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]),
        ("episodes.csv", ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]),
        ("reviews.csv", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]),
        ("uasc.csv", ["CHILD", "SEX", "DOB", "DUC"]),
        ("oc2.csv", ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]),
        ("oc3.csv", ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]),
        ("ad1.csv", ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]),
        ("placed_for_adoption.csv", ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]),
        ("previous_permanence.csv", ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]),
        ("missing.csv", ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]),
        ("sw_episodes.csv", ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]),
    ];

    /// <summary>Writes every table of the return into <paramref name="directory"/>, which must exist.</summary>
    public static void Write(Ssda903Year year, string directory)
    {
        foreach (var (file, text) in Render(year))
        {
            AtomicFile.Write(Path.Combine(directory, file), s => s.Write(new UTF8Encoding(false).GetBytes(text)));
        }
    }

    /// <summary>The file name and CSV text of each table (the social worker table only from 2023-24).</summary>
    public static IReadOnlyList<(string File, string Text)> Render(Ssda903Year year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var sex = (ChildSex s) => year.Year >= FirstSexYear ? (s == ChildSex.Male ? "M" : "F") : (s == ChildSex.Male ? "1" : "2");
        var rows = new Dictionary<string, IEnumerable<string?[]>>
        {
            ["header.csv"] = year.Header.Select(h => new[] { h.Child, sex(h.Sex), Date(h.BirthDate), h.Ethnicity, h.Upn, h.Mother, null }),
            ["episodes.csv"] = year.Episodes.Select(r => r.Episode is var e
                ? new[] { r.Child, Date(e.Start), e.Rne, e.LegalStatus, e.CategoryOfNeed, e.Placement, e.Provider, Date(e.End), e.Rec, e.ReasonPlaceChange, e.HomePostcode, e.PlacementPostcode, e.Urn }
                : []),
            ["reviews.csv"] = year.Reviews.Select(r => new[] { r.Child, Date(r.BirthDate), Date(r.Date), r.Participation }),
            ["uasc.csv"] = year.Uasc.Select(u => new[] { u.Child, sex(u.Sex), Date(u.BirthDate), Date(u.Ceased) }),
            ["oc2.csv"] = year.Oc2.Select(o => new[]
            {
                o.Child, Date(o.BirthDate), o.SdqScore?.ToString(CultureInfo.InvariantCulture), o.SdqReason, Flag(o.Convicted), Flag(o.HealthCheck),
                Flag(o.Immunisations), Flag(o.TeethCheck), Flag(o.HealthAssessment), Flag(o.SubstanceMisuse), Flag(o.InterventionReceived),
                Flag(o.InterventionOffered),
            }),
            ["oc3.csv"] = year.Oc3.Select(o => new[] { o.Child, Date(o.BirthDate), o.InTouch, o.Activity, o.Accommodation }),
            ["ad1.csv"] = year.Ad1.Select(a => new[]
            {
                a.Child, Date(a.BirthDate), Date(a.Adoption.DecisionDate), Date(a.Adoption.Matched), Flag(a.Adoption.ByFosterCarers),
                a.Adoption.AdopterCount.ToString(CultureInfo.InvariantCulture), a.Adoption.AdopterSexes, a.Adoption.AdopterLegalStatus,
            }),
            ["placed_for_adoption.csv"] = year.PlacedAdoption.Select(p => new[] { p.Child, Date(p.BirthDate), Date(p.Decided), Date(p.Ceased), p.Reason }),
            ["previous_permanence.csv"] = year.PreviousPermanence.Select(p => new[] { p.Child, Date(p.BirthDate), p.PreviousPermanence, null, null }),
            ["missing.csv"] = year.Missing.Select(m => new[] { m.Child, Date(m.BirthDate), m.Kind, Date(m.Start), Date(m.End) }),
            ["sw_episodes.csv"] = year.SocialWorkers.Select(w => new[] { w.Child, Date(w.BirthDate), w.WorkerId, Date(w.Start), Date(w.End), w.Reason }),
        };

        var files = new List<(string, string)>();
        foreach (var (file, columns) in Tables)
        {
            if (file == "sw_episodes.csv" && year.Year < Ssda903Year.FirstSocialWorkerYear)
            {
                continue;
            }

            var text = new StringBuilder();
            text.Append(string.Join(',', columns)).Append('\n');
            foreach (var row in rows[file])
            {
                text.Append(string.Join(',', row.Select(v => v ?? ""))).Append('\n');
            }

            files.Add((file, text.ToString()));
        }

        return files;
    }

    /// <summary>A date as the 903 writes it: dd/mm/yyyy, or empty.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string? Flag(bool? value) => value switch { true => "1", false => "0", null => null };
}
