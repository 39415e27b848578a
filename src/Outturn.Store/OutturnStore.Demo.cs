using Outturn.App.Imports;
using Outturn.App.Reports;
using Outturn.App.Scorecards;
using Outturn.Domain.Disclosure;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.Store;

/// <summary>What loading the demo LA did.</summary>
/// <param name="Files">The return files imported.</param>
/// <param name="Import">The import.</param>
/// <param name="Quarter">The quarter drafted and published.</param>
/// <param name="Publication">Its publication.</param>
public sealed record DemoLoad(int Files, ImportResult Import, Quarter Quarter, Publication Publication);

/// <summary>The demo LA, loaded into an empty store.</summary>
public sealed partial class OutturnStore
{
    /// <summary>
    /// Fills an empty store with the demo LA, as the command line's <c>demo load</c> and the web app's first start do:
    /// its returns imported, the targets in <paramref name="targetsFile"/> set, the committee's last quarter drafted
    /// from the data as draft commentary, and that quarter published.
    /// </summary>
    /// <param name="returnsFolder">The demo LA's returns (Outturn.Demo's <c>DemoCache</c>).</param>
    /// <param name="targetsFile">Its targets (<c>samples/demo-la/targets.csv</c>).</param>
    /// <param name="quarter">The quarter to draft and publish.</param>
    /// <param name="progress">Told each step.</param>
    /// <exception cref="StoreException">The store already holds data.</exception>
    public DemoLoad LoadDemo(string returnsFolder, string targetsFile, Quarter quarter, IProgress<ImportStep>? progress = null)
    {
        if (!IsEmpty())
        {
            throw new StoreException($"The store {Target} already holds data: the demo LA is loaded into an empty store only.");
        }

        var files = ReturnFiles.Detect([returnsFolder]);
        var result = Import(files, progress);
        SetTargets(TargetFiles.Read(targetsFile, NationalIndicators.Indicators));
        var drafted = CommitteeReports.Build(Scorecard().Load(), quarter, SuppressionPolicy.Default).Areas;
        WriteCommentary(Commentary.FromNarrative(drafted, quarter, "draft", "Outturn (drafted from the data)"));
        return new DemoLoad(files.Count, result, quarter, Publish(quarter));
    }
}
