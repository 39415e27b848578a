using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Tables;

namespace Outturn.Formats.National;

/// <summary>
/// Writes national indicator results: the figures, the children behind one, and the catalogue and measures files the
/// scorecard reads, so child-level figures flow straight into it.
/// </summary>
public static class NationalWriters
{
    /// <summary>
    /// One row per indicator: the period, the days it covers, numerator, denominator and value (at the indicator's
    /// decimals), whether it lacks history, how many of its children carry a problem; then each indicator with no
    /// figure, and why.
    /// </summary>
    public static string ResultsCsv(NationalFigureSet set) => CsvText.Write(csv =>
    {
        ArgumentNullException.ThrowIfNull(set);
        CsvText.Row(csv, "id", "name", "period", "from", "to", "unit", "good_performance_is", "numerator", "denominator", "value", "history_from", "children_with_problems", "no_data");
        foreach (var (r, problems) in set.Figures)
        {
            var i = r.Indicator;
            CsvText.Row(csv, i.Id, i.Name, r.Period.ToString(), Iso(r.From), Iso(r.To), Display.Lower(i.Unit), Display.Lower(i.Polarity), Number(r.Numerator), Number(r.Denominator),
                r.Value is { } v ? i.Round(v).ToString("F" + i.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "",
                r.HistoryFrom is { } h ? Iso(h) : "", problems?.ToString(CultureInfo.InvariantCulture) ?? "", "");
        }

        foreach (var a in set.Absent)
        {
            CsvText.Row(csv, a.Indicator.Id, a.Indicator.Name, set.Period.ToString(), "", "", Display.Lower(a.Indicator.Unit), Display.Lower(a.Indicator.Polarity), "", "", "", "", "", Absence(a.Missing));
        }
    });

    /// <summary>
    /// The results as JSON: <c>{"period", "indicators": [{"id", "name", "unit", "polarity", "period", "from", "to",
    /// "numerator", "denominator", "value", "historyFrom"?, "childrenWithProblems"?}], "absent": [{"id", "name", "reason"}]}</c>.
    /// </summary>
    public static string ResultsJson(NationalFigureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("period", set.Period.ToString());
            w.WriteStartArray("indicators");
            foreach (var (r, problems) in set.Figures)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Indicator.Id);
                w.WriteString("name", r.Indicator.Name);
                w.WriteString("unit", Display.Lower(r.Indicator.Unit));
                w.WriteString("polarity", Display.Lower(r.Indicator.Polarity));
                w.WriteString("period", r.Period.ToString());
                w.WriteString("from", Iso(r.From));
                w.WriteString("to", Iso(r.To));
                w.WriteNumber("numerator", r.Numerator);
                w.WriteNumber("denominator", r.Denominator);
                if (r.Value is { } v)
                {
                    w.WriteNumber("value", v);
                }
                else
                {
                    w.WriteNull("value");
                }

                if (r.HistoryFrom is { } h)
                {
                    w.WriteString("historyFrom", Iso(h));
                }

                if (problems is { } p)
                {
                    w.WriteNumber("childrenWithProblems", p);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("absent");
            foreach (var a in set.Absent)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Indicator.Id);
                w.WriteString("name", a.Indicator.Name);
                w.WriteString("reason", Absence(a.Missing));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Why an indicator has no figure, in words: "no data without the SSDA903 returns".</summary>
    public static string Absence(ReturnSources missing)
    {
        var names = new List<string>();
        foreach (var (source, name) in new[]
        {
            (ReturnSources.CinCensus, "the CIN census"), (ReturnSources.Ssda903, "the SSDA903 returns"), (ReturnSources.Sen2, "the SEN2 return"),
            (ReturnSources.AnnexA, "the Annex A workbook (who holds each case)"), (ReturnSources.Population, "the ONS population (for rates per 10,000)"),
        })
        {
            if (missing.HasFlag(source))
            {
                names.Add(name);
            }
        }

        return $"no data without {string.Join(" and ", names)}";
    }

    /// <summary>The days a figure covers, for people: "Mar 2025", "Apr 2024 to Mar 2025", "31 Mar 2025".</summary>
    public static string Covers(IndicatorFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.IsPosition)
        {
            return figure.To.ToString("d MMM yyyy", Display.Culture);
        }

        var from = figure.From.ToString("MMM yyyy", Display.Culture);
        var to = figure.To.ToString("MMM yyyy", Display.Culture);
        return from == to ? to : $"{from} to {to}";
    }

