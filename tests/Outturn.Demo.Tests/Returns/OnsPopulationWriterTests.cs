using Outturn.Demo.Returns;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public class OnsPopulationWriterTests
{
    [Fact]
    public void Population_HasThePublishedColumnsAndOneRowPerMidYearForTheLaOnly()
    {
        var published = File.ReadLines(RepoPaths.InPublished("ons_mid-year_population_estimates_2012_to_2024.csv")).First();

        var lines = OnsPopulationWriter.ToText(SmallLa.ThreeYears).TrimEnd('\n').Split('\n');

        lines[0].ShouldBe(published);
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["2024", "2023", "2022", "2021"]);
        lines[1].ShouldBe("2024,Reporting year,Local authority,E92000001,England,E12000006,East of England,999,E06999999,Outturn Vale (synthetic),Children aged 0 to 17 years,3000");
    }
}
