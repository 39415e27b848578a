using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Domain.Tests.Scorecards;

public class ScorecardCalculatorTests
{
    private static readonly Indicator Timeliness = new("t", "Timeliness", "Area A", IndicatorKind.Benchmarking, Unit.Percent, Polarity.High, Aggregation.Ratio, 1);
    private static readonly Indicator RateLow = new("r", "Rate", "Area B", IndicatorKind.Benchmarking, Unit.Rate, Polarity.Low, Aggregation.Snapshot, 1);
    private static readonly Indicator Contacts = new("c", "Contacts", "Area A", IndicatorKind.Activity, Unit.Count, Polarity.None, Aggregation.Sum, 0);
    private static readonly Indicator Caseload = new("w", "Caseload", "Area B", IndicatorKind.Local, Unit.Number, Polarity.Low, Aggregation.Mean, 1);

    private static Measure M(Indicator i, string month, decimal? value, decimal? numerator = null, decimal? denominator = null) =>
        Measure.ForMonth(i.Id, Month.Parse(month), new Observation(value, numerator, denominator));

    private static Measure Y(Indicator i, string year, decimal value) =>
        Measure.ForYear(i.Id, FinancialYear.Parse(year), new Observation(value));

    private static ScorecardRow Row(Indicator indicator, string month, IReadOnlyList<Measure> measures, Thresholds? target = null, IReadOnlyList<Benchmark>? benchmarks = null)
    {
        var year = Month.Parse(month).FinancialYear;
        var input = new ScorecardInput([indicator], target is null ? [] : [new Target(indicator.Id, year, target)], measures, benchmarks);
        return ScorecardCalculator.Compute(input, Month.Parse(month)).Rows.Single();
    }

    [Fact]
    public void Compute_RatioRollsUpNumeratorsAndDenominators()
    {
        // Given the seed's first row for January to March
        var measures = new[] { M(Timeliness, "2025-01", null, 32, 35), M(Timeliness, "2025-02", null, 41, 46), M(Timeliness, "2025-03", null, 55, 58) };

        // When
        var row = Row(Timeliness, "2025-03", measures);

        // Then the quarter is 128/139, not the mean of the three percentages
        Timeliness.Round(row.Quarter.Value!.Value).ShouldBe(92.1m);
        row.Quarter.Period.ShouldBe(new FinancialYear(2024).Quarter(4));
        row.Months.Select(m => Timeliness.Round(m.Value!.Value)).ShouldBe([91.4m, 89.1m, 94.8m]);
    }

    [Fact]
    public void Compute_ValueExactlyOnTheTargetIsGreenAndOnTheToleranceIsAmber()
    {
        // 90/100 = 90.0% against 90%+; 41/50 = 82.0% against 82%+
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-02", null, 41, 50), M(Timeliness, "2025-03", null, 90, 100)], new Thresholds(Polarity.High, 90, 82));

        row.RagMonth.ShouldBe(Rag.Green);
        Timeliness.Round(row.Year.Value!.Value).ShouldBe(87.3m);
        row.RagYear.ShouldBe(Rag.Amber);
    }

    [Fact]
    public void Compute_RatesTheFigureAsShownNotTheUnroundedFigure()
    {
        // 8996/10000 = 89.96%, shown as 90.0%: it must not be rated Amber against 90%+
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-03", null, 8996, 10000)], new Thresholds(Polarity.High, 90, 82));

        row.RagMonth.ShouldBe(Rag.Green);
    }

    [Fact]
    public void Compute_LowPolarityOnTheTargetIsRed() =>
        Row(RateLow, "2025-03", [M(RateLow, "2025-03", 227.1m)], new Thresholds(Polarity.Low, 227.1m, null)).RagMonth.ShouldBe(Rag.Red);

    [Fact]
    public void Compute_DirectionIsLevelWhenTheFiguresReadTheSame()
    {
        // 89.14% and 89.06% both read 89.1%
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-02", null, 8906m, 10_000m), M(Timeliness, "2025-03", null, 8914m, 10_000m)]);

        row.DirectionMonth.ShouldBe(new Travel(Direction.Level, null));
    }

    [Fact]
    public void Compute_DirectionIsJudgedByPolarity()
    {
        var down = Row(RateLow, "2025-03", [M(RateLow, "2025-02", 316.7m), M(RateLow, "2025-03", 310.7m)]);
        var up = Row(RateLow, "2025-03", [M(RateLow, "2025-02", 220.0m), M(RateLow, "2025-03", 221.2m)]);

        down.DirectionMonth.ShouldBe(new Travel(Direction.Down, true));
        up.DirectionMonth.ShouldBe(new Travel(Direction.Up, false));
    }

