using System.CommandLine;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;

namespace Outturn.Cli.Commands;

/// <summary>The analyst's four files, or <c>--demo</c> for the seed scorecard shipped with Outturn.</summary>
internal sealed class InputOptions(bool demoIsLa = false)
{
    private readonly Option<string?> _catalogue = new("--catalogue", "-c") { Description = "Indicator catalogue (CSV or XLSX)." };
    private readonly Option<string?> _targets = new("--targets", "-t") { Description = "Targets and tolerances per indicator per year (CSV or XLSX)." };
    private readonly Option<string?> _measures = new("--measures", "-m") { Description = "Monthly or yearly figures (CSV or XLSX)." };
    private readonly Option<string?> _benchmarks = new("--benchmarks", "-b") { Description = "Published benchmarks per indicator per year (CSV or XLSX); optional." };
    private readonly Option<string?> _us = new("--la")
    {
        Description = "Our local authority (name or code): fills the benchmark columns from the published statistics (see outturn benchmark); rows in --benchmarks take precedence. Default: $OUTTURN_LA.",
        DefaultValueFactory = _ => OutturnCli.ConfiguredAuthority(),
    };
    private readonly Option<string?> _published = new("--published") { Description = "The folder of DfE published files for --la (as for outturn benchmark)." };
    private readonly Option<bool> _demo = new("--demo")
    {
        Description = demoIsLa
            ? "Use the synthetic demo LA: national indicators computed from its returns, with the targets in samples/demo-la."
            : "Use the seed scorecard shipped with Outturn (samples/seed-scorecard), 2024/25.",
    };

    /// <summary>
    /// The demo LA as scorecard input: the national catalogue, the 24 months to March 2025 computed from its returns,
    /// and the shipped targets, read through the same checks as an analyst's files.
    /// </summary>
    private static ScorecardInput DemoLa()
    {
        var data = ChildLevelInputs.ReadDemo();
        var results = new List<Domain.National.IndicatorResult>();
        for (var m = new Domain.Periods.Month(2023, 4); m <= new Domain.Periods.Month(2025, 3); m = m.Next())
        {
            results.AddRange(Domain.National.NationalIndicators.ComputeAll(data, m));
        }

        var folder = Directory.CreateTempSubdirectory("outturn-demo-input-");
        try
        {
            var catalogue = Path.Combine(folder.FullName, "catalogue.csv");
            var measures = Path.Combine(folder.FullName, "measures.csv");
            File.WriteAllText(catalogue, Formats.National.NationalWriters.CatalogueCsv(Domain.National.NationalIndicators.Catalogue));
            File.WriteAllText(measures, Formats.National.NationalWriters.MeasuresCsv(results));
            return ScorecardFiles.Read(catalogue, Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv"), measures);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Where the demo files are installed beside the program.</summary>
    public static string DemoFolder => Path.Combine(AppContext.BaseDirectory, "samples", "seed-scorecard");

    public void AddTo(Command command)
    {
        command.Add(_catalogue);
        command.Add(_targets);
        command.Add(_measures);
        command.Add(_benchmarks);
        command.Add(_us);
        command.Add(_published);
        command.Add(_demo);
    }

    public bool IsDemo(ParseResult parse) => parse.GetValue(_demo);

    /// <summary>The options missing for a run without --demo, by name.</summary>
    public IEnumerable<string> Missing(ParseResult parse) =>
        IsDemo(parse) ? [] : new[] { _catalogue, _targets, _measures }.Where(o => parse.GetValue(o) is null).Select(o => o.Name);

    /// <summary>
    /// Reads and checks the files (an <see cref="Formats.InputException"/> lists every error), adding benchmarks
    /// computed from the published statistics for our authority when <c>--la</c> is given.
    /// </summary>
    public ScorecardInput Read(ParseResult parse)
    {
        string? Pick(Option<string?> o, string file) => parse.GetValue(o) ?? (IsDemo(parse) ? Path.Combine(DemoFolder, file) : null);
        var input = demoIsLa && IsDemo(parse)
            ? DemoLa()
            : ScorecardFiles.Read(Pick(_catalogue, "catalogue.csv")!, Pick(_targets, "targets.csv")!, Pick(_measures, "measures.csv")!, Pick(_benchmarks, "benchmarks.csv"));
        return parse.GetValue(_us) is { } la ? BenchmarkCommand.WithPublishedBenchmarks(input, la, parse.GetValue(_published)) : input;
    }
}
