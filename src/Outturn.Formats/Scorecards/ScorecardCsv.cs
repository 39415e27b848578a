using System.Globalization;
using CsvHelper;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as CSV for spreadsheets: the <see cref="ScorecardLayout.Data"/> view, one row per indicator under
/// its stable column names, figures rounded to the indicator's decimals in invariant form (no units, no thousands
/// separators), period columns headed by their canonical labels.
/// </summary>
public static class ScorecardCsv
{
    /// <summary>Writes the scorecard.</summary>
    public static void Write(Scorecard scorecard, TextWriter writer) => Write(ScorecardView.Build(scorecard, ScorecardLayout.Data), writer);

    /// <summary>Writes a view: its headings, then each row's cell texts.</summary>
    public static void Write(ScorecardView view, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CsvText.Configuration, leaveOpen: true);
        CsvText.Row(csv, [.. view.Columns.Select(c => c.Heading)]);
        foreach (var row in view.Rows)
        {
            CsvText.Row(csv, [.. row.Cells.Select(c => c.Text)]);
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToText(Scorecard scorecard)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(scorecard, writer);
        return writer.ToString();
    }
}
