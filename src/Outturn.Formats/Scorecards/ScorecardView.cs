using System.Globalization;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>Which columns a <see cref="ScorecardView"/> holds, for which kind of medium.</summary>
public enum ScorecardLayout
{
    /// <summary>
    /// The seed's scorecard, every column in its groups: the year's months, quarter and year to date; good
    /// performance, directions and RAG; target and tolerances; year on year; latest benchmarking. For pages,
    /// workbooks and the report.
    /// </summary>
    Full,

    /// <summary>The columns a terminal has room for, under short headings, with the target and tolerance in one column.</summary>
    Compact,

    /// <summary>The report's summary: area, indicator, year to date, its RAG and direction, and any extra columns.</summary>
    Summary,

    /// <summary>
    /// A flat export: one value per column, headed by stable names (<c>dot_month</c>, <c>2024-25Q4</c>), figures
    /// rounded to the indicator's decimals in the invariant culture without units, empty where there is none.
    /// </summary>
    Data,
}

/// <summary>What a column holds, so a medium can choose how to show it (alignment, styles, markup).</summary>
public enum ColumnKind
{
    /// <summary>The indicator's name, heading its row.</summary>
    Indicator,

    /// <summary>The service area (only where areas are not shown as sections).</summary>
    Area,

    /// <summary>A figure for a period: <see cref="FigureCell"/>.</summary>
    Figure,

    /// <summary>A published comparison figure: <see cref="FigureCell"/>.</summary>
    Benchmark,

    /// <summary>Whether high or low is good.</summary>
    Polarity,

    /// <summary>A direction of travel: <see cref="DirectionCell"/>.</summary>
    Direction,

    /// <summary>A RAG rating: <see cref="RagCell"/>.</summary>
    Rag,

    /// <summary>A Red, Amber or Green band in the seed's notation (<c>&lt;82%</c>, <c>82%+</c>, <c>90%+</c>).</summary>
    Band,

    /// <summary>The target with its tolerance in one cell (<c>90%+ (82%+)</c>).</summary>
    Target,

    /// <summary>The last four quarters: <see cref="TrendCell"/>.</summary>
    Trend,

    /// <summary>A column added by the caller (the report's statistical process control verdicts).</summary>
    Extra,

    /// <summary>Anything else a flat export carries: ids, kinds, units, whether a direction improves.</summary>
    Attribute,
}

/// <summary>The seed's bands of columns.</summary>
public enum ColumnGroup
{
    /// <summary>The indicator and the year's figures: months, quarter, year to date.</summary>
    Figures,

    /// <summary>Good performance, directions of travel, RAG (and any extra columns).</summary>
    Judgement,

    /// <summary>"TARGET &amp; TOLERANCES": Red, Amber, Green.</summary>
    TargetAndTolerances,

    /// <summary>"YR ON YR PERFORMANCE": last year's outturn and the trend.</summary>
    YearOnYear,

    /// <summary>"LATEST BENCHMARKING": neighbours, England, region, top quartile.</summary>
    LatestBenchmarking,
}

/// <summary>A column: its heading, what it holds, its band, and whether it is the one to stand out.</summary>
/// <param name="Heading">The heading as shown (in <see cref="ScorecardLayout.Data"/>, the stable column name).</param>
/// <param name="Kind">What the column holds.</param>
/// <param name="Group">The band it belongs to.</param>
/// <param name="Emphasis">True for the year to date (the outturn in March), which the seed sets in bold.</param>
/// <param name="Short">A shorter heading for media short of width (a page, print), its abbreviations explained by
/// <see cref="ScorecardView.Abbreviations"/>; null where the heading is short already.</param>
/// <param name="Period">The month a month's figure column shows (so a medium can mark a cell of that month); null otherwise.</param>
public sealed record ViewColumn(string Heading, ColumnKind Kind, ColumnGroup Group, bool Emphasis = false, string? Short = null, Period? Period = null)
{
    /// <summary>The short heading, or the heading where there is none.</summary>
    public string ShortHeading => Short ?? Heading;
}

