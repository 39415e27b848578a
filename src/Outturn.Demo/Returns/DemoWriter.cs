using Outturn.Formats;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes a synthetic LA as the files an LA holds: the SSDA903 CSV tables and the CIN census XML of every year, the
/// Annex A workbook of the last year, the SEN2 returns, the staff list, and the ONS population estimates.
/// </summary>
/// <remarks>
/// The files are laid out as <see cref="DemoFolder"/> names them. Everything is written into a hidden folder beside
/// the one asked for, which is renamed to it at the end: a failed run leaves nothing half-written. The folder must
/// not exist or be empty; an existing folder with files in it is never touched.
/// </remarks>
public static class DemoWriter
{
    /// <summary>Writes the LA into <paramref name="directory"/>; returns the files written, relative to it.</summary>
    /// <exception cref="InputException">The folder exists and is not empty, or its parent does not exist.</exception>
    public static IReadOnlyList<string> Write(SyntheticLa la, string directory)
    {
        ArgumentNullException.ThrowIfNull(la);
        return IntoNewFolder(directory, temporary => WriteInto(la, temporary));
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a hidden folder beside <paramref name="directory"/>, then renames it to
    /// <paramref name="directory"/>: nothing is left half-written when it fails.
    /// </summary>
    /// <exception cref="InputException">The folder exists and is not empty, or its parent does not exist.</exception>
    internal static T IntoNewFolder<T>(string directory, Func<string, T> write)
    {
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
            var written = write(temporary);
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

    /// <summary>Writes the LA's files into <paramref name="root"/> (created as needed); returns them, relative to it.</summary>
    internal static List<string> WriteInto(SyntheticLa la, string root)
    {
        var folder = new DemoFolder(root);
        var written = new List<string>();
        void Written(string path) => written.Add(Path.GetRelativePath(root, path));
        foreach (var year in la.Settings.ReportingYears)
        {
            var tables = Directory.CreateDirectory(folder.Ssda903Of(year)).FullName;
            var ssda903 = Ssda903Year.For(la, year);
            Ssda903Writer.Write(ssda903, tables);
            foreach (var (file, _) in Ssda903Writer.Render(ssda903))
            {
                Written(Path.Combine(tables, file));
            }

            Directory.CreateDirectory(folder.CinCensus);
            var census = folder.CinCensusOf(year);
            AtomicFile.Write(census, s => CinCensusWriter.Write(CinCensusYear.For(la, year), la.Settings.Authority, s));
            Written(census);
        }

        Directory.CreateDirectory(folder.AnnexAFolder);
        var annexA = folder.AnnexAOf(la.Settings.LastYear);
        AtomicFile.Write(annexA, s => AnnexAWriter.Write(la, la.Settings.LastYear, s));
        Written(annexA);

        Directory.CreateDirectory(folder.Sen2);
        foreach (var reference in SpecialNeedsDemo.ReturnDates(la.Settings))
        {
            var sen2 = folder.Sen2Of(reference);
            AtomicFile.Write(sen2, s => Sen2Writer.Write(la.SpecialNeeds, la.Settings.Authority, reference, s));
            Written(sen2);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(folder.Population)!);
        OnsPopulationWriter.Write(la, folder.Population);
        Written(folder.Population);

        Directory.CreateDirectory(Path.GetDirectoryName(folder.Staff)!);
        StaffWriter.Write(la, folder.Staff);
        Written(folder.Staff);
        return written;
    }
}
