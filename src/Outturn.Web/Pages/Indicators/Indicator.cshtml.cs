using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.National;
using Outturn.Domain.Scorecards;
using Outturn.Formats.National;
using Outturn.Formats.Reports;
using Outturn.Store;
using Outturn.Web.Scorecards;

namespace Outturn.Web.Pages.Indicators;

/// <summary>
/// One indicator: its definition and source, the monthly series, the committee report's charts (series with target
/// band, process chart with its verdicts, benchmarks), each with a table of the same figures, and its commentary.
/// </summary>
/// <param name="scorecards">The scorecards a person may see.</param>
/// <param name="store">The store, for commentary.</param>
/// <param name="benchmarks">Our authority's published benchmarks.</param>
public sealed class IndicatorModel(WebScorecards scorecards, OutturnStore store, WebBenchmarks benchmarks) : PageModel
{
    /// <summary>The indicator's definition.</summary>
    public NationalIndicator Definition { get; private set; } = null!;

    /// <summary>The indicator's row of the latest scorecard the person may see.</summary>
    public ScorecardRow Row { get; private set; } = null!;

    /// <summary>The report's process control for it (the series as the report shows it, small numbers withheld).</summary>
    public IndicatorSpc? Spc { get; private set; }

    /// <summary>The months shown in the table: the person's view of the monthly series.</summary>
    public IReadOnlyList<PeriodValue> Series { get; private set; } = [];

    /// <summary>The returns it is computed from, in words.</summary>
    public string Sources { get; private set; } = "";

    /// <summary>Commentary on its area and on it, newest first.</summary>
    public IReadOnlyList<(Store.Commentary Commentary, string WrittenAt, bool Current)> History { get; private set; } = [];

    /// <summary>Our authority's benchmarks, or null when no authority is configured or no published statistics are held.</summary>
    public OurBenchmarks? Ours { get; private set; }

    /// <summary>This indicator's published benchmarks, every year; null when it is mapped to no published measure (or <see cref="Ours"/> is null).</summary>
    public WebIndicatorBenchmarks? Published { get; private set; }

    /// <summary>Shows the indicator; 404 when there is no such indicator or nothing the person may see.</summary>
    public IActionResult OnGet(string id)
    {
        if (NationalIndicators.Find(id) is not { } definition || scorecards.Report(User) is not { } report)
        {
            return NotFound();
        }

        Definition = definition;
        Row = report.Scorecard.Rows.First(r => r.Indicator.Id == definition.Id);
        Spc = report.Spc.GetValueOrDefault(definition.Id);
        Series = Spc?.Series ?? [];
        Sources = NationalWriters.Absence(definition.Needs).Replace("no data without ", "", StringComparison.Ordinal);
        Ours = benchmarks.Current();
        Published = Ours?.Indicators.GetValueOrDefault(definition.Id);
        History = [.. store.CommentaryHistory(definition.Indicator.Area).Where(c => c.Commentary.Indicator is null || c.Commentary.Indicator == definition.Id)];
        return Page();
    }
}
