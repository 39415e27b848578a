using System.CommandLine;
using Outturn.App;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Formats.Published;
using Outturn.Formats.Scorecards;
using Outturn.Store;

namespace Outturn.Cli.Commands;

/// <summary>
/// <c>outturn benchmark</c>: an authority's benchmarks computed from the DfE's published statistics: its statistical
/// neighbours, England and its region as published, its quartile band and rank among authorities, and its change
/// from the previous year.
/// </summary>
internal static class BenchmarkCommand
{
    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var la = new Option<string>("--la") { Description = "The local authority: its name, DfE code (372) or ONS code (E08000018).", Required = true };
        var indicator = new Option<string?>("--indicator", "-i") { Description = "The indicator id, e.g. rereferrals-12m." };
        var all = new Option<bool>("--all") { Description = "Every indicator mapped to published statistics." };
        var topic = new Option<string?>("--topic", "-t") { Description = "Every LAIT measure of a topic, e.g. \"Children in Need\" (an EES file's figures where it holds the same measure)." };
        var width = new Option<int?>("--width") { Description = "The width of the table; the console's by default (160 for a file or a pipe)." };
        var year = new Option<string?>("--year", "-y") { Description = "The financial year, e.g. 2024-25; the latest published when omitted." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var average = new Option<string>("--average") { Description = "How the ten neighbours are averaged: mean (as DfE LAIT) or median.", DefaultValueFactory = _ => "mean" };
        average.AcceptOnlyFromAmong("mean", "median");
        var model = new Option<string?>("--sn-model") { Description = "The statistical neighbour model, 2021 or 2025; by default the one in force when the year was published." };
        model.AcceptOnlyFromAmong("2021", "2025");
        var published = new Option<string?>("--published") { Description = $"The folder of DfE published files; default: those the store holds (outturn benchmarks import), else ${OutturnCli.PublishedVariable}, else the published folder beside the app, else data/published in the repository." };
        var measures = new Option<string?>("--measures") { Description = "A measure mapping file to use instead of the one shipped (published-measures.csv)." };

        var command = new Command("benchmark", "Benchmark a local authority against its statistical neighbours, its region and England from published statistics.")
        {
            la, indicator, all, topic, year, format, average, model, published, measures, width,
        };
        command.Add(Measures(output, error, settings));
        var store = new StoreOption(settings);
        store.AddTo(command);
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var id = parse.GetValue(indicator);
            var topicName = parse.GetValue(topic);
            var isAll = parse.GetValue(all) || topicName is not null;
            if (new[] { id is not null, parse.GetValue(all), topicName is not null }.Count(x => x) != 1)
            {
                error.WriteLine("Give --indicator ID for one indicator, --all for every mapped indicator, or --topic NAME for a LAIT topic.");
                return 1;
            }

            FinancialYear? chosenYear = null;
            if (parse.GetValue(year) is { } yearText)
            {
                if (!FinancialYear.TryParse(yearText, out var y))
                {
                    error.WriteLine($"--year '{yearText}' is not a financial year like 2024-25.");
                    return 1;
                }

                chosenYear = y;
            }

            var data = Statistics(parse.GetValue(published), settings, parse.GetValue(measures), store.OpenExisting(parse));
            var benchmarks = new PublishedBenchmarks(data);
            var method = parse.GetValue(average) == "median" ? NeighbourAverage.Median : NeighbourAverage.Mean;
            var sn = parse.GetValue(model) is { } name ? data.NeighbourModels.Named(name) : null;
            var chosen = topicName is not null ? Topic(data, topicName) : isAll ? data.Indicators.ToList() : [data.Indicator(id!)];
            if (chosen.Count == 0)
            {
                var topics = data.Lait.SelectMany(m => m.Lait!.Topics).Distinct().Order(StringComparer.Ordinal);
                error.WriteLine($"No LAIT measure is in the topic '{topicName}'. The topics are: {string.Join(", ", topics)}.");
                return 1;
            }

            data.Prefetch(chosen);
            var authority = data.Authority(parse.GetValue(la)!, chosen);

            var results = new List<(PublishedMeasure, AuthorityBenchmark)>();
            var missing = new List<PublishedMeasure>();
            foreach (var measure in chosen)
            {
                var years = data.Figures(measure).Keys;
                var target = chosenYear ?? years.Max();
                if (isAll && !years.Contains(target))
                {
                    missing.Add(measure);
                    continue;
                }

                results.Add((measure, benchmarks.Benchmark(measure, authority, target, method, sn)));
            }

            if (results.Count == 0)
            {
                error.WriteLine($"No mapped indicator is published for {chosenYear}.");
                return 1;
            }

            if (parse.GetValue(format) == "json")
            {
                output.Write(BenchmarkJson.ToText(results, method, missing));
            }
            else
            {
                var vintages = results.ToDictionary(r => r.Item1.Id, r => data.VintageOf(r.Item1), StringComparer.OrdinalIgnoreCase);
                Terminal.For(output, parse.GetValue(width)).Write(topicName is null
                    ? BenchmarkTable.Build(authority, results, missing, chosenYear, vintages)
                    : BenchmarkTable.Topic(authority, topicName, results, missing, chosenYear, vintages));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The LAIT measures of a topic (ignoring case), each replaced by the EES measure that holds the same figures where
    /// there is one: the EES file is used, and LAIT is checked to agree with it.
    /// </summary>
    private static List<PublishedMeasure> Topic(IPublishedStatistics data, string topic)
    {
        var twins = data.Indicators.Where(m => m.LaitTwin is not null).ToDictionary(m => m.LaitTwin!, StringComparer.Ordinal);
        return [.. data.Lait
            .Where(m => m.Lait!.Topics.Any(t => t.Equals(topic.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(m => twins.GetValueOrDefault(m.Lait!.ShortName) ?? m)];
    }

    /// <summary><c>outturn benchmark measures --search TEXT</c>: the published measures a scorecard row can be mapped to.</summary>
    private static Command Measures(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var search = new Option<string?>("--search", "-s") { Description = "Words the measure's id, name or topic contains, e.g. \"section 47\"." };
        var published = new Option<string?>("--published") { Description = "The folder of DfE published files (as for benchmark)." };
        var command = new Command("measures", "The published measures (EES files and LAIT) a catalogue row can name in its benchmark_measure column.") { search, published };
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var data = Statistics(parse.GetValue(published), settings);
            var words = (parse.GetValue(search) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            bool Matches(PublishedMeasure m) => words.All(w =>
                m.Id.Contains(w, StringComparison.OrdinalIgnoreCase) || m.Name.Contains(w, StringComparison.OrdinalIgnoreCase)
                || (m.Lait?.Topics.Any(t => t.Contains(w, StringComparison.OrdinalIgnoreCase)) ?? false));
            var found = data.Indicators.Concat(data.Lait).Where(Matches).ToList();
            if (found.Count == 0)
            {
                error.WriteLine($"No published measure matches '{string.Join(' ', words)}'.");
                return 1;
            }

            foreach (var m in found)
            {
                var v = data.VintageOf(m);
                var topicText = m.Lait is { } l ? string.Join("; ", l.Topics) : "EES" + (m.LaitTwin is { } t ? $", same as lait:{t}" : "");
                output.WriteLine($"{m.Id}\t{m.Name}\t{topicText}\t{Display.Lower(m.Polarity)} is good\t{Display.Lower(m.Unit)}, {m.Decimals} dp\tupdated {Or(v.LastUpdate)}, next {Or(v.NextUpdate)}");
            }

            return 0;
        }));
        return command;
    }

    private static string Or(string text) => text.Length == 0 ? "not known" : text;

    /// <summary>
    /// The published statistics in the folder given (<c>--published</c>); else those the store holds, when it holds
    /// any (<c>outturn benchmarks import</c>); else the folder the settings found.
    /// </summary>
    /// <exception cref="InputException">No folder is given or found, or it does not exist.</exception>
    public static IPublishedStatistics Statistics(string? folder, OutturnSettings settings, string? measures = null, OutturnStore? store = null)
    {
        if (folder is null && store is not null && store.HoldsBenchmarks())
        {
            return StorePublishedStatistics.Open(store, measures);
        }

        return PublishedFiles.Open(folder ?? PublishedFolder(settings), measures);
    }

    /// <summary>The folder of published statistics the settings found.</summary>
    /// <exception cref="InputException">There is none.</exception>
    private static string PublishedFolder(OutturnSettings settings) =>
        settings.PublishedFolder ?? throw new InputException(new InputError("--published", null, null,
            $"no folder of published statistics was found; give --published DIR or set {OutturnCli.PublishedVariable}."));

    /// <summary><c>outturn benchmarks import FOLDER</c>: published statistics into the store, with the release of each.</summary>
    public static Command CreateStored(TextWriter output, TextWriter error, OutturnSettings settings)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = $"The folder of DfE published files (EES CSV files and the two statistical neighbour groupings); default ${OutturnCli.PublishedVariable}, else the published folder beside the app, else data/published in the repository.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var measures = new Option<string?>("--measures") { Description = "A measure mapping file to use instead of the one shipped (published-measures.csv)." };
        var store = new StoreOption(settings);
        var import = new Command("import", "Import published statistics into the store: each mapped measure's figures per authority per year, with the release they came from. The same release again changes nothing; a newer one supersedes, and the old is kept.")
        {
            folder, measures,
        };
        store.AddTo(import);
        import.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var db = store.Open(parse);
            var result = StoreCommands.WithProgress(error, progress => db.ImportBenchmarks(parse.GetValue(folder) ?? PublishedFolder(settings), parse.GetValue(measures), progress));
            Report(result, db.Target, output);
            return 0;
        }));

