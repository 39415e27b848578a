using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Published;

public class PublishedMeasuresTests
{
    [Fact]
    public void Shipped_MapsTheNationalIndicators()
    {
        var ids = PublishedMeasures.Shipped().Where(m => m.Role == MeasureRole.Benchmark).Select(m => m.Id);

        ids.ShouldBe([
            "rereferrals-12m", "cin-rate", "cp-rate", "cla-rate", "cpp-second-time", "cpp-2yrs", "placements-3plus",
            "placement-long-term", "care-leavers-eet-19-21", "care-leavers-accom-19-21", "cla-health-checks",
            "cla-dental-checks", "sw-turnover", "sw-agency", "sw-caseload",
        ]);
    }

    [Fact]
    public void Shipped_EveryMeasureMatchesExactlyOneFileInThePublishedFolder()
    {
        var data = PublishedData.Open(PublishedFolder.Path);

        foreach (var measure in data.Measures)
        {
            File.Exists(data.FileOf(measure)).ShouldBeTrue(measure.Id);
        }
    }

    [Fact]
    public void Shipped_ReadsFiltersPolarityAndUnit()
    {
        var eet = PublishedMeasures.Shipped().Single(m => m.Id == "care-leavers-eet-19-21");

        eet.Filters.ShouldBe([new("care_leaver_age", "19 to 21 years"), new("breakdown", "Total in education, employment or training")]);
        (eet.Polarity, eet.Unit, eet.ValueColumn).ShouldBe((Polarity.High, Unit.Percent, "care_leaver_percent"));
    }

    [Theory]
    [InlineData("rereferrals-12m", "2025", 2024)] // reporting year ending 31 March 2025 is 2024-25
    [InlineData("sw-caseload", "2025", 2025)] // the workforce census of 30 September 2025 falls in 2025-26
    [InlineData("population-0-17", "2024", 2024)] // the mid-2024 estimate falls in 2024-25
    [InlineData("rereferrals-12m", "202425", 2024)] // the six-digit form is the financial year itself
    public void TryYear_PlacesATimePeriodInTheFinancialYearOfItsAsAtDate(string id, string timePeriod, int startYear)
    {
        var measure = PublishedMeasures.Shipped().Single(m => m.Id == id);

        measure.TryYear(timePeriod, out var year).ShouldBeTrue();
        year.ShouldBe(new FinancialYear(startYear));
    }

    [Fact]
    public void Read_ABadMappingFile_ListsEveryErrorWithRowAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"measures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, """
            id,name,role,file,value_column,filters,polarity,unit,decimals,as_at,per_10000_of
            a,A,benchmark,x.csv,v,,sideways,percent,1,03-31,
            a,A again,benchmark,x.csv,v,broken,low,percent,7,31-03,
            b,B,benchmark,x.csv,v,,low,percent,1,03-31,nowhere
            """);
        try
        {
            var errors = Should.Throw<InputException>(() => PublishedMeasures.Read(path)).Errors;

            errors.Select(e => (e.Row, e.Field)).ShouldBe([
                (2, "polarity"), (3, "id"), (3, "filters"), (3, "decimals"), (3, "as_at"), (4, "per_10000_of"), (4, "per_10000_of"),
            ]);
            errors[0].Message.ShouldContain("'sideways' is not one of high, low, none");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
