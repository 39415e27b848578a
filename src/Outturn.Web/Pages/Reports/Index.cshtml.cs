using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App;
using Outturn.Domain.Periods;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Store;
using Outturn.Web.Scorecards;

namespace Outturn.Web.Pages.Reports;

/// <summary>The committee reports of the published quarters, as PDF, HTML or XLSX, through the report's writers.</summary>
/// <param name="store">The store.</param>
/// <param name="scorecards">The reports a person may see.</param>
/// <param name="settings">Chromium for PDFs.</param>
public sealed class IndexModel(OutturnStore store, WebScorecards scorecards, OutturnSettings settings) : PageModel
{
    /// <summary>The published quarters, newest first.</summary>
    public IReadOnlyList<Publication> Quarters { get; private set; } = [];

    /// <summary>Whether PDFs can be made (Chromium is installed).</summary>
    public bool CanPrint => settings.Chromium is not null;

    /// <summary>Lists the reports.</summary>
    public void OnGet() => Quarters = [.. store.Publications().Where(p => Period.Parse(p.Period).Kind == PeriodKind.Quarter).Reverse()];

    /// <summary>A published quarter's report: <c>pdf</c>, <c>html</c> or <c>xlsx</c>; 404 for a quarter not published.</summary>
    public IActionResult OnGetDownload(string quarter, string format)
    {
        if (!Quarter.TryParse(quarter, out var q) || store.Publications().All(p => p.Period != q.ToString()) || scorecards.Report(User, q) is not { } report)
        {
            return NotFound();
        }

        var name = $"outturn-report-{q}";
        switch (format)
        {
            case "html":
                return File(System.Text.Encoding.UTF8.GetBytes(ReportHtml.Render(report)), "text/html", name + ".html");
            case "xlsx":
                var stream = new MemoryStream();
                ScorecardXlsx.WriteReport(report, stream);
                return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "pdf" when settings.Chromium is not null:
                return File(Pdf.Print(ReportHtml.Render(report), settings.Chromium), "application/pdf", name + ".pdf");
            default:
                return NotFound();
        }
    }
}
