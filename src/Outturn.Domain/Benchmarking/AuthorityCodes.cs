using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarking;

/// <summary>How a code a return gives relates to our authority in the return's year.</summary>
public enum CodeMatch
{
    /// <summary>Our authority's code.</summary>
    Same,

    /// <summary>The code our authority had in that year, since changed (the area is the same).</summary>
    Former,

    /// <summary>
    /// An authority our authority replaced, in a year before it did (<see cref="Reorganisation"/>): its returns are our
    /// area's history, with the other successors' areas in them where it was split.
    /// </summary>
    Predecessor,

    /// <summary>Another authority's code, or ours in a year it was not valid.</summary>
    Other,
}

/// <summary>
/// An authority's code changed with its area unchanged, on 1 April of <paramref name="From"/>: returns and published
/// files give the old code until the year before and the new code from then on.
/// </summary>
/// <param name="From">The first financial year of the new code.</param>
/// <param name="Old">The code before.</param>
/// <param name="New">The code from then on.</param>
/// <param name="Description">What changed, for messages.</param>
public sealed record CodeChange(FinancialYear From, string Old, string New, string Description);

/// <summary>
/// Which codes are one authority's in which years: its code changes (<see cref="England"/>) and the reorganisations
/// that replaced other authorities by it (<see cref="Reorganisation.England"/>), so a return is accepted with the code
/// that was valid in its year.
/// </summary>
public static class AuthorityCodes
{
    /// <summary>
    /// The changes of code without a change of area since 2019, as the DfE's published files show them (the ONS codes
    /// in <c>new_la_code</c>): North Yorkshire and Somerset became unitary authorities on 1 April 2023 and kept their
    /// DfE codes (815, 933) but took new ONS codes. (The DfE code 816 is York's in every year, not North Yorkshire's.)
    /// </summary>
    public static IReadOnlyList<CodeChange> England { get; } =
    [
        new(new FinancialYear(2023), "E10000023", "E06000065", "North Yorkshire became a unitary authority on 1 April 2023 (ONS code E10000023 until then, E06000065 from then; DfE code 815 throughout)"),
        new(new FinancialYear(2023), "E10000027", "E06000066", "Somerset became a unitary authority on 1 April 2023 (ONS code E10000027 until then, E06000066 from then; DfE code 933 throughout)"),
    ];

    /// <summary>
    /// How <paramref name="given"/>, the code in a return for <paramref name="year"/>, relates to our authority, known by
    /// <paramref name="ours"/> (its DfE or ONS code now, or in any year): the same code valid in that year, the code it
    /// had then, a predecessor's in a year before the reorganisation, or another authority's.
    /// </summary>
    public static CodeMatch Match(string given, string ours, FinancialYear year) =>
        Match(given, ours, year, England, Reorganisation.England);

    /// <summary>As <see cref="Match(string, string, FinancialYear)"/>, with the changes and reorganisations given.</summary>
    public static CodeMatch Match(string given, string ours, FinancialYear year, IEnumerable<CodeChange> changes, IEnumerable<Reorganisation> reorganisations)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(ours);
        var (g, o) = (given.Trim(), ours.Trim());
        var changed = changes.ToList();

        // Our authority's codes, each with the years it was valid: a code changed is valid before the change as the
        // old code and from it as the new.
        var change = changed.FirstOrDefault(c => Eq(c.Old, o) || Eq(c.New, o));
        if (change is not null)
        {
            var valid = year < change.From ? change.Old : change.New;
            if (Eq(g, valid))
            {
                return Eq(g, o) ? CodeMatch.Same : CodeMatch.Former;
            }

            return CodeMatch.Other;
        }

        if (Eq(g, o))
        {
            // A code of an authority a reorganisation abolished is not valid from its first year; a new authority's not before it.
            var gone = reorganisations.Any(r => r.Predecessors.Contains(o) && year >= r.From);
            var notYet = reorganisations.Any(r => r.Successors.Contains(o) && year < r.From);
            return gone || notYet ? CodeMatch.Other : CodeMatch.Same;
        }

        return reorganisations.Any(r => r.Successors.Contains(o) && r.Predecessors.Contains(g) && year < r.From)
            ? CodeMatch.Predecessor
            : CodeMatch.Other;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
