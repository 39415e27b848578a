using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App.National;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.National;
using Outturn.Store;

namespace Outturn.Web.Pages.Indicators;

/// <summary>
/// The children behind an indicator's latest figure, with the figure for each team and worker (managers and admins
/// only). The list is written to the store's access log before the page is rendered; no child's id is in the address,
/// the title or the log's purpose. Filters: team, worker, and the cases that count against the figure.
/// </summary>
/// <param name="store">The store.</param>
public sealed class ChildrenModel(OutturnStore store) : PageModel
{
    /// <summary>The indicator.</summary>
    public Indicator Indicator { get; private set; } = null!;

    /// <summary>The month.</summary>
    public Month Month { get; private set; }

    /// <summary>The filter applied.</summary>
    public CaseFilter Filter { get; private set; } = CaseFilter.All;

    /// <summary>The figure for each team.</summary>
    public IReadOnlyList<CaseGroup> Teams { get; private set; } = [];

    /// <summary>The figure for each worker.</summary>
    public IReadOnlyList<CaseGroup> Workers { get; private set; } = [];

    /// <summary>The cases shown (already in the access log).</summary>
    public IndicatorCases? Shown { get; private set; }

    /// <summary>Why nothing can be shown, or null.</summary>
    public string? Absent { get; private set; }

    /// <summary>Shows the lists; 404 for an unknown indicator.</summary>
    public IActionResult OnGet(string id, string? team, string? worker, bool concern)
    {
        if (NationalIndicators.Find(id) is not { } definition || store.LatestMonth() is not { } month)
        {
            return NotFound();
        }

        Indicator = definition.Indicator;
        Month = month;
        static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        Filter = new CaseFilter(Text(team), Text(worker), Concern: concern && Indicator.Polarity != Polarity.None);
        var asked = store.As(User.Identity!.Name!);
        if (asked.AbsentFigures().FirstOrDefault(a => a.Indicator.Id == definition.Id) is { } absent)
        {
            Absent = $"{Indicator.Name} has {NationalWriters.Absence(absent.Missing)}.";
            return Page();
        }

        // By team and worker no child is named; the children shown are in the store's access log before anything is
        // rendered (when it cannot be written, nothing is shown).
        if (asked.CasesWithHolders(definition, month, Filter) is not { } cases)
        {
            Absent = $"{Indicator.Name} has no figure for {month}.";
            return Page();
        }

        (Shown, Teams, Workers) = cases;
        return Page();
    }
}