/// <summary>A run of adjacent columns in one band, headed (or not) above their headings.</summary>
/// <param name="Group">The band.</param>
/// <param name="Heading">Its heading, e.g. <c>TARGET &amp; TOLERANCES</c>; empty where the seed leaves it blank.</param>
/// <param name="First">The index of its first column.</param>
/// <param name="Span">How many columns it spans.</param>
public sealed record ViewColumnGroup(ColumnGroup Group, string Heading, int First, int Span);

/// <summary>A cell: its text as shown, and what a medium needs beyond the text.</summary>
/// <param name="Text">What a reader sees: <c>92.5%</c>, <c>c</c>, <c>-</c>, <c>↑</c>, <c>Green</c>, <c>&lt;82%</c>.</param>
public abstract record ViewCell(string Text);

/// <summary>A cell that is only its text: a name, a polarity, a band, a target, an extra column.</summary>
/// <param name="Text">The text.</param>
public sealed record TextCell(string Text) : ViewCell(Text);

/// <summary>A figure.</summary>
/// <param name="Text">The value at the indicator's decimals with its unit, <c>c</c> when withheld, <c>-</c> when none.</param>
/// <param name="Rounded">The value rounded to the indicator's decimals (half away from zero), for media that hold
/// numbers; null when there is none or it is withheld.</param>
/// <param name="Suppressed">True when withheld to protect confidentiality.</param>
public sealed record FigureCell(string Text, decimal? Rounded, bool Suppressed) : ViewCell(Text);

/// <summary>A direction of travel.</summary>
/// <param name="Text">The arrow (<c>↑</c>, <c>↓</c>, <c>→</c>), or <c>-</c> when there is no direction.</param>
/// <param name="Travel">The direction and whether it improves; null when either figure is missing.</param>
/// <param name="Label">The direction in words for screen readers, e.g. <c>up, improving</c>; empty when none.</param>
public sealed record DirectionCell(string Text, Travel? Travel, string Label) : ViewCell(Text)
{
    /// <summary>True when better, false when worse, null when level, unrated or missing.</summary>
    public bool? Improving => Travel?.Improving;
}

/// <summary>A RAG rating.</summary>
/// <param name="Text"><c>Green</c>, <c>Amber</c>, <c>Red</c>, or <c>-</c> when not rated.</param>
/// <param name="Rag">The rating.</param>
public sealed record RagCell(string Text, Rag Rag) : ViewCell(Text);

/// <summary>The last four quarters.</summary>
/// <param name="Text">The four figures as shown, oldest first: <c>91.2% 94.0% 92.6% 92.1%</c>.</param>
/// <param name="Values">The unrounded values to draw, oldest first; null where none or withheld.</param>
/// <param name="Label">What a drawing of them is called: <c>Trend over 4 quarters</c>.</param>
public sealed record TrendCell(string Text, IReadOnlyList<decimal?> Values, string Label) : ViewCell(Text);

/// <summary>One indicator's line: a cell per column.</summary>
/// <param name="Indicator">The indicator (its id and definition, for media that link or explain).</param>
/// <param name="Cells">One per <see cref="ScorecardView.Columns"/>, in order.</param>
public sealed record ViewRow(Indicator Indicator, IReadOnlyList<ViewCell> Cells);

/// <summary>A service area and its rows, in scorecard order.</summary>
/// <param name="Name">The area as named in the catalogue.</param>
/// <param name="Rows">Its indicators' lines.</param>
public sealed record ViewArea(string Name, IReadOnlyList<ViewRow> Rows);

/// <summary>A column the caller adds: its heading and each row's text (the report adds its SPC verdicts).</summary>
/// <param name="Heading">The heading.</param>
/// <param name="Text">The cell text for a row.</param>
public sealed record ExtraColumn(string Heading, Func<ScorecardRow, string> Text);

