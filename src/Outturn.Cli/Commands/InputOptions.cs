using System.CommandLine;
using Outturn.App;
using Outturn.App.Benchmarks;
using Outturn.App.ChildLevel;
using Outturn.App.Scorecards;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Outturn.Store;

namespace Outturn.Cli.Commands;

/// <summary>
/// The analyst's four files, or <c>--demo</c> for the seed scorecard shipped with Outturn; with neither, the store's
/// figures and targets (<c>--db</c>).
/// </summary>
internal sealed class InputOptions(OutturnSettings settings, bool demoIsLa = false)
{
    private readonly Option<string?> _catalogue = new("--catalogue", "-c") { Description = "Indicator catalogue (CSV or XLSX)." };
    private readonly Option<string?> _targets = new("--targets", "-t") { Description = "Targets and tolerances per indicator per year (CSV or XLSX)." };
    private readonly Option<string?> _measures = new("--measures", "-m") { Description = "Monthly or yearly figures (CSV or XLSX)." };
    private readonly Option<string?> _benchmarks = new("--benchmarks", "-b") { Description = "Published benchmarks per indicator per year (CSV or XLSX); optional." };
    private readonly Option<string?> _us = new("--la")
    {
        Description = "Our local authority (name or code): fills the benchmark columns from the published statistics (see outturn benchmark); rows in --benchmarks take precedence. Default: $OUTTURN_LA.",
        DefaultValueFactory = _ => settings.Authority,
    };
    private readonly Option<string?> _published = new("--published") { Description = "The folder of DfE published files for --la (as for outturn benchmark)." };
    private readonly Option<bool> _demo = new("--demo")
    {
        Description = demoIsLa
            ? "Use the synthetic demo LA: national indicators computed from its returns, with the targets in samples/demo-la."
            : "Use the seed scorecard shipped with Outturn (samples/seed-scorecard), 2024/25.",
    };

    /// <summary>
    /// Where the input comes from: the files given; with <c>--demo</c>, the seed scorecard's files, or for the demo LA
    /// its national indicators over the 24 months to March 2025 with the targets in samples/demo-la.
    /// </summary>
    private IScorecardSource Source(ParseResult parse)
    {
        if (FromStore(parse))
        {
            return _store.Open(parse).Scorecard();
        }

        if (demoIsLa && IsDemo(parse))
        {
            return new NationalScorecardSource(new LoadedChildLevel(ChildLevelInputs.ReadDemo(settings)), new MonthRange(new(2023, 4), new(2025, 3)),
                Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv"));
        }

        string? Pick(Option<string?> o, string file) => parse.GetValue(o) ?? (IsDemo(parse) ? Path.Combine(DemoFolder, file) : null);
        return new ScorecardFileSource(Pick(_catalogue, "catalogue.csv")!, Pick(_targets, "targets.csv")!, Pick(_measures, "measures.csv")!, Pick(_benchmarks, "benchmarks.csv"));
    }

    private readonly StoreOption _store = new(settings);

    /// <summary>Whether the input is the store's: no file given and no --demo.</summary>
    public bool FromStore(ParseResult parse) =>
        !IsDemo(parse) && new[] { _catalogue, _targets, _measures, _benchmarks }.All(o => parse.GetValue(o) is null);

    /// <summary>The store, when the input is the store's; otherwise null.</summary>
    public OutturnStore? Store(ParseResult parse) => FromStore(parse) ? _store.Open(parse) : null;

    /// <summary>The latest month the store has figures for, when the input is the store's.</summary>
    /// <exception cref="StoreException">The store holds no figures yet.</exception>
    public Month? StoreMonth(ParseResult parse) => FromStore(parse) ? _store.Open(parse).RequireLatestMonth() : null;

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
        _store.AddTo(command);
    }

    public bool IsDemo(ParseResult parse) => parse.GetValue(_demo);

    /// <summary>The options missing for a run without --demo, by name.</summary>
    public IEnumerable<string> Missing(ParseResult parse) =>
        IsDemo(parse) || FromStore(parse) ? [] : new[] { _catalogue, _targets, _measures }.Where(o => parse.GetValue(o) is null).Select(o => o.Name);

    /// <summary>
    /// Reads and checks the files (an <see cref="Formats.InputException"/> lists every error), adding benchmarks
    /// computed from the published statistics for our authority when <c>--la</c> is given: those in --published, else
    /// those the store holds, else the folder the settings found.
    /// </summary>
    public ScorecardInput Read(ParseResult parse)
    {
        var input = Source(parse).Load();
        return parse.GetValue(_us) is { } la
            ? new PublishedBenchmarks(BenchmarkCommand.Statistics(parse.GetValue(_published), settings, store: _store.OpenExisting(parse))).WithOurBenchmarks(input, la)
            : input;
    }
}
