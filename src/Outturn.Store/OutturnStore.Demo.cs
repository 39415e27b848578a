using Outturn.App.Imports;
using Outturn.App.Reports;
using Outturn.App.Scorecards;
using Outturn.Domain.Disclosure;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Store;

/// <summary>What loading the demo LA did.</summary>
/// <param name="Files">The return files imported.</param>
/// <param name="Import">The import.</param>
/// <param name="Quarter">The quarter drafted and published.</param>
/// <param name="Publication">Its publication.</param>
/// <param name="Actions">The performance board's actions raised.</param>
/// <param name="Benchmarks">The published statistics imported, or null when no folder was given.</param>
public sealed record DemoLoad(int Files, ImportResult Import, Quarter Quarter, Publication Publication, IReadOnlyList<BoardAction> Actions, BenchmarkImport? Benchmarks);

/// <summary>The demo LA, loaded into an empty store.</summary>
public sealed partial class OutturnStore
{
    /// <summary>
    /// Fills an empty store with the demo LA, as the command line's <c>demo load</c> and the web app's first start do:
    /// its returns imported, the targets in <paramref name="targetsFile"/> set, the committee's last quarter drafted
    /// from the data as draft commentary, the performance board's actions on its red indicators
    /// (<see cref="DemoActions"/>), the published statistics in <paramref name="publishedFolder"/> (the shipped
    /// <c>data/published</c>) imported, and that quarter published.
    /// </summary>
    /// <param name="returnsFolder">The demo LA's returns (Outturn.Demo's <c>DemoCache</c>).</param>
    /// <param name="targetsFile">Its targets (<c>samples/demo-la/targets.csv</c>).</param>
    /// <param name="quarter">The quarter to draft and publish.</param>
    /// <param name="progress">Told each step.</param>
    /// <param name="publishedFolder">The published statistics to import; none when null.</param>
    /// <exception cref="StoreException">The store already holds data.</exception>
    public DemoLoad LoadDemo(string returnsFolder, string targetsFile, Quarter quarter, IProgress<ImportStep>? progress = null, string? publishedFolder = null)
    {
        if (!IsEmpty())
        {
            throw new StoreException($"The store {Target} already holds data: the demo LA is loaded into an empty store only.");
        }

        var files = ReturnFiles.Detect([returnsFolder]);
        var result = Import(files, progress);
        SetTargets(TargetFiles.Read(targetsFile, NationalIndicators.Indicators));
        var drafted = CommitteeReports.Build(Scorecard().Load(), quarter, SuppressionPolicy.Default);
        WriteCommentary(Commentary.FromNarrative(drafted.Areas, quarter, "draft", "Outturn (drafted from the data)"));
        var actions = AddDemoActions(drafted.Scorecard);
        var benchmarks = publishedFolder is null ? null : ImportBenchmarks(publishedFolder, progress: progress);
        return new DemoLoad(files.Count, result, quarter, Publish(quarter), actions, benchmarks);
    }

    /// <summary>Who owns an action in each service area of the catalogue, as a role.</summary>
    private static readonly IReadOnlyDictionary<string, string> DemoOwners = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Children's social care"] = "Head of Service, Safeguarding",
        ["Children looked after"] = "Head of Service, Children in Care",
        ["Care leavers"] = "Head of Service, Leaving Care",
        ["Special educational needs"] = "Head of SEND",
        ["Workforce"] = "Principal Social Worker",
    };

    /// <summary>
    /// The performance board's actions for the demo LA: one on each of up to four indicators furthest from target at
    /// the scorecard's month (red first, then amber, in catalogue order), owned by the area's head of service, due in
    /// 2025. The first is in progress and overdue at the end of March 2025, the second done, the others open.
    /// </summary>
    public static IReadOnlyList<NewAction> DemoActions(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var focus = scorecard.Rows.Where(r => r.RagYear == Rag.Red).Concat(scorecard.Rows.Where(r => r.RagYear == Rag.Amber)).Take(4).ToList();
        (DateOnly Due, string Status, string Notes)[] plans =
        [
            (new(2025, 2, 28), ActionStatus.InProgress, "Monthly tracking by team began in January; not yet back within tolerance."),
            (new(2025, 3, 31), ActionStatus.Open, ""),
            (new(2025, 6, 30), ActionStatus.Open, ""),
            (new(2025, 9, 30), ActionStatus.Open, "To report to the board in July."),
        ];
        return [.. focus.Select((row, i) => new NewAction(
            $"Recovery plan: {char.ToLowerInvariant(row.Indicator.Name[0])}{row.Indicator.Name[1..]}",
            [row.Indicator.Id],
            DemoOwners.GetValueOrDefault(row.Indicator.Area, "Director of Children's Services"),
            plans[i].Due,
            plans[i].Notes,
            plans[i].Status))];
    }

    private IReadOnlyList<BoardAction> AddDemoActions(Scorecard scorecard)
    {
        var added = AddActions(DemoActions(scorecard));
        return added.Count < 2 ? added
            : [added[0], UpdateAction(added[1].Id, new ActionChange(ActionStatus.Done, "Case audit completed and reported to the board in March.")), .. added.Skip(2)];
    }
}