/// <summary>
/// The scorecard as every medium shows it, decided once: the columns with their headings and bands, the areas and
/// rows, and every cell's text. Renderers (terminal, CSV, HTML, XLSX, the report, pages) choose only their medium:
/// markup, styles, colours, widths.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The words are the seed's (seed 002): <c>Jan-25</c>, <c>Q4</c>, <c>2024/25 OUTTURN</c> in March and
/// <c>2024/25 YTD</c> before it, <c>DOT (Month)</c>, <c>RAG (Yr End)</c> (<c>RAG (YTD)</c> before March),
/// <c>Green (target)</c>, <c>Yr on Yr trend</c>, <c>Stat neigh av.</c>, and the bands <c>TARGET &amp; TOLERANCES</c>,
/// <c>YR ON YR PERFORMANCE</c> and <c>LATEST BENCHMARKING</c> (with the benchmarks' year when all rows share one).
/// The compact layout abbreviates some; the year to date is headed the same everywhere people read it.</item>
/// <item>People see en-GB (<see cref="Display.Culture"/>): values at the indicator's decimals with their unit,
/// <c>c</c> when withheld, <c>-</c> when there is none. The data layout is invariant and leaves such cells empty.</item>
/// <item>RAG and directions are read from the scorecard, which judged them on the value as displayed.</item>
/// <item>Columns come from the scorecard's month (<see cref="Scorecard.Periods"/>), so a scorecard without rows is
/// headed like any other.</item>
/// </list>
/// </remarks>
public sealed class ScorecardView
{
    private ScorecardView(Month month, ScorecardLayout layout, IReadOnlyList<ViewColumn> columns, IReadOnlyList<ViewColumnGroup> groups, IReadOnlyList<ViewArea> areas)
    {
        Month = month;
        Layout = layout;
        Columns = columns;
        Groups = groups;
        Areas = areas;
    }

    /// <summary>The scorecard month.</summary>
    public Month Month { get; }

    /// <summary>The month as a title: <c>March 2025</c>.</summary>
    public string MonthTitle => Display.MonthTitle(Month);

