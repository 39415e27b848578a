using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Formats.Scorecards;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli.Commands;

/// <summary>Benchmark blocks for the terminal: a summary per indicator, then each indicator's neighbours.</summary>
internal static class BenchmarkTable
{
    public static IRenderable Build(LocalAuthority authority, IReadOnlyList<(PublishedMeasure Measure, AuthorityBenchmark Benchmark)> results,
        IReadOnlyList<PublishedMeasure> missing, FinancialYear? year, IReadOnlyDictionary<string, PublishedVintage> vintages)
    {
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(authority.ToString())}[/]{Markup.Escape(authority.RegionName is { } region ? ", " + region : "")}: benchmarks from published statistics"),
            Summary(results),
            Vintages(results, vintages),
        };
        if (missing.Count > 0)
        {
            parts.Add(new Text($"Not published for {year}: {string.Join(", ", missing.Select(m => m.Id))}."));
        }

        foreach (var (measure, benchmark) in results)
        {
            parts.Add(Neighbours(measure, benchmark));
            if (benchmark.Neighbours?.Note is { } note)
            {
                parts.Add(new Text($"Note: {note}."));
            }
        }

        parts.Add(new Text(string.Join('\n',
            "SN av.: average of the statistical neighbours with a published number (used/total). Region and England as published.",
            "Top qtr: the value that reaches the best quarter of authorities. Band A is the best quarter by polarity, D the worst;",
            "rank 1 is the best, and tied authorities share the lower rank. Change: from the previous year, judged by polarity.",
            "Markers: c suppressed, z not applicable, x not available, k and low round to zero, u low reliability; - none.")));
        return new Rows(parts);
    }

    /// <summary>
    /// A topic's measures in one table that fits the console: the measure's name wraps, the figures do not; each row
    /// says where its figures come from and how recent they are.
    /// </summary>
    public static IRenderable Topic(LocalAuthority authority, string topic, IReadOnlyList<(PublishedMeasure Measure, AuthorityBenchmark Benchmark)> results,
        IReadOnlyList<PublishedMeasure> missing, FinancialYear? year, IReadOnlyDictionary<string, PublishedVintage> vintages)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Measure")
            .AddColumn(new TableColumn("Year").NoWrap())
            .AddColumn(new TableColumn("Value").RightAligned().NoWrap())
            .AddColumn(new TableColumn("SN av.").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Region").RightAligned().NoWrap())
            .AddColumn(new TableColumn("England").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Band").NoWrap())
            .AddColumn(new TableColumn("Rank").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Source: updated, next").NoWrap());
        foreach (var (measure, b) in results)
        {
            var i = measure.ToIndicator();
            var n = b.Neighbours;
            var v = vintages[measure.Id];
            table.AddRow(
                new Text($"{measure.Name} ({measure.Id})"),
                new Text(Display.YearHeading(b.Year)),
                new Markup($"[bold]{Markup.Escape(Display.Published(b.Value, i))}[/]"),
                new Text(n?.Average is { } av ? $"{Display.Value(av, i)} ({n.Used}/{n.Total})" : Display.Missing),
                new Text(b.Regional is { } r ? Display.Published(r.Value, i) : Display.Missing),
                new Text(Display.Published(b.National, i)),
                Band(measure.Lait is { NoQuartile: true } ? null : b.Standing?.Band),
                new Text(b.Standing is { Rank: { } rank } s ? $"{rank}/{s.Ranked}" : Display.Missing),
                new Text($"{v.Source}: {Short(v.LastUpdate)}, {Short(v.NextUpdate)}"));
        }

        var parts = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(authority.ToString())}[/]{Markup.Escape(authority.RegionName is { } region ? ", " + region : "")}: {Markup.Escape(topic)}, from published statistics"),
            table,
        };
        if (missing.Count > 0)
        {
            parts.Add(new Text($"Not published for {year}: {string.Join(", ", missing.Select(m => m.Id))}."));
        }

        parts.Add(new Text(string.Join('\n',
            "SN av.: mean of the statistical neighbours with a published number (used/total). Region and England as published.",
            "Band A is the best quarter by polarity, D the worst (none where LAIT shows no quartiles); rank 1 is the best.",
            "Source: EES where an EES file holds the measure (LAIT agrees with it), else LAIT; its last and next update.",
            "Markers: c suppressed, z not applicable, x not available, k and low round to zero, u low reliability; - none.")));
        return new Rows(parts);
    }

    /// <summary>An update as a month, <c>2025-10</c> (a date or a month in words), else the words, cut short.</summary>
    private static string Short(string when)
    {
        if (DateOnly.TryParseExact(when, "yyyy-MM-dd", Display.Culture, System.Globalization.DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(when, "MMMM yyyy", Display.Culture, System.Globalization.DateTimeStyles.None, out date))
        {
            return date.ToString("yyyy-MM", Display.Culture);
        }

        return when.Length == 0 ? "?" : when.Length > 12 ? when[..11] + "…" : when;
    }

    private static Table Vintages(IReadOnlyList<(PublishedMeasure Measure, AuthorityBenchmark Benchmark)> results, IReadOnlyDictionary<string, PublishedVintage> vintages)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Vintage")
            .AddColumn("Indicator").AddColumn("Source").AddColumn("File").AddColumn("Updated").AddColumn("Next update");
        foreach (var (measure, _) in results)
        {
            var v = vintages[measure.Id];
            table.AddRow(measure.Id, v.Source, Markup.Escape(v.File), Markup.Escape(Short(v.LastUpdate)), Markup.Escape(Short(v.NextUpdate)));
        }

        return table;
    }

    private static Table Summary(IReadOnlyList<(PublishedMeasure Measure, AuthorityBenchmark Benchmark)> results)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Indicator").NoWrap())
            .AddColumn(new TableColumn("Year").NoWrap())
            .AddColumn("Good")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn(new TableColumn("Change").RightAligned())
            .AddColumn(new TableColumn("SN av.").RightAligned())
            .AddColumn("Best SN")
            .AddColumn(new TableColumn("Region").RightAligned())
            .AddColumn(new TableColumn("England").RightAligned())
            .AddColumn(new TableColumn("Top qtr").RightAligned())
            .AddColumn("Band")
            .AddColumn(new TableColumn("Rank").RightAligned());
        foreach (var (measure, b) in results)
        {
            var i = measure.ToIndicator();
            var n = b.Neighbours;
            table.AddRow(
                new Text(measure.Id),
                new Text(Display.YearHeading(b.Year)),
                new Text(Display.Polarity(measure.Polarity)),
                new Markup($"[bold]{Markup.Escape(Display.Published(b.Value, i))}[/]"),
                Change(b.YearOnYear, i),
                new Text(n?.Average is { } av ? $"{Display.Value(av, i)} ({n.Used}/{n.Total})" : n is null ? Display.Missing : $"- (0/{n.Total})"),
                new Text(n?.Best is { } best ? $"{Display.Published(best.Value, i)} {best.Name}" : Display.Missing),
                new Text(b.Regional is { } r ? Display.Published(r.Value, i) : Display.Missing),
                new Text(Display.Published(b.National, i)),
                new Text(Display.Value(b.Standing?.TopQuartileThreshold, i)),
                Band(b.Standing?.Band),
                new Text(b.Standing is { Rank: { } rank } s ? $"{rank} of {s.Ranked}" : Display.Missing));
        }

        return table;
    }

    private static Table Neighbours(PublishedMeasure measure, AuthorityBenchmark b)
    {
        var i = measure.ToIndicator();
        var table = new Table().Border(TableBorder.Simple)
            .Title($"{measure.Name} ({measure.Id}), {Display.YearHeading(b.Year)}")
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Statistical neighbour")
            .AddColumn("Closeness")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn("Used");
        if (b.Neighbours is not { } n)
        {
            table.Caption($"No statistical neighbour group for {b.Authority}.");
            return table;
        }

        foreach (var (index, f) in n.Figures.Index())
        {
            table.AddRow(
                new Text((index + 1).ToString(Display.Culture)),
                new Text(f.Name + (f.JointReturn is null ? "" : " (joint return)")),
                new Text(f.Closeness ?? ""),
                new Text(Display.Published(f.Value, i)),
                new Text(f.IsUsed ? "yes" : f.Value?.Marker is { } m ? $"no: {m.Meaning()}" : "no: not published"));
        }

        var average = n.Average is { } av ? Display.Value(av, i) : Display.Missing;
        table.Caption($"{Display.Lower(n.Method)} of {n.Used} of {n.Total}: {average}. {n.Model} model" + (n.Note is null ? "." : " (see note)."));
        return table;
    }

    private static Markup Change(YearOnYear change, Indicator indicator)
    {
        if (change.Change is not { } c)
        {
            return new Markup(Display.Missing);
        }

        var judgement = Display.Judgement(change.Travel);
        var text = Markup.Escape((c > 0 ? "+" : "") + Display.Number(c, indicator) + " " + Display.Arrow(change.Travel)
            + (judgement.Length > 0 ? " " + judgement : ""));
        return change.Travel?.Improving switch
        {
            true => new Markup($"[green]{text}[/]"),
            false => new Markup($"[red]{text}[/]"),
            null => new Markup(text),
        };
    }

    private static Markup Band(QuartileBand? band) => band switch
    {
        QuartileBand.A => new Markup("[black on green]A[/]"),
        QuartileBand.D => new Markup("[white on red]D[/]"),
        { } other => new Markup(other.ToString()),
        null => new Markup(Display.Missing),
    };
}
