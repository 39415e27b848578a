using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Formats.Tables;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Published;

public class EesFiguresTests
{
    private static readonly FinancialYear Year2025 = new(2024); // reporting year ending 31 March 2025

    private static IReadOnlyDictionary<FinancialYear, YearFigures> Real(string id)
    {
        var data = PublishedData.Open(PublishedFolder.Path);
        return data.Figures(data.Measures.Single(m => m.Id == id));
    }

    [Theory]
    // domain-anchors.md §7: national 2025 re-referral 22.6%, CPP subsequent 24.5%, CPP 2+ years at 31 March 2.3%
    [InlineData("rereferrals-12m", 22.6)]
    [InlineData("cpp-second-time", 24.5)]
    [InlineData("cpp-2yrs", 2.3)]
    [InlineData("care-leavers-eet-19-21", 54)] // la_care_leavers_activity.csv, 19 to 21, Total in EET
    public void Read_RealFile_GivesEnglandAsPublished(string id, double national) =>
        Real(id)[Year2025].National!.Number.ShouldBe((decimal)national);

    [Fact]
    public void Read_RealFile_KeepsSuppressionMarkersAsMarkers()
    {
        // d5: Rotherham 2025, 2_years_or_more_percent is "c"
        var rotherham = Real("cpp-2yrs")[Year2025].Authorities["372"];

        rotherham.Value.Marker.ShouldBe(SuppressionMarker.Confidential);
        rotherham.Value.Number.ShouldBeNull();
    }

    [Fact]
    public void Read_RealFile_ReadsEveryLevelAndTheRegionOfEachAuthority()
    {
        var year = Real("rereferrals-12m")[Year2025];

        year.Authorities.Count.ShouldBe(153);
        year.Regions.Count.ShouldBe(11); // nine regions plus Inner and Outer London
        var rotherham = year.Authorities["372"].Authority;
        (rotherham.Name, rotherham.OnsCode, rotherham.RegionCode).ShouldBe(("Rotherham", "E08000018", "E12000003"));
        year.Regions["E12000003"].Value.Number.ShouldBe(21.7m);
    }

    [Fact]
    public void Read_ComputedRate_UsesThePreviousMidYearPopulation()
    {
        // b1 Rotherham 2025 At31_episodes 1777; ONS mid-2024 0-17 population 59521: 1777 / 59521 x 10,000 = 298.55
        Real("cin-rate")[Year2025].Authorities["372"].Value.Number.ShouldBe(298.6m);
        // England: 402400 / 12183016 x 10,000 = 330.29
        Real("cin-rate")[Year2025].National!.Number.ShouldBe(330.3m);
    }

    [Fact]
    public void Read_WorkforceCensus_LabelsTheYearOfTheSeptemberCensus() =>
        Real("sw-caseload").Keys.Max().ShouldBe(new FinancialYear(2025)); // time_period 2025: 30 September 2025

    [Fact]
    public void Read_JointReturn_GivesEachAuthorityTheSharedValue_AndCountsItOnceAmongAuthorities()
    {
        // csww 2025: one row "314 / 318", Kingston upon Thames / Richmond upon Thames, caseload_fte as published
        var published = decimal.Parse(RawCsv.Cell(PublishedFolder.File("csww_indicators_2017_to_2025.csv"), "caseload_fte",
            ("time_period", "2025"), ("old_la_code", "314 / 318")), System.Globalization.CultureInfo.InvariantCulture);
        var year = Real("sw-caseload")[new FinancialYear(2025)];

        year.Authorities["314"].Value.Number.ShouldBe(published);
        year.Authorities["318"].Value.Number.ShouldBe(published);
        year.Authorities["318"].Authority.Name.ShouldBe("Richmond upon Thames");
        year.Authorities["318"].JointReturn.ShouldBe("Kingston upon Thames / Richmond upon Thames");
        year.AuthorityNumbers().Count().ShouldBe(year.Authorities.Values.Count(a => a.Value.IsNumber) - 2); // two joint rows
    }

    private static Table Csv(string text) => TableReader.ReadCsv(new StringReader(text), "bad.csv");

    private static PublishedMeasure Measure(string filters = "") =>
        PublishedMeasures.Shipped().Single(m => m.Id == "rereferrals-12m") with
        {
            Filters = filters.Length == 0 ? [] : [new(filters.Split('=')[0], filters.Split('=')[1])],
        };

    private const string Header = "time_period,geographic_level,region_code,region_name,old_la_code,new_la_code,la_name,category,rereferral_percent";

    [Fact]
    public void Read_BadCells_AreEachReportedWithFileRowAndColumn()
    {
        var table = Csv($"""
            {Header}
            2025,National,,,,,,R,22.6
            2025,Local authority,E12000003,Yorkshire,372,E08000018,Rotherham,R,19.6%
            25,Local authority,E12000003,Yorkshire,373,E08000019,Sheffield,R,20
            2025,Local authority,E12000003,Yorkshire,37,E08000019,Sheffield,R,20
            2025,Local authority,E12000003,Yorkshire,372,E08000018,Rotherham,R,n/a
            2025,Regional,,Yorkshire,,,,R,21
            """);

        var errors = Should.Throw<InputException>(() => EesFigures.Read(table, Measure())).Errors;

        errors.Select(e => (e.File, e.Row, e.Field)).ShouldBe([
            ("bad.csv", 3, "rereferral_percent"), ("bad.csv", 4, "time_period"), ("bad.csv", 5, "old_la_code"),
            ("bad.csv", 6, "rereferral_percent"), ("bad.csv", 7, "region_code"),
        ]);
        errors[0].Message.ShouldBe("'19.6%' is neither a number nor a suppression marker (c, z, x, k, u, low).");
    }

    [Fact]
    public void Read_TwoRowsForOneAuthorityAndYear_AskForAnotherFilter()
    {
        var table = Csv($"""
            {Header}
            2025,Local authority,E12000003,Yorkshire,372,E08000018,Rotherham,A,19.6
            2025,Local authority,E12000003,Yorkshire,372,E08000018,Rotherham,B,19.7
            """);

        var error = Should.Throw<InputException>(() => EesFigures.Read(table, Measure())).Errors.ShouldHaveSingleItem();

        (error.Row, error.Field).ShouldBe((3, "old_la_code"));
        error.Message.ShouldContain("the first is row 2");
    }

    [Fact]
    public void Read_AFilterValueNotInTheFile_NamesTheValuesThatAre()
    {
        var table = Csv($"""
            {Header}
            2025,National,,,,,,Referrals,22.6
            """);

        var error = Should.Throw<InputException>(() => EesFigures.Read(table, Measure("category=Re-referrals"))).Errors.ShouldHaveSingleItem();

        (error.Row, error.Field).ShouldBe((null, "category"));
        error.Message.ShouldContain("the values are: Referrals");
    }

    [Fact]
    public void Read_MissingColumns_AreNamedFromTheHeaderRow()
    {
        var table = Csv("""
            time_period,geographic_level,la_name,rereferral_percent
            2025,National,,22.6
            """);

        var errors = Should.Throw<InputException>(() => EesFigures.Read(table, Measure())).Errors;

        errors.Select(e => (e.Row, e.Field)).ShouldBe([(1, "region_code"), (1, "region_name"), (1, "old_la_code"), (1, "new_la_code")]);
    }
}
