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
