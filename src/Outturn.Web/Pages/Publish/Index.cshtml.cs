using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.Periods;
using Outturn.Store;

namespace Outturn.Web.Pages.Publish;

/// <summary>Publishing a month or quarter (frozen as shown, once), and the publications so far.</summary>
/// <param name="store">The store.</param>
public sealed class IndexModel(OutturnStore store) : PageModel
{
    /// <summary>The publications, newest first.</summary>
    public IReadOnlyList<Publication> Publications { get; private set; } = [];

    /// <summary>The period typed, kept on a refusal.</summary>
    public string? PeriodText { get; private set; }

    /// <summary>Why the period cannot be published, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The publication just made, or null.</summary>
    public string? Published { get; private set; }

    /// <summary>Shows the form and the publications.</summary>
    public void OnGet(string? published)
    {
        Published = published;
        Publications = [.. store.Publications().Reverse()];
    }

    /// <summary>Publishes the period, or shows why not (status 400).</summary>
    public IActionResult OnPost(string? period)
    {
        PeriodText = period;
        if (!Period.TryParse(period?.Trim(), out var p) || p.Kind == PeriodKind.Year)
        {
            Error = "Enter a month like 2025-03 or a quarter like 2024-25Q4";
        }
        else
        {
            try
            {
                store.As(User.Identity!.Name!).Publish(p);
                return Redirect($"/publish?published={p}");
            }
            catch (StoreException e)
            {
                Error = e.Message;
            }
        }

        Publications = [.. store.Publications().Reverse()];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
