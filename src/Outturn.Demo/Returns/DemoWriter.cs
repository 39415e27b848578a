using Outturn.Formats;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes a synthetic LA as the files an LA holds: the SSDA903 CSV tables and the CIN census XML of every year, the
/// Annex A workbook of the last year, the SEN2 returns, the staff list, and the ONS population estimates.
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
/// Everything is written into a hidden folder beside DIR, which is renamed to DIR at the end: a failed run leaves
/// nothing half-written. DIR must not exist or be empty; an existing folder with files in it is never touched.
/// </remarks>
public static class DemoWriter
{
    /// <summary>Writes the LA into <paramref name="directory"/>; returns the files written, relative to it.</summary>
    /// <exception cref="InputException">The folder exists and is not empty, or its parent does not exist.</exception>
    public static IReadOnlyList<string> Write(SyntheticLa la, string directory)
    {
        ArgumentNullException.ThrowIfNull(la);
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar))!;
        if (!Directory.Exists(parent))
        {
            throw new InputException(new InputError(directory, null, null, $"the folder {parent} does not exist."));
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InputException(new InputError(directory, null, null, "the folder is not empty; give a new or empty folder."));
        }

        var temporary = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var written = WriteInto(la, temporary);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(temporary, target);
            return written;
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static List<string> WriteInto(SyntheticLa la, string root)
    {
        var written = new List<string>();
        foreach (var year in la.Settings.ReportingYears)
        {
            var folder = Path.Combine("ssda903", year.ToString());
            Directory.CreateDirectory(Path.Combine(root, folder));
            var ssda903 = Ssda903Year.For(la, year);
            Ssda903Writer.Write(ssda903, Path.Combine(root, folder));
            written.AddRange(Ssda903Writer.Render(ssda903).Select(f => Path.Combine(folder, f.File)));

            Directory.CreateDirectory(Path.Combine(root, "cin-census"));
            var census = Path.Combine("cin-census", $"CIN_Census_{year}.xml");
            AtomicFile.Write(Path.Combine(root, census), s => CinCensusWriter.Write(CinCensusYear.For(la, year), la.Settings.Authority, s));
            written.Add(census);
        }

        Directory.CreateDirectory(Path.Combine(root, "annex-a"));
        var annexA = Path.Combine("annex-a", $"Annex_A_{la.Settings.LastYear}.xlsx");
        AtomicFile.Write(Path.Combine(root, annexA), s => AnnexAWriter.Write(la, la.Settings.LastYear, s));
        written.Add(annexA);

        Directory.CreateDirectory(Path.Combine(root, "sen2"));
        foreach (var reference in SpecialNeedsDemo.ReturnDates(la.Settings))
        {
            var sen2 = Path.Combine("sen2", $"SEN2_{reference:yyyy-MM-dd}.xml");
            AtomicFile.Write(Path.Combine(root, sen2), s => Sen2Writer.Write(la.SpecialNeeds, la.Settings.Authority, reference, s));
            written.Add(sen2);
        }

        Directory.CreateDirectory(Path.Combine(root, "population"));
        var population = Path.Combine("population", "ons_mid-year_population_estimates.csv");
        OnsPopulationWriter.Write(la, Path.Combine(root, population));
        written.Add(population);

        Directory.CreateDirectory(Path.Combine(root, "staff"));
        var staff = Path.Combine("staff", "staff.csv");
        StaffWriter.Write(la, Path.Combine(root, staff));
        written.Add(staff);
        return written;
    }
}
