using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Formats.National;

namespace Outturn.Demo.Returns;

/// <summary>
/// Where each return is in a folder of the demo LA's files, the layout named once: <see cref="DemoWriter"/> writes
/// by it, and whoever reads the folder back as an LA's own files finds them by it.
/// </summary>
/// <remarks>
/// <code>
/// DIR/ssda903/2024-25/header.csv, episodes.csv, … (one folder per year, as the LA submits them)
/// DIR/cin-census/CIN_Census_2024-25.xml               (one file per year)
/// DIR/annex-a/Annex_A_2024-25.xlsx                   (the last year)
/// DIR/sen2/SEN2_2025-01-16.xml                        (each January census, and an extract at the last 31 March)
/// DIR/population/ons_mid-year_population_estimates.csv
/// DIR/staff/staff.csv                                 (social workers: SSDA903 id, name, team)
/// </code>
/// </remarks>
/// <param name="Root">The folder (DIR).</param>
public sealed record DemoFolder(string Root)
{
    /// <summary>The SSDA903 returns: one folder of CSV tables per year.</summary>
    public string Ssda903 => Path.Combine(Root, "ssda903");

    /// <summary>The CIN census returns: one XML file per year.</summary>
    public string CinCensus => Path.Combine(Root, "cin-census");

    /// <summary>The folder holding the Annex A workbook.</summary>
    public string AnnexAFolder => Path.Combine(Root, "annex-a");

    /// <summary>The SEN2 returns: each January census and the extract at the last 31 March.</summary>
    public string Sen2 => Path.Combine(Root, "sen2");

    /// <summary>The ONS mid-year population estimates of the LA.</summary>
    public string Population => Path.Combine(Root, "population", "ons_mid-year_population_estimates.csv");

    /// <summary>The staff list: SSDA903 social worker id, the name Annex A shows, team.</summary>
    public string Staff => Path.Combine(Root, "staff", "staff.csv");

    /// <summary>The SSDA903 tables of one year.</summary>
    public string Ssda903Of(FinancialYear year) => Path.Combine(Ssda903, year.ToString());

    /// <summary>The CIN census of one year.</summary>
    public string CinCensusOf(FinancialYear year) => Path.Combine(CinCensus, $"CIN_Census_{year}.xml");

    /// <summary>The Annex A workbook of a year (the demo writes the last year's only).</summary>
    public string AnnexAOf(FinancialYear year) => Path.Combine(AnnexAFolder, $"Annex_A_{year}.xlsx");

    /// <summary>The SEN2 return made on a reference date.</summary>
    public string Sen2Of(DateOnly reference) => Path.Combine(Sen2, $"SEN2_{reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xml");

    /// <summary>
    /// The folder's returns as the child-level reader takes them, so the demo is read back as an LA's own files are:
    /// the CLI's <c>--demo</c>, the benchmarks and the plausibility tests all read it through this.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder holds no Annex A workbook, or more than one.</exception>
    public ChildLevelPaths ToChildLevelPaths() =>
        new(Ssda903, CinCensus, Sen2, Directory.GetFiles(AnnexAFolder, "*.xlsx").Single(), Staff, Population);
}
