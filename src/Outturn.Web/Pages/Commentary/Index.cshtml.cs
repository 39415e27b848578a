using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Store;
using StoredCommentary = Outturn.Store.Commentary;

namespace Outturn.Web.Pages.Commentary;

/// <summary>One area's commentary being written.</summary>
/// <param name="Area">The service area.</param>
/// <param name="WorkingWell">"What's working well", one point a line.</param>
/// <param name="Challenges">"Areas of challenge and focus", one point a line.</param>
/// <param name="Status"><c>draft</c> or <c>agreed</c>.</param>
/// <param name="By">Who wrote what is held, or null.</param>
public sealed record AreaCommentary(string Area, string WorkingWell, string Challenges, string Status, string? By);

/// <summary>
/// "What's working well" and "Areas of challenge and focus" per service area for a month or quarter, draft or
/// agreed, kept in the store (earlier versions kept, every change audited); agreed commentary goes into the
/// publication of its period.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">Today, for the period when the store holds no figure yet.</param>
public sealed class IndexModel(OutturnStore store, TimeProvider clock) : PageModel
{
    /// <summary>The month or quarter.</summary>
    public Period Period { get; private set; }

    /// <summary>Each area.</summary>
    public IReadOnlyList<AreaCommentary> Areas { get; private set; } = [];

    /// <summary>Whether the last save is confirmed.</summary>
    public bool Saved { get; private set; }

    /// <summary>Shows the commentary for <c>?period=</c> (default the latest quarter).</summary>
    public void OnGet(string? period, bool saved)
    {
        Period = PeriodOf(period);
        Saved = saved;
        var held = store.CommentaryFor(Period);
        Areas = [.. AreaNames().Select(a =>
        {
            var mine = held.Where(c => c.Area == a && c.Indicator is null).ToList();
            var well = mine.FirstOrDefault(c => c.Heading == StoredCommentary.WorkingWell);
            var challenges = mine.FirstOrDefault(c => c.Heading == StoredCommentary.Challenges);
            var status = mine.Count > 0 && mine.Where(c => c.Heading != StoredCommentary.General).All(c => c.Status == "agreed") ? "agreed" : "draft";
            return new AreaCommentary(a, well?.Body ?? "", challenges?.Body ?? "", status, well?.Author ?? challenges?.Author);
        })];
    }

    /// <summary>Saves one area's commentary.</summary>
    public IActionResult OnPost(string? period, string area, string? workingWell, string? challenges, string? status)
    {
        Period = PeriodOf(period);
        if (!AreaNames().Contains(area, StringComparer.Ordinal) || status is not ("draft" or "agreed"))
        {
            return BadRequest();
        }

        static string Lines(string? text) => string.Join("\n", (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        var author = User.Identity!.Name!;
        store.As(author).WriteCommentary(
        [
            new StoredCommentary(Period.ToString(), area, null, StoredCommentary.WorkingWell, Lines(workingWell), status, author),
            new StoredCommentary(Period.ToString(), area, null, StoredCommentary.Challenges, Lines(challenges), status, author),
        ]);
        return Redirect($"/commentary?period={Period}&saved=true#{Anchor(area)}");
    }

    /// <summary>An area's id in the page.</summary>
    public static string Anchor(string area) => "area-" + new string([.. (area ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private Period PeriodOf(string? text)
    {
        if (Period.TryParse(text, out var p) && p.Kind != PeriodKind.Year)
        {
            return p;
        }

        var latest = store.LatestMonth() ?? Month.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return latest == latest.Quarter.LastMonth ? latest.Quarter : latest.Quarter.Previous();
    }

    private IReadOnlyList<string> AreaNames() => [.. store.Catalogue().Select(i => i.Area).Distinct()];
}