    /// <summary>The children behind a figure: one row per case, with the deciding dates, team and worker.</summary>
    public static string ChildrenCsv(IndicatorCases result) => CsvText.Write(csv =>
    {
        CsvText.Row(csv, "child_id", "in_numerator", "reason", "dates", "team", "worker");
        foreach (var c in result.Cases)
        {
            CsvText.Row(csv, c.ChildId, c.InNumerator ? "yes" : "no", c.Reason, Dates(c), c.Team ?? "", c.Worker ?? "");
        }
    });

    /// <summary>The figure by team or worker as CSV.</summary>
    public static string GroupsCsv(IReadOnlyList<CaseGroup> groups, string by) => CsvText.Write(csv =>
    {
        CsvText.Row(csv, by, "numerator", "denominator");
        foreach (var g in groups)
        {
            CsvText.Row(csv, g.Name, Number(g.Numerator), Number(g.Denominator));
        }
    });

    /// <summary>
    /// What stacking the SSDA903 years did, in one sentence for the analyst, or null when it changed nothing:
    /// episodes returned again kept once (and how many of them the later return changed), episodes left open or
    /// overlapping closed when the next began.
    /// </summary>
    public static string? RepairSummary(IReadOnlyList<EpisodeFix> repairs)
    {
        ArgumentNullException.ThrowIfNull(repairs);
        if (repairs.Count == 0)
        {
            return null;
        }

        int Count(RepairKind k) => repairs.Count(r => r.Kind == k);
        string N(int n) => n.ToString("N0", Display.Culture);
        var kept = Count(RepairKind.Repeated) + Count(RepairKind.Updated);
        var parts = new List<string>();
        if (kept > 0)
        {
            parts.Add($"{N(kept)} episode(s) returned again in a later year were kept once ({N(Count(RepairKind.Updated))} as the later return gave them)");
        }

        if (Count(RepairKind.ClosedOpen) is > 0 and var open)
        {
            parts.Add($"{N(open)} episode(s) left open in an older return were closed the day the next began");
        }

        if (Count(RepairKind.ClosedAtYearEnd) is > 0 and var ended)
        {
            parts.Add($"{N(ended)} episode(s) left open in an older return, for a child the next return does not hold, were closed on that return's 31 March");
        }

        if (Count(RepairKind.ClosedOverlap) is > 0 and var overlaps)
        {
            parts.Add($"{N(overlaps)} overlapping episode(s) were closed the day the next began");
        }

        return $"Stacking the SSDA903 years: {string.Join("; ", parts)}. List them with --repairs.";
    }

    /// <summary>The repairs made when stacking the SSDA903 years: one row per episode changed.</summary>
    public static string RepairsCsv(IEnumerable<EpisodeFix> repairs) => CsvText.Write(csv =>
    {
        CsvText.Row(csv, "child_id", "episode_start", "repair", "what_was_done");
        foreach (var r in repairs)
        {
            CsvText.Row(csv, r.ChildId, r.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Display.Kebab(r.Kind), r.Action);
        }
    });

    /// <summary>The deciding dates as <c>label yyyy-mm-dd; …</c>.</summary>
    public static string Dates(CaseOutcome line) =>
        string.Join("; ", line.Dates.Select(d => $"{d.Label} {d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

    /// <summary>A catalogue file in the scorecard's columns.</summary>
    public static string CatalogueCsv(IEnumerable<Indicator> catalogue) => CsvText.Write(csv =>
    {
        CsvText.Row(csv, ScorecardFiles.CatalogueColumns);
        foreach (var i in catalogue)
        {
            CsvText.Row(csv, i.Id, i.Name, i.Area, Display.Lower(i.Kind), Display.Lower(i.Unit), Display.Lower(i.Polarity), Display.Lower(i.Aggregation),
                i.Decimals.ToString(CultureInfo.InvariantCulture), i.Definition, i.RollingMonths.ToString(CultureInfo.InvariantCulture), i.BenchmarkMeasure ?? "");
        }
    });

    /// <summary>A measures file in the scorecard's columns: every result as a monthly numerator and denominator.</summary>
    public static string MeasuresCsv(IEnumerable<IndicatorFigure> results) => CsvText.Write(csv =>
    {
        CsvText.Row(csv, ScorecardFiles.MeasureColumns);
        foreach (var r in results)
        {
            var count = r.Indicator.Unit == Unit.Count;
            CsvText.Row(csv, r.Indicator.Id, r.Period.ToString(), count ? Number(r.Numerator) : "", count ? "" : Number(r.Numerator), count ? "" : Number(r.Denominator));
        }
    });

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
