using System.Globalization;
using System.Text;
using Markdig;
using Outturn.Domain.Indicators;
using Outturn.Domain.Spc;
using Outturn.Formats.Charts;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Reports;

/// <summary>
/// The committee report as one self-contained HTML page, laid out for reading on screen and for printing to A4
/// landscape (tables never split a row across pages; headers repeat): cover, summary, scorecard, a section per
/// service area with its narrative and charts, and notes on method.
/// </summary>
public static class ReportHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Renders the report.</summary>
    public static string Render(CommitteeReport report)
    {
        var q = report.Quarter;
        var period = $"Quarter {q.Number} {Display.YearHeading(q.Year)} ({q.FirstMonth.FirstDay.ToString("MMMM", Display.Culture)} to {Display.MonthTitle(q.LastMonth)})";
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>{E(report.Title)} – {E(period)}</title>\n");
        h.Append("<style>\n").Append(ScorecardHtml.Css).Append(Css).Append("</style>\n</head>\n<body>\n");

        h.Append("<section class=\"cover\">\n");
        if (report.Authority is { } la)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p class=\"authority\">{E(la)}</p>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<h1>{E(report.Title)}</h1>\n<p class=\"period\">{E(period)}</p>\n");
        if (report.Committee is { } committee)
        {
            h.Append(CultureInfo.InvariantCulture, $"<p>Report to {E(committee)}</p>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<p class=\"as-at\">Figures as at the end of {E(Display.MonthTitle(report.Scorecard.Month))}. Small numbers are withheld (shown as “c”).</p>\n</section>\n");

        Summary(h, report);

        h.Append("<section class=\"scorecard-section\">\n<h2>Scorecard</h2>\n");
        ScorecardHtml.AppendTable(h, ScorecardView.Build(report.Scorecard, ScorecardLayout.Full, SpcColumns(report)));
        ScorecardHtml.AppendKey(h);
        h.Append("</section>\n");

        foreach (var area in report.Areas)
        {
            Area(h, report, area);
        }

        Actions(h, report);
        Notes(h, report);
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The report's columns beside the RAG: each indicator's variation and assurance verdicts.</summary>
    public static IReadOnlyList<ExtraColumn> SpcColumns(CommitteeReport report) =>
    [
        new("Variation", row => report.Spc.GetValueOrDefault(row.Indicator.Id)?.VariationLabel ?? VariationText(null)),
        new("Assurance", row => AssuranceText(report.Spc.GetValueOrDefault(row.Indicator.Id)?.Chart)),
    ];

    /// <summary>The variation verdict in words, e.g. "Special cause: improving"; "Too few points" without a chart.</summary>
    public static string VariationText(XmrChart? chart) => chart?.Variation switch
    {
        null => "Too few points",
        VariationVerdict.CommonCause => "Common cause",
        VariationVerdict.SpecialCauseImproving => "Special cause: improving",
        VariationVerdict.SpecialCauseConcerning => "Special cause: concern",
        VariationVerdict.SpecialCauseHigh => "Special cause: high",
        _ => "Special cause: low",
    };

    /// <summary>The assurance verdict in words.</summary>
    public static string AssuranceText(XmrChart? chart) => chart?.Assurance switch
    {
        AssuranceVerdict.ReliablyMet => "Reliably met",
        AssuranceVerdict.HitAndMiss => "Hit and miss",
        AssuranceVerdict.ReliablyMissed => "Reliably missed",
        _ => "-",
    };

    private static void Summary(StringBuilder h, CommitteeReport report)
    {
        var counts = report.RagCounts;
        var (improved, level, worse) = report.YearOnYear;
        h.Append("<section class=\"summary\">\n<h2>Summary</h2>\n<table class=\"rag-summary\">\n<thead><tr><th scope=\"col\">Year to date</th><th scope=\"col\">Indicators</th></tr></thead>\n<tbody>\n");
        foreach (var (rag, label) in new[] { (Rag.Green, "Green: at or better than target"), (Rag.Amber, "Amber: within tolerance"), (Rag.Red, "Red: outside tolerance"), (Rag.None, "Not rated: no target or activity") })
        {
            var css = rag == Rag.None ? "" : $" class=\"rag rag-{rag.ToString().ToLowerInvariant()}\"";
            h.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"{css}>{E(label)}</th><td>{counts[rag]}</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p>Against last year, {improved} {Plural(improved, "indicator has", "indicators have")} improved, {worse} {Plural(worse, "has", "have")} deteriorated and {level} {Plural(level, "is", "are")} unchanged.</p>\n</section>\n");
    }

    private static void Area(StringBuilder h, CommitteeReport report, AreaNarrative area)
    {
        h.Append(CultureInfo.InvariantCulture, $"<section class=\"area-section\">\n<h2>{E(area.Area)}</h2>\n");
        Bullets(h, NarrativeMarkdown.WorkingWellHeading, area.WorkingWell);
        Bullets(h, NarrativeMarkdown.ChallengesHeading, area.Challenges);
        if (area.Commentary.Length > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h3>{E(NarrativeMarkdown.CommentaryHeading)}</h3>\n").Append(Markdig.Markdown.ToHtml(area.Commentary, Markdown));
        }

        foreach (var row in report.Scorecard.Rows.Where(r => r.Indicator.Area == area.Area))
        {
            var spc = report.Spc.GetValueOrDefault(row.Indicator.Id);
            h.Append(CultureInfo.InvariantCulture, $"<figure class=\"indicator\" id=\"chart-{E(row.Indicator.Id)}\">\n<figcaption>{E(row.Indicator.Name)}</figcaption>\n");
            h.Append(Charts(spc, row));
            if (spc?.Chart is { } chart)
            {
                var i = row.Indicator;
                h.Append(CultureInfo.InvariantCulture,
                    $"<p class=\"spc\">{E(VariationText(chart))}. {E(AssuranceText(chart) == "-" ? "No target to assure." : "Assurance: " + AssuranceText(chart).ToLowerInvariant() + ".")} Mean {E(Display.Value(chart.Mean, i))}, process limits {E(Display.Value(chart.LowerLimit, i))} to {E(Display.Value(chart.UpperLimit, i))} over {chart.Points.Count} months{(chart.IsReliable ? "" : " (too few months for reliable limits)")}.</p>\n");
            }
            else if (spc?.NoChart is { } why)
            {
                h.Append(CultureInfo.InvariantCulture, $"<p class=\"spc\">{E(why)}</p>\n");
            }

            h.Append("</figure>\n");
        }

        h.Append("</section>\n");
    }

    /// <summary>The charts for one indicator: the monthly series against target, its process chart, and how it compares.</summary>
    private static string Charts(IndicatorSpc? spc, Domain.Scorecards.ScorecardRow row)
    {
        var charts = new StringBuilder();
        if (spc is not null)
        {
            charts.Append(SeriesChart.Svg(spc.Series, spc.Indicator, row.Target)).Append('\n');
            charts.Append(XmrChartSvg.Svg(spc)).Append('\n');
        }

        if (row.Benchmarks is { } b)
        {
            var i = row.Indicator;
            charts.Append(BenchmarkBars.Svg(
            [
                ($"Us, {Display.PeriodHeading(row.Year.Period)}", row.Year.Suppressed ? null : row.Year.Value, true),
                ("Stat neighbour average", b.StatNeighbourAverage, false),
                ("Best stat neighbour", b.BestStatNeighbour, false),
                ("Regional average", b.Regional, false),
            ], i, b.National, b.TopQuartile)).Append('\n');
        }

        return charts.ToString();
    }

    private static void Bullets(StringBuilder h, string heading, IReadOnlyList<string> bullets)
    {
        h.Append(CultureInfo.InvariantCulture, $"<h3>{E(heading)}</h3>\n");
        if (bullets.Count == 0)
        {
            h.Append("<p class=\"none\">None this quarter.</p>\n");
            return;
        }

        h.Append("<ul>\n");
        foreach (var b in bullets)
        {
            var html = Markdig.Markdown.ToHtml(b, Markdown).Trim();
            if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal))
            {
                html = html[3..^4];
            }

            h.Append("<li>").Append(html).Append("</li>\n");
        }

        h.Append("</ul>\n");
    }

    /// <summary>The heading of the report's section of actions.</summary>
    public const string ActionsHeading = "Actions from the performance board";

    /// <summary>The columns of the report's table of actions, in the HTML and the workbook.</summary>
    public static readonly IReadOnlyList<string> ActionColumns = ["No.", "Area of focus", "Indicators", "Owner", "Due", "Status", "Notes"];

    /// <summary>The open actions, a table per service area that has any; overdue ones said so in words.</summary>
    private static void Actions(StringBuilder h, CommitteeReport report)
    {
        if (report.Actions is not { } actions)
        {
            return;
        }

        h.Append(CultureInfo.InvariantCulture, $"<section class=\"actions-section\">\n<h2>{E(ActionsHeading)}</h2>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p>The actions still open at the end of {E(Display.MonthTitle(report.Quarter.LastMonth))}, by service area; an action on indicators of two areas is listed under each.</p>\n");
        if (actions.Count == 0)
        {
            h.Append("<p class=\"none\">No open actions.</p>\n</section>\n");
            return;
        }

        foreach (var area in actions.GroupBy(a => a.Area))
        {
            h.Append(CultureInfo.InvariantCulture, $"<h3>{E(area.Key)}</h3>\n<table class=\"actions\">\n<thead><tr>");
            foreach (var column in ActionColumns)
            {
                h.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(column)}</th>");
            }

            h.Append("</tr></thead>\n<tbody>\n");
            foreach (var a in area)
            {
                var css = a.Overdue ? " class=\"overdue\"" : "";
                h.Append(CultureInfo.InvariantCulture,
                    $"<tr{css}><td>{a.Id}</td><td>{E(a.AreaOfFocus)}</td><td>{E(string.Join("; ", a.Indicators))}</td><td>{E(a.Owner)}</td><td>{E(DueText(a.Due))}</td><td>{E(a.StatusText)}</td><td>{E(a.Notes)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        h.Append("</section>\n");
    }

    /// <summary>A due date as the report writes it: 30 June 2025.</summary>
    public static string DueText(DateOnly due) => due.ToString("d MMMM yyyy", Display.Culture);

    private static void Notes(StringBuilder h, CommitteeReport report)
    {
        h.Append("<section class=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
        h.Append(CultureInfo.InvariantCulture, $"<li>{E(Display.SuppressionNote(report.Suppression.Threshold))}</li>\n");
        h.Append("<li>RAG: green at or better than target, amber within tolerance, red beyond it, judged on the figure as shown. Direction of travel compares the month with the month before, and the year to date with last year's outturn.</li>\n");
        h.Append("<li>Variation and assurance follow the NHS “Making Data Count” approach: an XmR chart of up to 24 months, with special cause shown by a point beyond the process limits, a run of 7 points on one side of the mean, 7 points rising or falling, or 2 of 3 points near a limit. Assurance says whether the target lies beyond the limits (reliably met or missed) or between them (hit and miss).</li>\n");
        h.Append("</ul>\n<h3>Definitions</h3>\n<dl>\n");
        foreach (var i in report.Scorecard.Rows.Select(r => r.Indicator))
        {
            h.Append(CultureInfo.InvariantCulture, $"<dt>{E(i.Name)}</dt><dd>{E(i.Definition.Length > 0 ? i.Definition : "No definition given.")} Good performance is {E(Display.Polarity(i.Polarity))}.</dd>\n");
        }

        h.Append("</dl>\n</section>\n");
    }

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;

    private static string E(string text) => ScorecardHtml.E(text);

    private const string Css = """
        .cover { margin-bottom: 2rem; }
        .cover h1 { font-size: 2rem; }
        .authority { font-size: 1.1rem; font-weight: 700; margin: 0; }
        .period { font-size: 1.2rem; margin: .25rem 0; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #1d2d44; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
        table.rag-summary { border-collapse: collapse; }
        .rag-summary th, .rag-summary td { border: 1px solid #b1b4b6; padding: .3rem .6rem; text-align: left; }
        .rag-summary td { text-align: right; min-width: 3rem; }
        .verdict { white-space: normal; min-width: 4rem; }
        figure.indicator { margin: .8rem 0; break-inside: avoid; }
        figure.indicator svg.chart { margin: 0 .8rem .4rem 0; vertical-align: top; }
        figure.indicator figcaption { font-weight: 700; font-size: .9rem; margin-bottom: .2rem; }
        .spc { font-size: .8rem; color: #505a5f; margin: .2rem 0 0; }
        .none { color: #505a5f; }
        table.actions { border-collapse: collapse; width: 100%; font-size: .85rem; }
        .actions th, .actions td { border: 1px solid #b1b4b6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .actions th { background: #1d2d44; color: #fff; }
        .actions tr.overdue td { font-weight: 700; }
        dt { font-weight: 700; margin-top: .4rem; }
        dd { margin-left: 1rem; }
        @media print {
          .area-section, .actions-section, .notes, .scorecard-section { break-before: page; }
          body { margin: 0; }
          .verdict { min-width: 0; }
          thead { display: table-header-group; }
          tr, li, figure { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
        }

        """;
}
