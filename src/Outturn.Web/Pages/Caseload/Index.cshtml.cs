using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Formats.National;
using Outturn.Store;

namespace Outturn.Web.Pages.Caseload;

/// <summary>One indicator's latest figure for a team, and for each of its workers.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Team">The team's figure.</param>
/// <param name="Workers">Each worker's figure.</param>
public sealed record CaseloadRow(NationalIndicator Indicator, CaseGroup Team, IReadOnlyList<CaseGroup> Workers);

/// <summary>
/// The caseload view (managers and admins): a team chosen, each indicator's latest figure for it and the figures
/// for its workers, naming no child (nothing logged); a worker chosen, the children behind each indicator's latest
/// figure that the worker holds, each list through the store's audited call (the access log written before it is
/// shown), and a CSV of each list, the CLI's <c>outturn children --format csv</c>, written to the access log before
/// its bytes go. Team and worker are posted, so no choice is in an address; no child identifier is in an address,
/// a title or a log's purpose.
/// </summary>
/// <param name="store">The store.</param>
public sealed class IndexModel(OutturnStore store) : PageModel
{
    /// <summary>The latest month, or null when the store holds none.</summary>
    public Month? Month { get; private set; }

    /// <summary>The teams holding cases behind the latest figures.</summary>
    public IReadOnlyList<string> Teams { get; private set; } = [];

    /// <summary>The team chosen, or null.</summary>
    public string? Team { get; private set; }

    /// <summary>The worker chosen, or null.</summary>
    public string? Worker { get; private set; }

    /// <summary>The team's figures, indicator by indicator, when a team is chosen.</summary>
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];

    /// <summary>The team's workers (those named), with how many cases they hold in the latest figures' numerators.</summary>
    public IReadOnlyList<(string Worker, int Indicators, int InNumerators)> Workers { get; private set; } = [];

    /// <summary>The children the chosen worker holds, indicator by indicator (each already in the access log).</summary>
    public IReadOnlyList<IndicatorCases> Lists { get; private set; } = [];

    /// <summary>What is wrong with the choice, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The form to choose a team.</summary>
    public void OnGet() => Load();

    /// <summary>The team's figures by worker, or (a worker chosen) the children the worker holds; 400 for a team or worker not held.</summary>
    public IActionResult OnPost(string? team, string? worker)
    {
        if (!Load() || Choose(team, worker) is { } refused)
        {
            return Refused();
        }

        if (Worker is not null)
        {
            // Who saw which child: each list is written to the store's access log before it is returned.
            var asked = store.As(User.Identity!.Name!);
            Lists = [.. Rows.Where(r => r.Workers.Any(w => Same(w.Name, Worker)))
                .Select(r => asked.Cases(r.Indicator, Month!.Value, new CaseFilter(Team, Worker)))
                .OfType<IndicatorCases>()];
        }

        return Page();
    }

    /// <summary>The CSV of the children a worker holds behind one indicator's latest figure, written to the access log before it is sent.</summary>
    public IActionResult OnPostDownload(string? team, string? worker, string? indicator)
    {
        if (!Load() || Choose(team, worker) is { } || Worker is null || Rows.FirstOrDefault(r => r.Indicator.Id == indicator) is not { } row)
        {
            Problem ??= "Choose a team, a worker and an indicator they hold cases behind.";
            return Refused();
        }

        if (store.As(User.Identity!.Name!).Cases(row.Indicator, Month!.Value, new CaseFilter(Team, Worker)) is not { } shown)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes(NationalWriters.ChildrenCsv(shown)), "text/csv; charset=utf-8", $"children-{row.Indicator.Id}-{Month}.csv");
    }

    private bool Load()
    {
        Month = store.LatestMonth();
        if (Month is not { } month)
        {
            Problem = "The store holds no figures yet.";
            return false;
        }

        Teams = [.. NationalIndicators.All
            .SelectMany(i => store.CasesByHolder(i, month, CaseFilter.All, byTeam: true) ?? [])
            .Select(g => g.Name).Where(n => n != CaseGroup.NotAllocated)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        return true;
    }

    /// <summary>Takes the team and worker chosen; the problem when they are not held.</summary>
    private string? Choose(string? team, string? worker)
    {
        Team = Teams.FirstOrDefault(t => Same(t, team?.Trim()));
        if (Team is null)
        {
            return Problem = "Choose a team from the list.";
        }

        var filter = new CaseFilter(Team);
        Rows = [.. NationalIndicators.All
            .Select(i => (Indicator: i, Team: store.CasesByHolder(i, Month!.Value, filter, byTeam: true)?.FirstOrDefault(g => Same(g.Name, Team))))
            .Where(r => r.Team is not null)
            .Select(r => new CaseloadRow(r.Indicator, r.Team!, store.CasesByHolder(r.Indicator, Month!.Value, filter, byTeam: false) ?? []))];
        Workers = [.. Rows.SelectMany(r => r.Workers).Where(w => w.Name != CaseGroup.NotAllocated)
            .GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Count(), g.Sum(w => w.Numerator)))
            .OrderBy(w => w.Key, StringComparer.OrdinalIgnoreCase)];
        if (!string.IsNullOrWhiteSpace(worker))
        {
            Worker = Workers.Select(w => w.Worker).FirstOrDefault(w => Same(w, worker.Trim()));
            if (Worker is null)
            {
                return Problem = $"Choose a worker of {Team} from the list.";
            }
        }

        return null;
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Lists = [];
        return Page();
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
