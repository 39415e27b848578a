using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Store;

namespace Outturn.Web.Pages.Targets;

/// <summary>A target being edited: the indicator, and the green and amber thresholds as typed.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Green">Green from (high) or below (low), as typed.</param>
/// <param name="Amber">Amber, as typed; empty for two bands.</param>
/// <param name="SetBy">Who set the one held, and when; null when none is held.</param>
public sealed record TargetRow(Indicator Indicator, string Green, string Amber, string? SetBy);

/// <summary>
/// The year's targets and tolerances, edited in the browser: each changed one is set through
/// <see cref="OutturnStore.SetTargets"/> (the earlier kept, the change in the audit trail); a bad figure refuses the
/// whole form, naming each field.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="clock">Today, for the year when the store holds no figure yet.</param>
public sealed class IndexModel(OutturnStore store, TimeProvider clock) : PageModel
{
    /// <summary>The financial year.</summary>
    public FinancialYear Year { get; private set; }

    /// <summary>The rated indicators with their targets.</summary>
    public IReadOnlyList<TargetRow> Rows { get; private set; } = [];

    /// <summary>Each problem: the field's id and what is wrong.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    /// <summary>How many targets the last save changed, or null.</summary>
    public int? Saved { get; private set; }

    /// <summary>Shows the year's targets (<c>?year=2024-25</c>; default the latest month's year).</summary>
    public void OnGet(string? year, int? saved)
    {
        Year = YearOf(year);
        Saved = saved;
        var held = Held();
        Rows = [.. Rated().Select(i => held.TryGetValue(i.Id, out var t)
            ? new TargetRow(i, Text(t.Target.Thresholds.Green), t.Target.Thresholds.Amber is { } a ? Text(a) : "", $"{t.SetBy}, {t.SetAt}")
            : new TargetRow(i, "", "", null))];
    }

    /// <summary>Saves the changed targets, or shows every problem (status 400).</summary>
    public IActionResult OnPost(string? year)
    {
        Year = YearOf(year);
        var held = Held();
        var rows = new List<TargetRow>();
        var errors = new List<(string, string)>();
        var changed = new List<Target>();
        foreach (var i in Rated())
        {
            var green = (string?)Request.Form[$"green-{i.Id}"] ?? "";
            var amber = (string?)Request.Form[$"amber-{i.Id}"] ?? "";
            held.TryGetValue(i.Id, out var was);
            rows.Add(new TargetRow(i, green, amber, was.Target is null ? null : $"{was.SetBy}, {was.SetAt}"));
            if (green.Trim().Length == 0 && amber.Trim().Length == 0)
            {
                continue;
            }

            if (!decimal.TryParse(green, NumberStyles.Number, CultureInfo.InvariantCulture, out var g))
            {
                errors.Add(($"green-{i.Id}", $"Enter the green threshold for {i.Name} as a number, like 90"));
                continue;
            }

            decimal? a = null;
            if (amber.Trim().Length > 0)
            {
                if (!decimal.TryParse(amber, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    errors.Add(($"amber-{i.Id}", $"Enter the amber threshold for {i.Name} as a number, like 82, or leave it empty"));
                    continue;
                }

                a = parsed;
            }

            if (Thresholds.Check(i.Polarity, g, a, i.Id) is { } problem)
            {
                errors.Add(($"{problem.Field}-{i.Id}", problem.Message));
                continue;
            }

            var thresholds = new Thresholds(i.Polarity, g, a);
            if (was.Target?.Thresholds != thresholds)
            {
                changed.Add(new Target(i.Id, Year, thresholds));
            }
        }

        if (errors.Count > 0)
        {
            Rows = rows;
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (changed.Count > 0)
        {
            store.As(User.Identity!.Name!).SetTargets(changed);
        }

        return Redirect($"/targets?year={Year}&saved={changed.Count}");
    }

    private FinancialYear YearOf(string? text) =>
        FinancialYear.TryParse(text, out var y) ? y : (store.LatestMonth() ?? Month.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))).FinancialYear;

    private Dictionary<string, (Target Target, string SetBy, string SetAt)> Held() =>
        store.Targets().Where(t => t.Target.Year == Year).ToDictionary(t => t.Target.IndicatorId, StringComparer.Ordinal);

    private IEnumerable<Indicator> Rated() => store.Catalogue().Where(i => i.Polarity != Polarity.None);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
