using System.Globalization;
using System.Text;
using Outturn.Formats;

namespace Outturn.Demo.Returns;

/// <summary>
/// Writes the LA's children aged 0 to 17 in the layout of the ONS mid-year estimates as the DfE publishes them
/// (<c>ons_mid-year_population_estimates_2012_to_2024.csv</c>): the explore-education-statistics base columns, then
/// <c>age_group</c> and <c>population_estimate</c>, one row per mid-year, newest first, for the LA only.
/// </summary>
public static class OnsPopulationWriter
{
    /// <summary>The header row, exactly as the published file has it.</summary>
    public const string Header =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate";

    /// <summary>The CSV text (LF line ends, no byte order mark when written).</summary>
    public static string ToText(SyntheticLa la)
    {
        ArgumentNullException.ThrowIfNull(la);
        var a = la.Settings.Authority;
        var text = new StringBuilder(Header).Append('\n');
        foreach (var estimate in la.Population.OrderByDescending(p => p.MidYear))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{estimate.MidYear},Reporting year,Local authority,E92000001,England,{a.RegionCode},{a.RegionName},{a.OldLaCode},{a.NewLaCode},{a.Name},Children aged 0 to 17 years,{estimate.Children}\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the file through <see cref="AtomicFile"/>.</summary>
    public static void Write(SyntheticLa la, string path) =>
        AtomicFile.Write(path, s => s.Write(new UTF8Encoding(false).GetBytes(ToText(la))));
}
