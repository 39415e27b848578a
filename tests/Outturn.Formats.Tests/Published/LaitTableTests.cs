using System.Diagnostics;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Formats.Tables;
using Outturn.Testing;
using Parquet;
using Parquet.Schema;

namespace Outturn.Formats.Tests.Published;

public sealed class LaitTableTests : IDisposable
{
    private static readonly string Folder = PublishedFolder.File("lait");

    private static readonly LaitDictionary Dictionary = LaitDictionary.Read(Path.Combine(Folder, LaitDictionary.FileName));

    private static readonly Lazy<LaitRead> Everything = new(() => LaitTable.Read(Path.Combine(Folder, LaitTable.FileName), Dictionary));

    private readonly string _folder = Directory.CreateTempSubdirectory("outturn-lait-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Dictionary_Shipped_ReadsPolarityUnitDecimalsYearTypeQuartileFlagAndUpdates()
    {
        Dictionary.Measures.Count.ShouldBe(434); // 448 rows, some measures under two topics
        var s47 = Dictionary.Find("Section_47")!;
        (s47.Name, s47.Polarity, s47.Unit, s47.Decimals, s47.YearType, s47.NoQuartile).ShouldBe(
            ("Section 47 enquiries rate per 10,000 children", Polarity.None, Unit.Rate, 1, LaitYearType.Financial, false));
        (s47.LastUpdate, s47.NextUpdate).ShouldBe(("2025-10-01", "2026-10-01")); // 45931 and 46296, spreadsheet day numbers

        var conferences = Dictionary.Find("CP_conf_15days")!;
        (conferences.Polarity, conferences.Unit, conferences.Topics.Single()).ShouldBe((Polarity.High, Unit.Percent, "Child Protection"));

        var exclusions = Dictionary.Find("CINPermExclusion")!; // dps 2, No_Quartile N
        (exclusions.Decimals, exclusions.NoQuartile, exclusions.Polarity).ShouldBe((2, true, Polarity.Low));

        Dictionary.Find("CPPTotalAb_3Term")!.Topics.ShouldBe(["Children in Need", "All Pupil Absence & Exclusions"]);
        Dictionary.Find("SEN_ASSESSMENT")!.LastUpdate.ShouldBe("New Data"); // words are kept as words
    }

    [Fact]
    public void Dictionary_WithBadCells_ListsEachByRowAndColumn()
    {
        var path = Path.Combine(_folder, LaitDictionary.FileName);
        File.WriteAllText(path, string.Join('\n',
            "Measure_code,Topic,Measure,Measure_short,Polarity,y_axis_name,Description,Last Update,Next Update,dps,Year_Type,No_Quartile",
            "1,Children in Need,Good one,Good,High,% CIN,,45931,46296,NA,Financial Year,NA",
            "2,Children in Need,Bad polarity,BadP,Up,% CIN,,45931,46296,NA,Financial Year,NA",
            "3,Children in Need,Bad dps,BadD,Low,% CIN,,45931,46296,seven,Financial Year,NA",
            "4,Children in Need,Bad year,BadY,Low,% CIN,,45931,46296,1,Fortnightly,NA"));

        var e = Should.Throw<InputException>(() => LaitDictionary.Read(path));

        e.Errors.Select(x => x.ToString()).ShouldBe([
            "lait_data_dictionary.csv, row 3, column 'Polarity': 'Up' is not High, Low, - or NA.",
            "lait_data_dictionary.csv, row 4, column 'dps': 'seven' is not a number of decimal places from 0 to 4, or NA (1).",
            "lait_data_dictionary.csv, row 5, column 'Year_Type': 'Fortnightly' is not a year type LAIT uses (Financial Year, Academic Year, Calendar Year, Annual, Annual - January, Annual (end of Sept)).",
        ]);
    }

    [Theory]
    [InlineData(LaitYearType.Financial, "2025", 2024)] // the year ending 31 March 2025
    [InlineData(LaitYearType.Financial, "2024-25", 2024)]
    [InlineData(LaitYearType.Financial, "2024-25 (OT)", 2024)] // a status in brackets is ignored
    [InlineData(LaitYearType.Financial, "2020/21-22/23", 2022)] // a three-year range is its last year
    [InlineData(LaitYearType.Academic, "2025", 2024)] // results of summer 2025: academic year 2024/25
    [InlineData(LaitYearType.Academic, "2024/25", 2024)]
    [InlineData(LaitYearType.Academic, "2025 (Rev)", 2024)]
    [InlineData(LaitYearType.AtJanuary, "2025", 2024)] // January 2025 is in 2024-25
    [InlineData(LaitYearType.AtMarch, "2025", 2024)] // 31 March 2025
    [InlineData(LaitYearType.AtSeptember, "2025", 2025)] // 30 September 2025 is in 2025-26
    [InlineData(LaitYearType.Calendar, "2024", 2024)] // April to December 2024 lie in 2024-25
    [InlineData(LaitYearType.Calendar, "2018-20", 2020)] // a three-year range is its last year
    public void TryYear_ReadsEachYearTypesLabels(LaitYearType type, string label, int startYear)
    {
        var measure = Dictionary.Find("CIN")! with { YearType = type };

        measure.TryYear(label, out var year).ShouldBeTrue();
        year.ShouldBe(new FinancialYear(startYear));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("2025-23")]
    [InlineData("next year")]
    public void TryYear_TextThatNamesNoYear_IsRefused(string label) =>
        Dictionary.Find("CIN")!.TryYear(label, out _).ShouldBeFalse();

    [Fact]
    public void Read_Shipped_GivesEveryMeasureWithEnglandTheRegionsAndTheAuthorities()
    {
        var read = Everything.Value;

        read.Measures.Count.ShouldBe(434);
        var s47 = read.Measures["Section_47"];
        var y2025 = s47.Years[new FinancialYear(2024)];
        s47.Labels[new FinancialYear(2024)].ShouldBe("2025");
        y2025.National!.Number.ShouldBe(189.3m);
        y2025.Regions.Count.ShouldBe(11); // nine regions, Inner and Outer London
        y2025.Authorities.Count.ShouldBe(158);
        var rotherham = y2025.Authorities["372"];
        (rotherham.Authority.Name, rotherham.Authority.RegionCode, rotherham.Value.Number).ShouldBe(("Rotherham", "E12000003", 213m));
        y2025.Regions["E12000003"].Value.Number.ShouldBe(216.8m);
        y2025.Authorities["204"].Authority.RegionCode.ShouldBe("E13000001"); // Hackney is in Inner London
    }

    [Fact]
    public void Read_Shipped_ReadsRsDoublesAsTheDecimalsTheyStandFor()
    {
        // The table holds "311.10000000000002" for Rotherham's children in need rate at 31 March 2024.
        Everything.Value.Measures["CIN"].Years[new FinancialYear(2023)].Authorities["372"].Value.Number.ShouldBe(311.1m);
    }

    [Fact]
    public void Read_Shipped_KeepsTheMarkerAsAMarker()
    {
        var markers = Everything.Value.Measures.Values
            .SelectMany(m => m.Years.Values)
            .SelectMany(y => y.Authorities.Values)
            .Where(a => !a.Value.IsNumber)
            .ToList();

        markers.ShouldNotBeEmpty();
        markers.ShouldAllBe(a => a.Value.Marker == SuppressionMarker.NotPublished);
    }

    [Fact]
    public void Read_Shipped_ListsTheRowsWhoseYearNamesNoYear()
    {
        var notRead = Everything.Value.NotRead.ShouldHaveSingleItem();

        notRead.Outcome.ShouldBe(Outcome.NotRead);
        notRead.ToString().ShouldBe("bds_long_0.parquet, row 175611, column 'Years': '0' names no year; 170 row(s) of CINPermExclusion with it are not read.");
    }

    [Fact]
    public void Read_SomeMeasures_GivesTheSameFiguresAsReadingEverything()
    {
        var some = LaitTable.Read(Path.Combine(Folder, LaitTable.FileName), Dictionary, new HashSet<string>(StringComparer.Ordinal) { "Section_47", "CIN" });

        some.Measures.Keys.Order(StringComparer.Ordinal).ShouldBe(["CIN", "Section_47"]);
        foreach (var (year, figures) in some.Measures["CIN"].Years)
        {
            var all = Everything.Value.Measures["CIN"].Years[year];
            figures.Authorities.Values.Select(a => (a.Authority.Code, a.Value)).ShouldBe(all.Authorities.Values.Select(a => (a.Authority.Code, a.Value)));
            figures.National.ShouldBe(all.National);
        }
    }

    [Fact]
    public void Read_FourMeasuresOfTheWholeTable_IsFast()
    {
        var path = Path.Combine(Folder, LaitTable.FileName);
        var wanted = new HashSet<string>(StringComparer.Ordinal) { "Section_47", "CIN", "Continue_Assess_Comp", "CP_conf_15days" };
        _ = LaitTable.Read(path, Dictionary, wanted); // warm
        var clock = Stopwatch.StartNew();

        var read = LaitTable.Read(path, Dictionary, wanted);

        read.Measures.Count.ShouldBe(4);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5)); // about 0.1 s on an idle machine; generous for shared CI
    }

    [Fact]
    public void Read_NotParquet_IsRefusedNamingTheFile()
    {
        var path = Path.Combine(_folder, LaitTable.FileName);
        File.WriteAllText(path, "Short Desc,Years\nCIN,2025\n");

        var e = Should.Throw<InputException>(() => LaitTable.Read(path, Dictionary));

        e.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("bds_long_0.parquet: the file cannot be read as LAIT's Parquet table:");
    }

    [Fact]
    public async Task Read_MissingColumn_IsRefusedNamingIt()
    {
        var path = Path.Combine(_folder, LaitTable.FileName);
        await Write(path, [("CIN", "2025", "Rotherham", "300", 372, "Yorkshire and The Humber")], withValues: false);

        var e = Should.Throw<InputException>(() => LaitTable.Read(path, Dictionary));

        e.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("bds_long_0.parquet, column 'Values': the column is missing;");
    }

    [Fact]
    public async Task Read_BadCells_AreListedByRowAndColumnAndNothingIsRead()
    {
        var path = Path.Combine(_folder, LaitTable.FileName);
        await Write(path, [
            ("CIN", "2025", "England", "330.3", 970, "NA"),
            ("CIN", "2025", "Rotherham", "three hundred", 372, "Yorkshire and The Humber"),
            ("CIN", "2025", "Rotherham", "298.6", 372, "Yorkshire and The Humber"),
            ("CIN", "2025", "Rotherham", "298.6", 372, "Yorkshire and The Humber"),
            ("NoSuchMeasure", "2025", "Rotherham", "1", 372, "Yorkshire and The Humber"),
            ("CIN", "2025", "Sheffield", "-", 373, "Yorkshire and The Humber"),
        ]);

        var e = Should.Throw<InputException>(() => LaitTable.Read(path, Dictionary));

        e.Errors.Select(x => x.ToString()).ShouldBe([
            "bds_long_0.parquet, row 2, column 'Values': 'three hundred' is neither a number nor LAIT's marker '-' (CIN, 2025, Rotherham).",
            "bds_long_0.parquet, row 4, column 'LA Number': a second row for the same measure, year and area (the first is row 3).",
            "bds_long_0.parquet, row 5, column 'Short Desc': 'NoSuchMeasure' is not a measure of the data dictionary (lait_data_dictionary.csv).",
        ]);
    }

    [Fact]
    public async Task Read_AWrittenTable_KeepsEachCellAsGiven()
    {
        var path = Path.Combine(_folder, LaitTable.FileName);
        await Write(path, [
            ("CIN", "2025", "England", "330.3", 970, "NA"),
            ("CIN", "2025", "Yorkshire and the Humber", "341.3", 982, "NA"),
            ("CIN", "2025", "Rotherham", "298.60000000000002", 372, "Yorkshire and The Humber"),
            ("CIN", "2025", "Sheffield", "-", 373, "Yorkshire and The Humber"),
        ]);

        var year = LaitTable.Read(path, Dictionary).Measures["CIN"].Years[new FinancialYear(2024)];

        year.National.ShouldBe(PublishedValue.Of(330.3m));
        year.Regions["E12000003"].ShouldBe(new RegionFigure("E12000003", "Yorkshire and The Humber", PublishedValue.Of(341.3m)));
        year.Authorities["372"].Value.ShouldBe(PublishedValue.Of(298.6m));
        year.Authorities["373"].Value.ShouldBe(PublishedValue.Suppressed(SuppressionMarker.NotPublished));
        year.AuthorityNumbers().ShouldBe([298.6m]); // the marker is never a number
    }

    private static async Task Write(string path, IReadOnlyList<(string Measure, string Year, string Area, string Value, double Number, string Region)> rows, bool withValues = true)
    {
        var shortDesc = new DataField("Short Desc", typeof(string));
        var years = new DataField("Years", typeof(string));
        var area = new DataField("LA and Regions", typeof(string));
        var values = new DataField("Values", typeof(string));
        var number = new DataField("LA Number", typeof(double?));
        var region = new DataField("Region", typeof(string));
        var schema = new ParquetSchema(withValues ? [shortDesc, years, area, values, number, region] : [shortDesc, years, area, number, region]);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(shortDesc, rows.Select(r => r.Measure).ToArray());
        await group.WriteAsync(years, rows.Select(r => r.Year).ToArray());
        await group.WriteAsync(area, rows.Select(r => r.Area).ToArray());
        if (withValues)
        {
            await group.WriteAsync(values, rows.Select(r => r.Value).ToArray());
        }

        await group.WriteAsync<double>(number, rows.Select(r => (double?)r.Number).ToArray().AsMemory());
        await group.WriteAsync(region, rows.Select(r => r.Region).ToArray());
    }
}