        var listStore = new StoreOption(settings);
        var list = new Command("list", "The published statistics the store holds: each measure's release, file and who imported it when.");
        listStore.AddTo(list);
        list.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var db = listStore.Open(parse);
            var held = db.BenchmarkMeasures();
            if (held.Count == 0)
            {
                output.WriteLine("The store holds no published statistics: import them with outturn benchmarks import FOLDER.");
                return 0;
            }

            foreach (var measure in PublishedMeasures.Shipped().Where(x => held.Contains(x.Id)))
            {
                var r = db.BenchmarkReleaseOf(measure.Id)!;
                output.WriteLine($"{measure.Id}: {r.Release} ({r.FileName}, sha256 {r.Sha256[..12]}, imported {r.ImportedAt} by {r.ImportedBy})");
            }

            return 0;
        }));
        return new Command("benchmarks", "Published statistics kept in the store, with the release each came from; benchmark, scorecard --la and report --la read them when no --published is given.") { import, list };
    }

    /// <summary>What became of each measure, then in one line what changed.</summary>
    public static void Report(BenchmarkImport result, StoreTarget target, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var m in result.Measures)
        {
            var figures = m.Figures.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine(m.Outcome switch
            {
                BenchmarkOutcome.New => $"  new          {m.Measure}: {figures} figures from {m.Release.FileName} ({m.Release.Release})",
                BenchmarkOutcome.Superseding => $"  superseding  {m.Measure}: {figures} figures from {m.Release.FileName} ({m.Release.Release}), replacing {m.Superseded!.FileName}, which is kept",
                _ => $"  unchanged    {m.Measure}: {m.Release.FileName} was imported {m.Release.ImportedAt} by {m.Release.ImportedBy}",
            });
        }

        if (result.Lait.Count > 0)
        {
            var table = result.Lait[0];
            output.WriteLine($"  {(result.LaitNew ? "new" : "unchanged"),-12} LAIT: {result.LaitMeasures.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} measures with figures in {table.FileName} ({table.Release}), with {result.Lait[1].FileName}");
        }

        output.WriteLine(result.Unchanged
            ? $"Nothing changed in {target}: every release was already imported."
            : $"Imported the published statistics into {target}: {result.Measures.Count(m => m.Outcome == BenchmarkOutcome.New)} measure(s) new, {result.Measures.Count(m => m.Outcome == BenchmarkOutcome.Superseding)} superseding, {result.Measures.Count(m => m.Outcome == BenchmarkOutcome.Unchanged)} unchanged, with the statistical neighbour groupings{(result.Lait.Count > 0 ? " and LAIT's table" : "")}.");
    }
}
