using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Store;

namespace Outturn.Web.Pages;

/// <summary>The page shown for a refusal or an error, keeping its status code.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>The page's heading.</summary>
    public string Title { get; private set; } = "Sorry, there is a problem with the service";

    /// <summary>What to do.</summary>
    public string Message { get; private set; } = "Try again later.";

    /// <summary>Shows the page for the status code.</summary>
    public void OnGet(int? code) => Describe(code);

    /// <summary>The same for a refused form post.</summary>
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // The store gone (PostgreSQL restarting, the server unreachable, a SQLite file locked out): nothing was saved
        // half-way, as every write is one transaction, and trying again shortly is the answer.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is DbException or StoreException { InnerException: DbException })
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            (Title, Message) = ("The store cannot be reached", "Outturn could not reach its store just now. Nothing you were doing was saved half-way: try again in a minute.");
            return;
        }

        (Title, Message) = code switch
        {
            403 => ("You do not have access to this page", "Your role does not include it. Ask an admin if you need it."),
            404 => ("Page not found", "Check the address, or go back to the scorecard."),
            400 => ("The form could not be accepted", "It may have expired: go back, reload the page and try again."),
            413 => ("The upload is too large", $"Outturn takes uploads of up to {HttpContext.RequestServices.GetRequiredService<Outturn.Web.Imports.UploadLimit>().Text}. Upload the files in smaller groups: nothing was stored."),
            _ => (Title, Message),
        };
    }
}
