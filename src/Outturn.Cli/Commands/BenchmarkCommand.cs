using System.CommandLine;
using Outturn.App;
using Outturn.App.Benchmarks;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
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
    public static Command Create(TextWriter output, TextWriter error, OutturnSettings settings)
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
        var published = new Option<string?>("--published") { Description = $"The folder of DfE published files; default ${OutturnCli.PublishedVariable}, else the published folder beside the app, else data/published in the repository." };
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

            var data = Statistics(parse.GetValue(published), settings, parse.GetValue(measures));
            var benchmarks = new PublishedBenchmarks(data);
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
                Terminal.For(output).Write(BenchmarkTable.Build(authority, results, missing, chosenYear));
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The published statistics in the folder given (<c>--published</c>), else the one the settings found.</summary>
    /// <exception cref="InputException">No folder is given or found, or it does not exist.</exception>
    public static PublishedFiles Statistics(string? folder, OutturnSettings settings, string? measures = null) =>
        PublishedFiles.Open(folder ?? settings.PublishedFolder ?? throw new InputException(new InputError("--published", null, null,
            $"no folder of published statistics was found; give --published DIR or set {OutturnCli.PublishedVariable}.")), measures);
}
