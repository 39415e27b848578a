using Outturn.Domain.Benchmarking;
using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.National;
using Outturn.Formats;
using Outturn.Formats.AnnexA;
using Outturn.Formats.CinCensus;
using Outturn.Formats.National;
using Outturn.Formats.Population;
using Outturn.Formats.Sen2;
using Outturn.Formats.Ssda903;
using Outturn.Formats.Staff;

namespace Outturn.App.ChildLevel;

/// <summary>
/// Where the national indicators' child-level data comes from: the return files today (<see cref="ChildLevelFiles"/>),
/// the store's imported returns next.
/// </summary>
public interface IChildLevelSource
{
    /// <summary>The data, read and checked, with every problem that did not stop it.</summary>
    /// <exception cref="InputException">A problem refuses the load (a file that cannot be read, or any problem of a
    /// strict load); every problem is listed.</exception>
    ChildLevelLoad Load();
}

/// <summary>Child-level data as loaded, with the problems found that did not stop the load.</summary>
/// <param name="Data">What the figures are computed from.</param>
/// <param name="Problems">Every problem, each saying what was done about it (left out, counted, repaired, not read).</param>
public sealed record ChildLevelLoad(ChildLevelData Data, IReadOnlyList<InputError> Problems)
{
    /// <summary>The children a problem names, whatever was done about it.</summary>
    public IReadOnlySet<string> ChildrenWithProblems { get; } =
        Problems.Select(p => p.ChildId).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Reads an authority's child-level returns into what the national indicators are computed from: every file read and
/// checked, years stacked, Annex A's allocations and the staff list applied. A file that cannot be read refuses the whole
/// load (any problem does, when strict), with every problem of every file listed; the others come back with the data.
/// </summary>
/// <param name="paths">Where the returns are.</param>
/// <param name="strict">Whether any problem refuses the load, as the DfE's validator does; by default only a file that
/// cannot be read does, and records that break a validation rule are listed with what was done about each.</param>
public sealed class ChildLevelFiles(ChildLevelPaths paths, bool strict = false) : IChildLevelSource
{
    /// <inheritdoc />
    public ChildLevelLoad Load() => Read(paths, strict);

    /// <summary>Reads the returns.</summary>
    /// <exception cref="InputException">None of SSDA903, CIN census or SEN2 is given, or a problem refuses the load.</exception>
    public static ChildLevelLoad Read(ChildLevelPaths paths, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Ssda903 is null && paths.Cin is null && paths.Sen2 is null)
        {
            throw new InputException(new InputError("(command line)", null, "--903, --cin, --sen2", "give the SSDA903 returns (--903), the CIN census (--cin), the SEN2 returns (--sen2), or several; or --demo."));
        }

        // The returns are independent files: read them at once, on the cores there are, and put them together in the
        // same order as ever, so the problems are listed in the same order and the first refusal is the same one.
        var cinRead = paths.Cin is { } cinPath ? Task.Run(() => CinCensusReader.ReadFolder(cinPath)) : null;
        var ssda903Read = paths.Ssda903 is { } ssda903Path ? Task.Run(() => Ssda903Reader.ReadFolder(ssda903Path)) : null;
        var annexARead = paths.AnnexA is { } annexAPath ? Task.Run(() => AnnexAReader.Read(annexAPath)) : null;
        var sen2Read = paths.Sen2 is { } sen2Path ? Task.Run(() => Sen2Reader.ReadAll(sen2Path)) : null;
        try
        {
            return Combine(paths, strict, cinRead, ssda903Read, annexARead, sen2Read);
        }
        finally
        {
            // A refusal in one return leaves the others to finish reading before the refusal is reported.
            Task.WaitAll([.. new Task?[] { cinRead, ssda903Read, annexARead, sen2Read }.OfType<Task>().Where(t => !t.IsCompleted)], Timeout.InfiniteTimeSpan);
        }
    }