    [Fact]
    public void Compute_AprilComparesWithMarchOfThePreviousYear()
    {
        // Given figures either side of the year boundary
        var measures = new[] { M(Timeliness, "2025-03", null, 80, 100), M(Timeliness, "2025-04", null, 9, 10), Y(Timeliness, "2024-25", 85m) };

        // When the scorecard is for April, the first month of 2025-26
        var row = Row(Timeliness, "2025-04", measures);

        // Then the month compares with March, the year to date is April alone, and last year is the 2024-25 outturn
        row.DirectionMonth.ShouldBe(new Travel(Direction.Up, true));
        row.Year.ShouldBe(new PeriodValue(new FinancialYear(2025), 90m, 9m, 10m));
        row.Quarter.ShouldBe(new PeriodValue(new FinancialYear(2025).Quarter(1), 90m, 9m, 10m));
        row.PreviousYear.ShouldBe(new PeriodValue(new FinancialYear(2024), 85m));
        row.DirectionYear.ShouldBe(new Travel(Direction.Up, true));
        row.Months.Select(m => m.Period.ToString()).ShouldBe(["2025-02", "2025-03", "2025-04"]);
        row.Trend.Select(t => t.Period.ToString()).ShouldBe(["2024-25Q2", "2024-25Q3", "2024-25Q4", "2025-26Q1"]);
        row.Trend[2].Value.ShouldBe(80m);
    }

    [Fact]
    public void Compute_PreviousYearComesFromItsMonthsWhenNoYearFigureIsGiven()
    {
        var measures = new[] { M(Timeliness, "2024-04", null, 1, 2), M(Timeliness, "2025-03", null, 3, 4), M(Timeliness, "2025-04", null, 1, 1) };

        Row(Timeliness, "2025-04", measures).PreviousYear.Value!.Value.ShouldBe(4m / 6m * 100m, 0.0000001m);
    }

    [Fact]
    public void Compute_AYearFigureIsTheOutturnOnlyOnceTheYearIsComplete()
    {
        var measures = new[] { M(RateLow, "2025-02", 300m), M(RateLow, "2025-03", 310m), Y(RateLow, "2024-25", 305m) };

        Row(RateLow, "2025-02", measures).Year.Value.ShouldBe(300m);
        Row(RateLow, "2025-03", measures).Year.Value.ShouldBe(305m);
    }

    [Fact]
    public void Compute_MissingMonthsAreListedAndLeftOutOfARatio()
    {
        // Given February is missing
        var measures = new[] { M(Timeliness, "2025-01", null, 1, 2), M(Timeliness, "2025-03", null, 3, 4) };

        // When
        var row = Row(Timeliness, "2025-03", measures);

        // Then
        row.Months[1].Value.ShouldBeNull();
        row.Quarter.Value!.Value.ShouldBe(4m / 6m * 100m, 0.0000001m);
        row.MissingMonths.Select(m => m.ToString()).ShouldBe(["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-02"]);
        row.DirectionMonth.ShouldBeNull(); // no February to compare March with
    }

    [Fact]
    public void Compute_ASnapshotWhoseLastMonthIsMissingHasNoQuarterValue()
    {
        var row = Row(RateLow, "2025-03", [M(RateLow, "2025-01", 300m), M(RateLow, "2025-02", 310m)]);

        row.Quarter.Value.ShouldBeNull();
        row.Year.Value.ShouldBeNull();
        row.Trend[2].ShouldBe(new PeriodValue(new FinancialYear(2024).Quarter(3), null));
    }

    [Fact]
    public void Compute_ADenominatorOfZeroGivesNoValue()
    {
        // Given no conferences were held in March
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-02", null, 5, 10), M(Timeliness, "2025-03", null, 0, 0)], new Thresholds(Polarity.High, 90, 82));

        // Then March has no value, no RAG and no direction, and the quarter is February's 50%
        row.Months[2].Value.ShouldBeNull();
        row.RagMonth.ShouldBe(Rag.None);
        row.DirectionMonth.ShouldBeNull();
        row.Quarter.Value.ShouldBe(50m);
        row.RagYear.ShouldBe(Rag.Red);
        row.MissingMonths.ShouldNotContain(Month.Parse("2025-03")); // held, just empty
    }

    [Fact]
    public void Compute_AnIndicatorWithNoTargetHasNoRag()
    {
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-03", null, 95m, 100m)]);

        row.RagMonth.ShouldBe(Rag.None);
        row.RagYear.ShouldBe(Rag.None);
        row.Target.ShouldBeNull();
    }

    [Fact]
    public void Compute_ActivityAddsUpAndIsNeverJudged()
    {
        var row = Row(Contacts, "2025-05", [M(Contacts, "2025-04", 400m), M(Contacts, "2025-05", 450m)]);

        row.Year.Value.ShouldBe(850m);
        row.DirectionMonth.ShouldBe(new Travel(Direction.Up, null));
        row.RagMonth.ShouldBe(Rag.None);
    }

