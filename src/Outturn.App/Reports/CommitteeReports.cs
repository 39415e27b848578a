using Outturn.Domain.Disclosure;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Domain.Spc;
using Outturn.Formats.Reports;

namespace Outturn.App.Reports;

/// <summary>Builds a <see cref="CommitteeReport"/> from the analyst's input.</summary>
public static class CommitteeReports
{
    /// <summary>Months of history read for statistical process control.</summary>
    public const int SpcMonths = 24;

    /// <summary>
    /// Builds the report for a quarter: the scorecard at its last month (or at <paramref name="asAt"/> when the quarter
    /// is still running), suppressed; SPC on each indicator's monthly series; and the narrative, drafted from the data
    /// where <paramref name="narrative"/> does not give an area; and the performance board's open
    /// <paramref name="actions"/> by area, when there are actions to draw on (null leaves the section out).
    /// </summary>
    public static CommitteeReport Build(ScorecardInput input, Quarter quarter, SuppressionPolicy suppression,
        IReadOnlyList<AreaNarrative>? narrative = null, string title = "Children's services performance report",
        string? authority = null, string? committee = null, IReadOnlyList<ReportAction>? actions = null)
    {
        var month = quarter.LastMonth;
        var published = SmallNumbers.Protect(input, month, suppression, Publications.Quarterly(SpcMonths));
        var shown = published.Scorecard;
        var spc = new Dictionary<string, IndicatorSpc>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in shown.Rows)
        {
            var series = ScorecardCalculator.MonthlySeries(input, row.Indicator, month.AddMonths(1 - SpcMonths), month);
            var points = series.Where(p => p.Value is not null).Select(p => (p.Period, p.Value!.Value)).ToList();
            // A rolling figure's months overlap: it is charted against its target but not judged (IndicatorSpc.RollingReason).
            var chart = row.Indicator.IsRolling ? null : Xmr.Compute(points, row.Indicator.Polarity, row.Target?.Green, unit: row.Indicator.Unit);

            // The chart judges the whole series; what members see of it hides the months withheld.
            spc[row.Indicator.Id] = new IndicatorSpc(row.Indicator, published.Series[row.Indicator.Id], chart);
        }

        var drafted = NarrativeDraft.Draft(shown, spc);
        var areas = drafted.Select(d => narrative?.FirstOrDefault(n => string.Equals(n.Area, d.Area, StringComparison.OrdinalIgnoreCase)) ?? d).ToList();
        return new CommitteeReport
        {
            Title = title,
            Authority = authority,
            Committee = committee,
            Quarter = quarter,
            Scorecard = shown,
            Areas = areas,
            Spc = spc,
            Actions = actions is null ? null
                : [.. areas.SelectMany(a => actions.Where(x => string.Equals(x.Area, a.Area, StringComparison.OrdinalIgnoreCase)).OrderBy(x => x.Due).ThenBy(x => x.Id))],
            Suppression = suppression,
        };
    }

    /// <summary>The officers' edited narrative, for the areas of <paramref name="input"/>'s catalogue.</summary>
    /// <exception cref="Formats.InputException">The file names an area the catalogue does not have, or is not the narrative's layout.</exception>
    public static IReadOnlyList<AreaNarrative> ReadNarrative(string path, ScorecardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return NarrativeMarkdown.Read(path, [.. input.Catalogue.Select(i => i.Area).Distinct()]);
    }
}