    private static ChildLevelLoad Combine(ChildLevelPaths paths, bool strict, Task<CinCensusFolder>? cinRead, Task<IReadOnlyList<Ssda903Return>>? ssda903Read, Task<AnnexAWorkbook>? annexARead, Task<IReadOnlyList<Sen2File>>? sen2Read)
    {
        var problems = new List<InputError>();
        var authorities = new List<string>();
        var headed = new List<(string File, string Code, DateOnly ReferenceDate)>();
        DateOnly? cinFrom = null;
        var cin = ChildInNeedData.Empty;
        if (cinRead is not null)
        {
            var folder = cinRead.GetAwaiter().GetResult();
            var files = folder.Files;
            problems.AddRange(folder.Problems);
            problems.AddRange(files.SelectMany(f => f.Problems));
            (cin, var fixes) = Stack.CinCensus(files.Select(f => (f.ReferenceDate, f.Data)));
            if (!problems.Any(p => p.Outcome == Outcome.Refused))
            {
                // A refused census is no evidence that a case ended: its repairs would only be noise beside the refusal.
                problems.AddRange(CinRepairs(fixes, files));
            }
            authorities.AddRange(files.OrderBy(f => f.ReferenceDate).Select(f => f.Authority));
            headed.AddRange(files.Select(f => (f.File, f.Authority, f.ReferenceDate)));
            cinFrom = files.Count == 0 ? null : files.Min(f => Domain.Periods.FinancialYear.Containing(f.ReferenceDate).Start);
        }

        var lookedAfter = LookedAfterData.Empty;
        IReadOnlyList<EpisodeFix> repairs = [];
        if (ssda903Read is not null)
        {
            var years = ssda903Read.GetAwaiter().GetResult();
            problems.AddRange(years.SelectMany(y => y.Problems));
            (lookedAfter, repairs) = Stack.Ssda903(years.Select(y => (y.Year, y.Data)));
        }

        DateOnly? allocatedFrom = null;
        IReadOnlyList<CaseAllocation> allocations = [];
        if (annexARead is not null)
        {
            var workbook = annexARead.GetAwaiter().GetResult();
            problems.AddRange(workbook.Problems);
            allocations = workbook.Allocations;
            cin = Allocation.Apply(cin, allocations);
            allocatedFrom = workbook.PeriodStart;
        }

        if (paths.Staff is not null)
        {
            try
            {
                var staff = StaffReader.Read(paths.Staff);
                problems.AddRange(NotOnTheStaffList(paths.Staff, staff, lookedAfter, allocations));
                lookedAfter = lookedAfter.WithStaff(staff);
            }
            catch (InputException e)
            {
                problems.AddRange(e.Errors);
            }
        }

        var specialNeeds = SpecialNeedsData.Empty;
        if (sen2Read is not null)
        {
            var files = sen2Read.GetAwaiter().GetResult();
            problems.AddRange(files.SelectMany(f => f.Problems));
            specialNeeds = Stack.Sen2(files.Select(f => (f.ReferenceDate, f.Data)));
            authorities.AddRange(files.OrderBy(f => f.ReferenceDate).Select(f => f.Authority));
            headed.AddRange(files.Select(f => (f.File, f.Authority, f.ReferenceDate)));
        }

        problems.AddRange(CheckAuthority(headed, paths.Authority ?? paths.ConfiguredAuthority));
        IReadOnlyDictionary<int, decimal> population = new Dictionary<int, decimal>();
        if (paths.Population is not null)
        {
            try
            {
                population = OnsPopulationReader.Read(paths.Population, paths.Authority, paths.ConfiguredAuthority);
            }
            catch (InputException e)
            {
                problems.AddRange(e.Errors);
            }
        }

        if (problems.Any(p => p.Refuses(strict)))
        {
            throw new InputException(problems);
        }

        // The SSDA903 tables name no authority: the looked-after children are the authority's whose other returns these are.
        var authority = authorities.LastOrDefault(a => a.Length > 0) ?? "";
        lookedAfter = lookedAfter with { Children = [.. lookedAfter.Children.Select(c => c with { Authority = authority })] };
        return new ChildLevelLoad(
            new ChildLevelData(cin, lookedAfter, population)
            {
                Authority = authority,
                SpecialNeeds = specialNeeds,
                AllocatedFrom = allocatedFrom,
                Repairs = repairs,
                CinFrom = cinFrom,
                Supplied = Supplied(paths, population),
            },
            problems);
    }

    /// <summary>
    /// Every return whose header names an authority (the CIN census's and SEN2's <c>Source/LEA</c>) must be ours, by
    /// the code valid in its year (<see cref="AuthorityCodes.Match(string, string, Domain.Periods.FinancialYear)"/>):
    /// the authority given (<c>--la</c>, else the configured one) where it is a code, else the latest return's. A predecessor's return, for a
    /// year before the reorganisation that made ours, is counted and said so; another authority's is refused, as figures
    /// mixing two authorities' children mean nothing.
    /// </summary>
    private static IEnumerable<InputError> CheckAuthority(List<(string File, string Code, DateOnly ReferenceDate)> headed, string? configured)
    {
        var given = headed.Where(h => h.Code.Length > 0).OrderBy(h => h.ReferenceDate).ToList();
        var isCode = configured is { } c && (LocalAuthority.IsCode(c.Trim()) || (c.Trim().Length == 9 && c.Trim()[0] is 'E' or 'e'));
        var ours = isCode ? configured!.Trim() : given.LastOrDefault().Code;
        if (ours is null)
        {
            yield break;
        }

        var whose = isCode ? $"{ours}, the authority given (--la or OUTTURN_LA)" : $"{ours}, the authority of the latest return";
        foreach (var (file, code, referenceDate) in given)
        {
            var year = Domain.Periods.FinancialYear.Containing(referenceDate);
            switch (AuthorityCodes.Match(code, ours, year))
            {
                case CodeMatch.Predecessor:
                    var reorganisation = Reorganisation.England.First(r => r.Predecessors.Contains(code) && r.Successors.Contains(ours));
                    yield return new InputError(file, null, "LEA", $"the return is authority {code}'s, which {ours} replaced ({reorganisation.Description}): its children are counted as our history for {year}, with those of the area's other successors ({string.Join(", ", reorganisation.Successors.Where(s => s != ours))}).") { Outcome = Outcome.Counted };
                    break;
                case CodeMatch.Other:
                    yield return new InputError(file, null, "LEA", $"the return is authority {code}'s, not {whose}{(Valid(ours, year) is var valid && valid != ours ? $" (in {year} its code was {valid})" : "")}; returns of two authorities cannot be counted together. The file is refused.");
                    break;
            }
        }
    }