    /// <summary>The layout the view was built for.</summary>
    public ScorecardLayout Layout { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<ViewColumn> Columns { get; }

    /// <summary>The bands, in order, covering every column once.</summary>
    public IReadOnlyList<ViewColumnGroup> Groups { get; }

    /// <summary>The areas in scorecard order.</summary>
    public IReadOnlyList<ViewArea> Areas { get; }

    /// <summary>Every row, area by area.</summary>
    public IEnumerable<ViewRow> Rows => Areas.SelectMany(a => a.Rows);

    /// <summary>
    /// Builds the view of <paramref name="scorecard"/>. <paramref name="extra"/> columns go after the RAG columns
    /// (at the end of the summary and data layouts).
    /// </summary>
    public static ScorecardView Build(Scorecard scorecard, ScorecardLayout layout = ScorecardLayout.Full, IReadOnlyList<ExtraColumn>? extra = null)
    {
        var definitions = Definitions(scorecard, layout, extra ?? []);
        var columns = definitions.Select(d => d.Column).ToList();
        var areas = scorecard.Areas
            .Select(area => new ViewArea(area.Key, [.. area.Select(row => new ViewRow(row.Indicator, [.. definitions.Select(d => d.Cell(row))]))]))
            .ToList();
        return new ScorecardView(scorecard.Month, layout, columns, Bands(scorecard, columns), areas);
    }

    /// <summary>The abbreviations the headings use, with their meanings, for a key beside a table that shows them (DOT is explained with the arrows).</summary>
    public static readonly IReadOnlyList<(string Short, string Meaning)> Abbreviations =
    [
        ("RAG", "red, amber or green against the target"), ("Yr", "year"),
        ("SN", "statistical neighbours (the authorities most like us)"), ("av.", "average"), ("Nat", "England"),
        ("Reg", "our region"), ("Top qtile", "the top-quartile threshold (the value the best quarter of authorities reach)"),
    ];

    /// <summary>The index of the first column of a kind, or -1.</summary>
    public int IndexOf(ColumnKind kind)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record Definition(ViewColumn Column, Func<ScorecardRow, ViewCell> Cell);

    private static List<Definition> Definitions(Scorecard scorecard, ScorecardLayout layout, IReadOnlyList<ExtraColumn> extra)
    {
        var p = scorecard.Periods;
        var year = YearHeading(p);
        var ragYear = p.IsOutturn ? "RAG (Yr End)" : "RAG (YTD)";
        var extras = extra.Select(x => new Definition(new ViewColumn(x.Heading, ColumnKind.Extra, ColumnGroup.Judgement), row => new TextCell(x.Text(row)))).ToList();
        const ColumnGroup F = ColumnGroup.Figures, J = ColumnGroup.Judgement, T = ColumnGroup.TargetAndTolerances, Y = ColumnGroup.YearOnYear, B = ColumnGroup.LatestBenchmarking;

        Definition Column(string heading, ColumnKind kind, ColumnGroup group, Func<ScorecardRow, ViewCell> cell, bool emphasis = false, string? brief = null) =>
            new(new ViewColumn(heading, kind, group, emphasis, brief), cell);
        Definition Figure(string heading, ColumnGroup group, Func<ScorecardRow, PeriodValue> value, bool emphasis = false, Period? period = null) =>
            new(new ViewColumn(heading, ColumnKind.Figure, group, emphasis, Period: period), row => NoData(row) ? new FigureCell(Display.NoData, null, false) : Shown(value(row), row.Indicator));
        Definition Benchmark(string heading, Func<Benchmark, decimal?> value, string? brief = null) =>
            Column(heading, ColumnKind.Benchmark, B, row => Shown(row.Benchmarks is { } b ? value(b) : null, row.Indicator), brief: brief);
        Definition Name() => Column("Indicator", ColumnKind.Indicator, F, row => new TextCell(row.Indicator.Name));
        List<Definition> Months() => [.. p.Months.Select((m, i) => Figure(Display.MonthHeading(m), F, row => row.Months[i], period: m))];
        Definition Quarter() => Figure(Display.PeriodHeading(p.Quarter), F, row => row.Quarter);
        Definition Year(bool emphasis) => Figure(year, F, row => row.Year, emphasis);
        Definition Direction(string heading, Func<ScorecardRow, Travel?> travel) => Column(heading, ColumnKind.Direction, J, row => Shown(travel(row)));
        Definition Rating(string heading, Func<ScorecardRow, Rag> rag) => Column(heading, ColumnKind.Rag, J, row => Shown(rag(row)));
        Definition Band(string heading, Func<(string Red, string Amber, string Green), string> band) =>
            Column(heading, ColumnKind.Band, T, row => new TextCell(band(Display.Bands(row.Target, row.Indicator))));
        Definition Polarity(string heading, string? brief = null) => Column(heading, ColumnKind.Polarity, J, row => new TextCell(Display.Polarity(row.Indicator.Polarity)), brief: brief);
        Definition PreviousYear() => Figure(Display.YearHeading(p.PreviousYear), Y, row => row.PreviousYear);

        return layout switch
        {
            ScorecardLayout.Full =>
            [
                Name(), .. Months(), Quarter(), Year(emphasis: true),
                Polarity("Good perf is", "Good is"), Direction("DOT (Month)", r => r.DirectionMonth), Rating("RAG (Month)", r => r.RagMonth),
                Direction("DOT (Yr on Yr)", r => r.DirectionYear), Rating(ragYear, r => r.RagYear), .. extras,
                Band("Red", b => b.Red), Band("Amber", b => b.Amber), Band("Green (target)", b => b.Green),
                PreviousYear(),
                Column("Yr on Yr trend", ColumnKind.Trend, Y, Trend, brief: "Trend"),
                Benchmark("Stat neigh av.", b => b.StatNeighbourAverage, "SN av."), Benchmark("Best stat neigh", b => b.BestStatNeighbour, "Best SN"),
                Benchmark("Nat av.", b => b.National), Benchmark("Regional av.", b => b.Regional, "Reg av."), Benchmark("Top qtile threshold", b => b.TopQuartile, "Top qtile"),
            ],
            ScorecardLayout.Compact =>
            [
                Name(), .. Months(), Quarter(), Year(emphasis: true),
                Polarity("Good"), Direction("DOT m", r => r.DirectionMonth), Rating("RAG m", r => r.RagMonth),
                Direction("DOT y", r => r.DirectionYear), Rating(p.IsOutturn ? "RAG yr" : "RAG YTD", r => r.RagYear), .. extras,
                Column("Target", ColumnKind.Target, T, row => new TextCell(Target(row))),
                PreviousYear(),
                Benchmark("SN av.", b => b.StatNeighbourAverage), Benchmark("Nat av.", b => b.National),
            ],
            ScorecardLayout.Summary =>
            [
                Column("Area", ColumnKind.Area, F, row => new TextCell(row.Indicator.Area)), Name(), Year(emphasis: false),
                Rating(ragYear, r => r.RagYear), Direction("DOT (Yr on Yr)", r => r.DirectionYear), .. extras,
            ],
            _ => DataDefinitions(p, extras),
        };
    }

    /// <summary>The flat export's columns: stable names, invariant values.</summary>
    private static List<Definition> DataDefinitions(ScorecardPeriods p, List<Definition> extras)
    {
        const ColumnGroup F = ColumnGroup.Figures, J = ColumnGroup.Judgement, T = ColumnGroup.TargetAndTolerances, Y = ColumnGroup.YearOnYear, B = ColumnGroup.LatestBenchmarking;
        Definition Text(string name, ColumnKind kind, ColumnGroup group, Func<ScorecardRow, string> text) =>
            new(new ViewColumn(name, kind, group), row => new TextCell(text(row)));
        Definition Figure(string name, ColumnGroup group, Func<ScorecardRow, PeriodValue> value, bool emphasis = false) =>
            new(new ViewColumn(name, ColumnKind.Figure, group, emphasis), row => Data(value(row), row.Indicator));
        Definition Benchmark(string name, Func<Benchmark, decimal?> value) =>
            new(new ViewColumn(name, ColumnKind.Benchmark, B), row => Data(row.Benchmarks is { } b ? value(b) : null, row.Indicator));
        Definition Direction(string name, Func<ScorecardRow, Travel?> travel) =>
            new(new ViewColumn(name, ColumnKind.Direction, J), row => new DirectionCell(Display.Word(travel(row)?.Direction), travel(row), ""));
        Definition Improving(string name, Func<ScorecardRow, Travel?> travel) => Text(name, ColumnKind.Attribute, J, row => travel(row)?.Improving switch
        {
            true => "true",
            false => "false",
            null => "",
        });
        Definition Rating(string name, Func<ScorecardRow, Rag> rag) =>
            new(new ViewColumn(name, ColumnKind.Rag, J), row => new RagCell(Display.Rag(rag(row)), rag(row)));
        Definition Band(string name, Func<(string Red, string Amber, string Green), string> band) =>
            Text(name, ColumnKind.Band, T, row => Present(band(Display.Bands(row.Target, row.Indicator))));

        return
        [
            Text("area", ColumnKind.Area, F, r => r.Indicator.Area), Text("id", ColumnKind.Attribute, F, r => r.Indicator.Id),
            Text("name", ColumnKind.Indicator, F, r => r.Indicator.Name), Text("kind", ColumnKind.Attribute, F, r => Display.Lower(r.Indicator.Kind)),
            Text("unit", ColumnKind.Attribute, F, r => Display.Lower(r.Indicator.Unit)),
            Text("good_performance_is", ColumnKind.Polarity, F, r => Display.Lower(r.Indicator.Polarity)),
            .. p.Months.Select((m, i) => Figure(m.ToString(), F, r => r.Months[i])),
            Figure(p.Quarter.ToString(), F, r => r.Quarter),
            Figure($"{p.Year} year to date", F, r => r.Year, emphasis: true),
            Direction("dot_month", r => r.DirectionMonth), Improving("dot_month_improving", r => r.DirectionMonth), Rating("rag_month", r => r.RagMonth),
            Direction("dot_year", r => r.DirectionYear), Improving("dot_year_improving", r => r.DirectionYear), Rating("rag_year", r => r.RagYear),
            Band("red", b => b.Red), Band("amber", b => b.Amber), Band("green", b => b.Green),
            Figure($"{p.PreviousYear} outturn", Y, r => r.PreviousYear),
            .. p.Trend.Select((q, i) => Figure($"trend {q}", Y, r => r.Trend[i])),
            Text("benchmark_year", ColumnKind.Attribute, B, r => r.Benchmarks?.Year.ToString() ?? ""),
            Benchmark("stat_neighbour_average", b => b.StatNeighbourAverage), Benchmark("best_stat_neighbour", b => b.BestStatNeighbour),
            Benchmark("national", b => b.National), Benchmark("regional", b => b.Regional), Benchmark("top_quartile", b => b.TopQuartile),
            .. extras,
        ];
    }

    /// <summary>A band as a flat export holds it: empty rather than a dash.</summary>
    private static string Present(string band) => band == Display.Missing ? "" : band;

    /// <summary>The year to date's heading: <c>2024/25 OUTTURN</c> in March, <c>2024/25 YTD</c> before it.</summary>
    private static string YearHeading(ScorecardPeriods p) => Display.YearHeading(p.Year) + (p.IsOutturn ? " OUTTURN" : " YTD");

    /// <summary>Runs of adjacent columns in one band, headed as the seed heads them.</summary>
    private static List<ViewColumnGroup> Bands(Scorecard scorecard, List<ViewColumn> columns)
    {
        var bands = new List<ViewColumnGroup>();
        for (var i = 0; i < columns.Count;)
        {
            var group = columns[i].Group;
            var span = columns.Skip(i).TakeWhile(c => c.Group == group).Count();
            bands.Add(new ViewColumnGroup(group, BandHeading(scorecard, group), i, span));
            i += span;
        }

        return bands;
    }

    private static string BandHeading(Scorecard scorecard, ColumnGroup group) => group switch
    {
        ColumnGroup.TargetAndTolerances => "TARGET & TOLERANCES",
        ColumnGroup.YearOnYear => "YR ON YR PERFORMANCE",
        ColumnGroup.LatestBenchmarking => "LATEST BENCHMARKING" + (BenchmarkYear(scorecard) is { } y ? $" ({Display.YearHeading(y)})" : ""),
        _ => "",
    };

    /// <summary>The year of the benchmarks when every row that has them shares it; otherwise none.</summary>
    private static FinancialYear? BenchmarkYear(Scorecard scorecard)
    {
        var years = scorecard.Rows.Select(r => r.Benchmarks?.Year).OfType<FinancialYear>().Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary>Whether a row holds no figure for any period shown: its data was not given, which is no data, not a zero.</summary>
    private static bool NoData(ScorecardRow row) =>
        !new[] { row.Quarter, row.Year, row.PreviousYear }.Concat(row.Months).Concat(row.Trend).Any(v => v.Value is not null || v.Suppressed);

    private static FigureCell Shown(PeriodValue value, Indicator indicator) =>
        new(Display.Value(value, indicator), value.Suppressed ? null : Rounded(value.Value, indicator), value.Suppressed);

    private static FigureCell Shown(decimal? value, Indicator indicator) =>
        new(Display.Value(value, indicator), Rounded(value, indicator), false);

    private static FigureCell Data(PeriodValue value, Indicator indicator) => value.Suppressed
        ? new FigureCell(Display.SuppressedMark, null, true)
        : Data(value.Value, indicator);

    private static FigureCell Data(decimal? value, Indicator indicator)
    {
        var rounded = Rounded(value, indicator);
        return new FigureCell(rounded is { } r ? r.ToString("F" + indicator.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "", rounded, false);
    }

    private static decimal? Rounded(decimal? value, Indicator indicator) => value is { } v ? indicator.Round(v) : null;

    private static DirectionCell Shown(Travel? travel)
    {
        if (travel is not { } t)
        {
            return new DirectionCell(Display.Missing, null, "");
        }

        var judgement = Display.Judgement(t);
        return new DirectionCell(Display.Arrow(t), t, Display.Word(t.Direction) + (judgement.Length > 0 ? ", " + judgement : ""));
    }

    private static RagCell Shown(Rag rag) => new(rag == Rag.None ? Display.Missing : Display.Rag(rag), rag);

    private static TrendCell Trend(ScorecardRow row) => new(
        string.Join(" ", row.Trend.Select(t => Display.Value(t, row.Indicator))),
        [.. row.Trend.Select(t => t.Value)],
        string.Create(CultureInfo.InvariantCulture, $"Trend over {row.Trend.Count} quarters"));

    /// <summary>The target with its tolerance: <c>90%+ (82%+)</c>, <c>&lt;375.5</c>, or a dash without a target.</summary>
    private static string Target(ScorecardRow row)
    {
        if (row.Target is null)
        {
            return Display.Missing;
        }

        var (_, amber, green) = Display.Bands(row.Target, row.Indicator);
        return green + (row.Target.Amber is null ? "" : $" ({amber})");
    }
}
