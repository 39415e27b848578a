using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App;
using Outturn.Domain.Periods;
using Outturn.Formats.Pdf;
using Outturn.Formats.Scorecards;
using Outturn.Web.Scorecards;

namespace Outturn.Web.Pages;

/// <summary>
/// The scorecard: the month's (or a quarter's or year's last month's) scorecard grouped by service area, as
/// <c>outturn scorecard</c> builds it, filtered by area, RAG and kind; downloads in CSV, XLSX, HTML and PDF through the
/// same writers.
/// </summary>
/// <param name="scorecards">The scorecards a person may see.</param>
/// <param name="settings">Chromium for PDFs.</param>
public sealed class IndexModel(WebScorecards scorecards, OutturnSettings settings) : PageModel
{
    /// <summary>What was asked.</summary>
    public ScorecardQuery Query { get; private set; } = new();

    /// <summary>The scorecard, or null when there is nothing to show.</summary>
    public ScorecardPage? Card { get; private set; }

    /// <summary>The periods to choose from, latest first: each month, quarter and financial year.</summary>
    public IReadOnlyList<(string Value, string Text)> Periods { get; private set; } = [];

    /// <summary>Shows the scorecard.</summary>
    public IActionResult OnGet()
    {
        Query = ScorecardQuery.From(Request.Query);
        Card = scorecards.For(User, Query);
        if (Card is null)
        {
            return Page();
        }

        Periods = PeriodChoices(Card.Latest);
        return Page();
    }

    /// <summary>The scorecard shown, as a file: <c>csv</c>, <c>xlsx</c>, <c>html</c> or <c>pdf</c>.</summary>
    public IActionResult OnGetDownload(string format)
    {
        Query = ScorecardQuery.From(Request.Query);
        if (scorecards.For(User, Query) is not { } card)
        {
            return NotFound();
        }

        var name = $"outturn-scorecard-{card.Month}";
        switch (format)
        {
            case "csv":
                return File(Encoding.UTF8.GetBytes(ScorecardCsv.ToText(card.Scorecard)), "text/csv", name + ".csv");
            case "xlsx":
                var stream = new MemoryStream();
                ScorecardXlsx.Write(card.Scorecard, stream);
                return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "html":
                return File(Encoding.UTF8.GetBytes(ScorecardHtml.Render(card.Scorecard)), "text/html", name + ".html");
            case "pdf" when settings.Chromium is not null:
                return File(Pdf.Print(ScorecardHtml.Render(card.Scorecard), settings.Chromium), "application/pdf", name + ".pdf");
            default:
                return NotFound();
        }
    }

    /// <summary>Each month up to the latest (two financial years back), then quarters and years, latest first.</summary>
    public static IReadOnlyList<(string Value, string Text)> PeriodChoices(Month latest)
    {
        var first = latest.FinancialYear.Previous().FirstMonth;
        var months = new List<Month>();
        for (var m = latest; m >= first; m = m.AddMonths(-1))
        {
            months.Add(m);
        }

        var quarters = months.Select(m => m.Quarter).Distinct().Where(q => q.LastMonth <= latest);
        var years = months.Select(m => m.FinancialYear).Distinct().Where(y => y.LastMonth <= latest);
        return
        [
            .. months.Select(m => (m.ToString(), Display.MonthTitle(m))),
            .. quarters.Select(q => (q.ToString(), $"{Display.PeriodHeading(q)} {Display.YearHeading(q.Year)} (to {Display.MonthTitle(q.LastMonth)})")),
            .. years.Select(y => (y.ToString(), $"{Display.YearHeading(y)} outturn")),
        ];
    }
}