    private static string Valid(string ours, Domain.Periods.FinancialYear year) =>
        AuthorityCodes.England.FirstOrDefault(c => string.Equals(c.Old, ours, StringComparison.OrdinalIgnoreCase) || string.Equals(c.New, ours, StringComparison.OrdinalIgnoreCase)) is { } change
            ? (year < change.From ? change.Old : change.New)
            : ours;
    /// The workers the returns name that the staff list does not: an SSDA903 <c>SW_ID</c> not on it stays an id, and
    /// an Annex A worker not on it stays the name as written, so one person holding cases in both counts as two
    /// workers and the caseload is lower. Each is listed with how many cases it holds and how it is counted.
    /// </summary>
    private static IEnumerable<InputError> NotOnTheStaffList(string path, IReadOnlyList<StaffMember> staff, LookedAfterData lookedAfter, IReadOnlyList<CaseAllocation> allocations)
    {
        var ids = staff.Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = staff.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var worker in lookedAfter.SocialWorkers.Where(w => !ids.Contains(w.WorkerId)).GroupBy(w => w.WorkerId, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var children = worker.Select(w => w.ChildId).Distinct(StringComparer.Ordinal).Count();
            yield return new InputError(path, null, "id",
                $"SW_ID '{worker.Key}', the social worker of {children} looked-after child(ren) in the SSDA903, is not on the staff list: counted as a worker of their own under the id, so if Annex A names the same person the caseload counts them twice and is lower.")
            {
                Outcome = Outcome.Counted,
            };
        }

        foreach (var worker in allocations.Where(a => a.Worker is not null && !names.Contains(a.Worker)).GroupBy(a => a.Worker!, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var children = worker.Select(a => a.ChildId).Distinct(StringComparer.Ordinal).Count();
            yield return new InputError(path, null, "name",
                $"'{worker.Key}', the worker of {children} child(ren) in Annex A, is not on the staff list: counted as a worker of their own under that name, so if the SSDA903 gives the same person by SW_ID the caseload counts them twice and is lower.")
            {
                Outcome = Outcome.Counted,
            };
        }
    }

    /// <summary>
    /// The repairs stacking the CIN censuses made, as problems of the census that does not hold the case (so
    /// <c>--strict</c> refuses them as the inconsistency between the years they are).
    /// </summary>
    private static IEnumerable<InputError> CinRepairs(IReadOnlyList<CinCensusFix> fixes, IReadOnlyList<CinCensusFile> files)
    {
        var byDate = files.GroupBy(f => f.ReferenceDate).ToDictionary(g => g.Key, g => g.First().File);
        return fixes.Select(f => new InputError(byDate[f.Census], null, "CINdetails", $"child {f.ChildId}: {f.Action}")
        {
            Outcome = Outcome.Repaired,
            ChildId = f.ChildId,
        });
    }

    /// <summary>The returns given: an indicator needing one that was not has no figure (never a zero).</summary>
    private static ReturnSources Supplied(ChildLevelPaths paths, IReadOnlyDictionary<int, decimal> population) =>
        (paths.Cin is null ? ReturnSources.None : ReturnSources.CinCensus)
        | (paths.Ssda903 is null ? ReturnSources.None : ReturnSources.Ssda903)
        | (paths.Sen2 is null ? ReturnSources.None : ReturnSources.Sen2)
        | (paths.AnnexA is null ? ReturnSources.None : ReturnSources.AnnexA)
        | (population.Count == 0 ? ReturnSources.None : ReturnSources.Population);
}

/// <summary>Child-level data already held in memory, such as the demo LA read once.</summary>
/// <param name="Data">The data.</param>
public sealed record LoadedChildLevel(ChildLevelLoad Data) : IChildLevelSource
{
    /// <inheritdoc />
    public ChildLevelLoad Load() => Data;
}
