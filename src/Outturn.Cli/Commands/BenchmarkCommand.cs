using System.CommandLine;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Formats.Published;

namespace Outturn.Cli.Commands;

/// <summary>
/// <c>outturn benchmark</c>: an authority's benchmarks computed from the DfE's published statistics: its statistical
/// neighbours, England and its region as published, its quartile band and rank among authorities, and its change
/// from the previous year.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>The environment variable naming the folder of published statistics when --published is not given.</summary>
    public const string PublishedVariable = "OUTTURN_PUBLISHED";

    /// <summary>The file that marks the repository's root folder, whose <c>data/published</c> holds the statistics.</summary>
    private const string RepositoryMarker = "Outturn.slnx";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var la = new Option<string>("--la") { Description = "The local authority: its name, DfE code (372) or ONS code (E08000018).", Required = true };
        var indicator = new Option<string?>("--indicator", "-i") { Description = "The indicator id, e.g. rereferrals-12m." };
        var all = new Option<bool>("--all") { Description = "Every indicator mapped to published statistics." };
        var year = new Option<string?>("--year", "-y") { Description = "The financial year, e.g. 2024-25; the latest published when omitted." };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var average = new Option<string>("--average") { Description = "How the ten neighbours are averaged: mean (as DfE LAIT) or median.", DefaultValueFactory = _ => "mean" };
        average.AcceptOnlyFromAmong("mean", "median");
        var model = new Option<string?>("--sn-model") { Description = "The statistical neighbour model, 2021 or 2025; by default the one in force when the year was published." };
        model.AcceptOnlyFromAmong("2021", "2025");
        var published = new Option<string?>("--published") { Description = $"The folder of DfE published files; default ${PublishedVariable}, else the published folder beside the app, else data/published in the repository." };
        var measures = new Option<string?>("--measures") { Description = "A measure mapping file to use instead of the one shipped (published-measures.csv)." };

        var command = new Command("benchmark", "Benchmark a local authority against its statistical neighbours, its region and England from published statistics.")
        {
            la, indicator, all, year, format, average, model, published, measures,
        };
        command.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var id = parse.GetValue(indicator);
            var isAll = parse.GetValue(all);
            if ((id is null) == !isAll)
            {
                error.WriteLine("Give --indicator ID for one indicator or --all for every mapped indicator.");
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

            var folder = LocatePublished(parse.GetValue(published));
            var data = PublishedData.Open(folder, parse.GetValue(measures) is { } m ? PublishedMeasures.Read(m) : null);
            var method = parse.GetValue(average) == "median" ? NeighbourAverage.Median : NeighbourAverage.Mean;
            var sn = parse.GetValue(model) is { } name ? data.NeighbourModels.Named(name) : null;
            var chosen = isAll ? data.Indicators.ToList() : [data.Indicator(id!)];
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

                results.Add((measure, data.Benchmark(measure, authority, target, method, sn)));
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
                Terminal.For(output).Write(BenchmarkTable.Build(authority, results, missing, chosenYear));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The scorecard input with its benchmark columns filled from the published statistics for our authority, for
    /// every catalogue indicator the mapping covers. Benchmarks already given (the analyst's file) are kept and win
    /// over computed ones for the same indicator and year.
    /// </summary>
    /// <exception cref="LookupException">The authority is not in the published statistics.</exception>
    /// <exception cref="InputException">The published files are missing or hold errors.</exception>
    public static ScorecardInput WithPublishedBenchmarks(ScorecardInput input, string la, string? published)
    {
        var data = PublishedData.Open(LocatePublished(published));
        var mapped = data.Indicators.Where(m => input.IndicatorsById.ContainsKey(m.Id)).ToList();
        if (mapped.Count == 0)
        {
            return input;
        }

        var authority = data.Authority(la, mapped);
        var given = input.Benchmarks.Select(b => (b.IndicatorId.ToUpperInvariant(), b.Year)).ToHashSet();
        var computed = data.ForScorecard(authority, input.Catalogue).Where(b => !given.Contains((b.IndicatorId.ToUpperInvariant(), b.Year)));
        return new ScorecardInput(input.Catalogue, input.Targets, input.Measures, [.. input.Benchmarks, .. computed]);
    }

    /// <summary>
    /// The folder of published statistics: the option; else the environment variable; else the <c>published</c>
    /// folder beside the app (the build copies the repository's <c>data/published</c> there); else
    /// <c>data/published</c> in the repository, the first folder holding <c>Outturn.slnx</c> above the app or the
    /// working directory.
    /// </summary>
    /// <exception cref="InputException">No folder is given or found.</exception>
    public static string LocatePublished(string? option)
    {
        if (option is not null)
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable(PublishedVariable) is { Length: > 0 } variable)
        {
            return variable;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "published");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, RepositoryMarker)))
                {
                    var candidate = Path.Combine(d.FullName, "data", "published");
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }

                    break;
                }
            }
        }

        throw new InputException(new InputError("--published", null, null,
            $"no folder of published statistics was found; give --published DIR or set {PublishedVariable}."));
    }
}
