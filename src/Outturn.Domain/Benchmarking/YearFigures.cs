using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarking;

/// <summary>A published figure for a region (or Inner or Outer London).</summary>
/// <param name="Code">The ONS region code, e.g. <c>E12000003</c>.</param>
/// <param name="Name">The region's name as published.</param>
/// <param name="Value">The published value.</param>
public sealed record RegionFigure(string Code, string Name, PublishedValue Value);

/// <summary>A published figure for a local authority.</summary>
/// <param name="Authority">The authority, with its region.</param>
/// <param name="Value">The published value.</param>
/// <param name="JointReturn">
/// For authorities that make one return together (the social work workforce census publishes North and West
/// Northamptonshire, and Kingston upon Thames and Richmond upon Thames, as single rows), the published name of the
/// joint row; each authority carries the joint value. Null for an authority's own row.
/// </param>
public sealed record AuthorityFigure(LocalAuthority Authority, PublishedValue Value, string? JointReturn = null);

/// <summary>
/// One measure's published figures for one year: England, every region and every local authority, each as
/// published (never computed from the others).
/// </summary>
public sealed class YearFigures
{
    /// <summary>Creates the figures for a year.</summary>
    /// <exception cref="ArgumentException">A region or an authority appears twice.</exception>
    public YearFigures(FinancialYear year, PublishedValue? national, IEnumerable<RegionFigure> regions, IEnumerable<AuthorityFigure> authorities)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(authorities);
        var byRegion = new Dictionary<string, RegionFigure>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            if (!byRegion.TryAdd(r.Code, r))
            {
                throw new ArgumentException($"Region {r.Name} ({r.Code}) appears twice for {year}.", nameof(regions));
            }
        }

        var byAuthority = new Dictionary<string, AuthorityFigure>(StringComparer.Ordinal);
        foreach (var a in authorities)
        {
            if (!byAuthority.TryAdd(a.Authority.Code, a))
            {
                throw new ArgumentException($"{a.Authority} appears twice for {year}.", nameof(authorities));
            }
        }

        Year = year;
        National = national;
        Regions = byRegion;
        Authorities = byAuthority;
    }

    /// <summary>The year the figures describe.</summary>
    public FinancialYear Year { get; }

    /// <summary>England, or null when the file has no national row for the year.</summary>
    public PublishedValue? National { get; }

    /// <summary>The regions by code.</summary>
    public IReadOnlyDictionary<string, RegionFigure> Regions { get; }

    /// <summary>The local authorities by three-digit code.</summary>
    public IReadOnlyDictionary<string, AuthorityFigure> Authorities { get; }

    /// <summary>
    /// The numbers published for authorities, markers left out and a joint return counted once: the values that
    /// quartiles and ranks are taken over.
    /// </summary>
    public IEnumerable<decimal> AuthorityNumbers() =>
        Authorities.Values.Where(a => a.Value.IsNumber)
            .DistinctBy(a => a.JointReturn ?? a.Authority.Code)
            .Select(a => a.Value.Number!.Value);
}
