using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.Indicators;
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
    /// <summary>The indicator: a national one, or a local one from the store's catalogue.</summary>
    public Indicator Indicator { get; private set; } = null!;

    /// <summary>Whether it is a local indicator: ready-made figures, no child list and no national definition.</summary>
    public bool IsLocal { get; private set; }

    /// <summary>The indicator's row of the latest scorecard the person may see.</summary>
    public ScorecardRow Row { get; private set; } = null!;

    /// <summary>The report's process control for it (the series as the report shows it, small numbers withheld).</summary>
    public IndicatorSpc? Spc { get; private set; }

    /// <summary>The months shown in the table: the person's view of the monthly series.</summary>
    public IReadOnlyList<PeriodValue> Series { get; private set; } = [];

    /// <summary>Where its figures come from, in words: the returns it is computed from, or the measures files loaded.</summary>
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
        var national = NationalIndicators.Find(id);
        var indicator = national?.Indicator ?? store.LocalCatalogue().FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (indicator is null || scorecards.Report(User) is not { } report
            || report.Scorecard.Rows.FirstOrDefault(r => r.Indicator.Id == indicator.Id) is not { } row)
        {
            return NotFound();
        }

        Indicator = indicator;
        IsLocal = national is null;
        Row = row;
        Spc = report.Spc.GetValueOrDefault(indicator.Id);
        Series = Spc?.Series ?? [];
        Sources = national is not null
            ? "Computed from " + NationalWriters.Absence(national.Needs).Replace("no data without ", "", StringComparison.Ordinal)
            : "Ready-made figures loaded from the measures files imported (a local indicator: no national definition and no list of children)";
        Ours = benchmarks.Current();
        Published = Ours?.Indicators.GetValueOrDefault(indicator.Id);
        History = [.. store.CommentaryHistory(indicator.Area).Where(c => c.Commentary.Indicator is null || c.Commentary.Indicator == indicator.Id)];
        return Page();
    }
}
