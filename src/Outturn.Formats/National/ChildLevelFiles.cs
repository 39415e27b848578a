using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.National;
using Outturn.Formats.AnnexA;
using Outturn.Formats.CinCensus;
using Outturn.Formats.Population;
using Outturn.Formats.Sen2;
using Outturn.Formats.Ssda903;
using Outturn.Formats.Staff;

namespace Outturn.Formats.National;

/// <summary>Where an authority's child-level returns are; any may be left out (null), but not all of the first three.</summary>
/// <param name="Ssda903">SSDA903: a folder with one subfolder of CSV tables per year, or XML.</param>
/// <param name="Cin">CIN census XML: one file, or a folder of one file per year.</param>
/// <param name="Sen2">SEN2 XML: one file, or a folder of them.</param>
/// <param name="AnnexA">The Ofsted Annex A workbook: who holds each case.</param>
/// <param name="Staff">The staff list: SSDA903 social worker ids to names and teams.</param>
/// <param name="Population">ONS mid-year estimates of children aged 0-17.</param>
/// <param name="Authority">The authority in the population file, when it holds more than one.</param>
/// <param name="ConfiguredAuthority">Our authority as configured (<c>OUTTURN_LA</c>): the one read from a population
/// file of several when <paramref name="Authority"/> is not given.</param>
public sealed record ChildLevelPaths(
    string? Ssda903, string? Cin, string? Sen2 = null, string? AnnexA = null, string? Staff = null, string? Population = null, string? Authority = null,
    string? ConfiguredAuthority = null);

/// <summary>
/// Reads an authority's child-level returns into what the national indicators are computed from: every file read and
/// checked, years stacked, Annex A's allocations and the staff list applied. A file with any problem refuses the whole
/// load, with every problem of every file listed.
/// </summary>
public static class ChildLevelFiles
{
    /// <summary>Reads the returns.</summary>
    /// <exception cref="InputException">None of SSDA903, CIN census or SEN2 is given, or any file has problems.</exception>
    public static ChildLevelData Read(ChildLevelPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Ssda903 is null && paths.Cin is null && paths.Sen2 is null)
        {
            throw new InputException(new InputError("(command line)", null, "--903, --cin, --sen2", "give the SSDA903 returns (--903), the CIN census (--cin), the SEN2 returns (--sen2), or several; or --demo."));
        }

        var problems = new List<InputError>();
        var cin = ChildInNeedData.Empty;
        if (paths.Cin is not null)
        {
            var files = CinCensusReader.ReadAll(paths.Cin);
            problems.AddRange(files.SelectMany(f => f.Problems));
            cin = Stack.CinCensus(files.Select(f => (f.ReferenceDate, f.Data)));
        }

        var lookedAfter = LookedAfterData.Empty;
        IReadOnlyList<EpisodeFix> repairs = [];
        if (paths.Ssda903 is not null)
        {
            var years = Ssda903Reader.ReadFolder(paths.Ssda903);
            problems.AddRange(years.SelectMany(y => y.Problems));
            (lookedAfter, repairs) = Stack.Ssda903(years.Select(y => (y.Year, y.Data)));
        }

        DateOnly? allocatedFrom = null;
        if (paths.AnnexA is not null)
        {
            var workbook = AnnexAReader.Read(paths.AnnexA);
            problems.AddRange(workbook.Problems);
            cin = Allocation.Apply(cin, workbook.Allocations);
            allocatedFrom = workbook.PeriodStart;
        }

        if (paths.Staff is not null)
        {
            try
            {
                lookedAfter = lookedAfter.WithStaff(StaffReader.Read(paths.Staff));
            }
            catch (InputException e)
            {
                problems.AddRange(e.Errors);
            }
        }

        var specialNeeds = SpecialNeedsData.Empty;
        if (paths.Sen2 is not null)
        {
            var files = Sen2Reader.ReadAll(paths.Sen2);
            problems.AddRange(files.SelectMany(f => f.Problems));
            specialNeeds = Stack.Sen2(files.Select(f => (f.ReferenceDate, f.Data)));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var population = paths.Population is null ? new Dictionary<int, decimal>() : OnsPopulationReader.Read(paths.Population, paths.Authority, paths.ConfiguredAuthority);
        return new ChildLevelData(cin, lookedAfter, population) { SpecialNeeds = specialNeeds, AllocatedFrom = allocatedFrom, Repairs = repairs };
    }
}