    [Fact]
    public void Compute_MeanAveragesTheMonthsHeld()
    {
        var row = Row(Caseload, "2025-06", [M(Caseload, "2025-04", 18m), M(Caseload, "2025-05", 20m), M(Caseload, "2025-06", 22.5m)]);

        row.Quarter.Value.ShouldBe(20.166666666666666666666666667m);
    }

    [Fact]
    public void Compute_TakesTheLatestBenchmarksUpToTheScorecardYear()
    {
        Benchmark B(string year, decimal national) => new("t", FinancialYear.Parse(year), null, null, national, null, null);
        var row = Row(Timeliness, "2025-03", [M(Timeliness, "2025-03", null, 90m, 100m)], benchmarks: [B("2022-23", 80m), B("2023-24", 81m), B("2025-26", 99m)]);

        row.Benchmarks!.National.ShouldBe(81m);
    }

    [Fact]
    public void Compute_GroupsRowsByAreaInCatalogueOrder()
    {
        var input = new ScorecardInput([Timeliness, RateLow, Contacts, Caseload], [], []);

        var rows = ScorecardCalculator.Compute(input, Month.Parse("2025-03")).Rows;

        rows.Select(r => r.Indicator.Id).ShouldBe(["t", "c", "r", "w"]);
    }

    [Fact]
    public void Input_RefusesAMeasureForAnUnknownIndicator() =>
        Should.Throw<ArgumentException>(() => new ScorecardInput([Timeliness], [], [M(RateLow, "2025-03", 1m)]));

    [Fact]
    public void Input_RefusesTwoFiguresForOneMonth() =>
        Should.Throw<ArgumentException>(() => new ScorecardInput([Timeliness], [], [M(Timeliness, "2025-03", null, 1m, 2m), M(Timeliness, "2025-03", null, 2m, 2m)]))
            .Message.ShouldStartWith("There are two measures for indicator 't' in 2025-03.");

    [Fact]
    public void Input_RefusesARatioMonthWithoutItsCountsAsAFileWould() =>
        Should.Throw<ArgumentException>(() => new ScorecardInput([Timeliness], [], [M(Timeliness, "2025-03", 90m)]))
            .Message.ShouldStartWith("The figure for 't' in 2025-03: 't' aggregates as a ratio, so each month needs its numerator and denominator");

    [Fact]
    public void Input_TakesAMonthAndAYearWhoseTextsCoincide()
    {
        // December 2011 and the financial year 2011-12 are both written "2011-12", yet are different periods
        var december = Measure.ForMonth(Timeliness.Id, new Month(2011, 12), new Observation(null, 1m, 1m));
        var year = Measure.ForYear(Timeliness.Id, new FinancialYear(2011), new Observation(2m));

        new ScorecardInput([Timeliness], [], [december, year]).Measures.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("2025-03", "2025-01 2025-02 2025-03", "2024-25Q4", "2024-25", "2023-24", "2024-25Q1 2024-25Q2 2024-25Q3 2024-25Q4", true)] // March: the outturn
    [InlineData("2025-04", "2025-02 2025-03 2025-04", "2025-26Q1", "2025-26", "2024-25", "2024-25Q2 2024-25Q3 2024-25Q4 2025-26Q1", false)] // April looks back across the year end
    [InlineData("2024-11", "2024-09 2024-10 2024-11", "2024-25Q3", "2024-25", "2023-24", "2023-24Q4 2024-25Q1 2024-25Q2 2024-25Q3", false)]
    public void Periods_AreTheSeedsColumnsForTheMonth(string month, string months, string quarter, string year, string previous, string trend, bool outturn)
    {
        var p = ScorecardPeriods.For(Month.Parse(month));

        string.Join(" ", p.Months).ShouldBe(months);
        (p.Quarter.ToString(), p.Year.ToString(), p.PreviousYear.ToString(), p.IsOutturn).ShouldBe((quarter, year, previous, outturn));
        string.Join(" ", p.Trend).ShouldBe(trend);
    }

    [Fact]
    public void Periods_AreTheRowsPeriods()
    {
        var row = Row(Timeliness, "2025-04", [M(Timeliness, "2025-04", null, 9, 10)]);
        var p = ScorecardPeriods.For(Month.Parse("2025-04"));

        row.Months.Select(m => m.Period).ShouldBe(p.Months.Select(m => (Period)m));
        (row.Quarter.Period, row.Year.Period, row.PreviousYear.Period).ShouldBe(((Period)p.Quarter, (Period)p.Year, (Period)p.PreviousYear));
        row.Trend.Select(t => t.Period).ShouldBe(p.Trend.Select(q => (Period)q));
    }
}
