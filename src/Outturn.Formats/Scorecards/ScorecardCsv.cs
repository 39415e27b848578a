using System.Globalization;
using CsvHelper;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as CSV for spreadsheets: one row per indicator, figures rounded to the indicator's decimals in
/// invariant form (no units, no thousands separators), period columns headed by their canonical labels.
/// </summary>
public static class ScorecardCsv
{
    /// <summary>Writes the scorecard.</summary>
    public static void Write(Scorecard scorecard, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CsvText.Configuration, leaveOpen: true);
        var first = scorecard.Rows.FirstOrDefault();
        string[] header =
        [
            "area", "id", "name", "kind", "unit", "good_performance_is",
            .. (first?.Months.Select(m => m.Period.ToString()) ?? []),
            first?.Quarter.Period.ToString() ?? "quarter", $"{first?.Year.Period} year to date",
            "dot_month", "dot_month_improving", "rag_month", "dot_year", "dot_year_improving", "rag_year",
            "red", "amber", "green", $"{first?.PreviousYear.Period} outturn",
            .. (first?.Trend.Select(q => $"trend {q.Period}") ?? []),
            "benchmark_year", "stat_neighbour_average", "best_stat_neighbour", "national", "regional", "top_quartile",
        ];
        CsvText.Row(csv, header);
        foreach (var row in scorecard.Rows)
        {
            var i = row.Indicator;
            string P(PeriodValue v) => v.Suppressed ? Display.SuppressedMark : N(v.Value);
            string N(decimal? v) => v is { } x ? i.Round(x).ToString("F" + i.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "";
            var (red, amber, green) = Display.Bands(row.Target, i);
            var b = row.Benchmarks;
            string[] fields =
            [
                i.Area, i.Id, i.Name, Display.Lower(i.Kind), Display.Lower(i.Unit), Display.Lower(i.Polarity),
                .. row.Months.Select(P),
                P(row.Quarter), P(row.Year),
                Display.Word(row.DirectionMonth?.Direction), Bool(row.DirectionMonth?.Improving), Display.Rag(row.RagMonth),
                Display.Word(row.DirectionYear?.Direction), Bool(row.DirectionYear?.Improving), Display.Rag(row.RagYear),
                Band(red), Band(amber), Band(green), P(row.PreviousYear),
                .. row.Trend.Select(P),
                b?.Year.ToString() ?? "", N(b?.StatNeighbourAverage), N(b?.BestStatNeighbour), N(b?.National), N(b?.Regional), N(b?.TopQuartile),
            ];
            CsvText.Row(csv, fields);
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToText(Scorecard scorecard)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(scorecard, writer);
        return writer.ToString();
    }

    private static string Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };

    private static string Band(string band) => band == Display.Missing ? "" : band;
}
