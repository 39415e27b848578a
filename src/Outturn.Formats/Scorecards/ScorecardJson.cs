using System.Text.Encodings.Web;
using System.Text.Json;
using Outturn.Domain.Indicators;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as JSON, the machine interface. Names are stable; values are unrounded numbers.
/// </summary>
public static class ScorecardJson
{
    /// <summary>Writes the scorecard as indented UTF-8 JSON.</summary>
    public static void Write(Scorecard scorecard, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("month", scorecard.Month.ToString());
        w.WriteStartArray("rows");
        foreach (var row in scorecard.Rows)
        {
            WriteRow(w, row);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The JSON as a string.</summary>
    public static string ToText(Scorecard scorecard)
    {
        using var stream = new MemoryStream();
        Write(scorecard, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRow(Utf8JsonWriter w, ScorecardRow row)
    {
        var i = row.Indicator;
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("name", i.Name);
        w.WriteString("area", i.Area);
        w.WriteString("kind", Display.Lower(i.Kind));
        w.WriteString("unit", Display.Lower(i.Unit));
        w.WriteString("polarity", Display.Lower(i.Polarity));
        w.WriteString("aggregation", Display.Lower(i.Aggregation));
        w.WriteNumber("decimals", i.Decimals);
        w.WriteStartArray("months");
        foreach (var m in row.Months)
        {
            Period(w, null, m);
        }

        w.WriteEndArray();
        Period(w, "quarter", row.Quarter);
        Period(w, "year", row.Year);
        Direction(w, "dotMonth", row.DirectionMonth);
        w.WriteString("ragMonth", Display.Lower(row.RagMonth));
        Direction(w, "dotYear", row.DirectionYear);
        w.WriteString("ragYear", Display.Lower(row.RagYear));
        Period(w, "previousYear", row.PreviousYear);
        w.WriteStartArray("trend");
        foreach (var q in row.Trend)
        {
            Period(w, null, q);
        }

        w.WriteEndArray();
        if (row.Target is { } t)
        {
            w.WriteStartObject("target");
            w.WriteNumber("green", t.Green);
            Number(w, "amber", t.Amber);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("target");
        }

        if (row.Benchmarks is { } b)
        {
            w.WriteStartObject("benchmarks");
            w.WriteString("year", b.Year.ToString());
            Number(w, "statNeighbourAverage", b.StatNeighbourAverage);
            Number(w, "bestStatNeighbour", b.BestStatNeighbour);
            Number(w, "national", b.National);
            Number(w, "regional", b.Regional);
            Number(w, "topQuartile", b.TopQuartile);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("benchmarks");
        }

        w.WriteStartArray("missingMonths");
        foreach (var m in row.MissingMonths)
        {
            w.WriteStringValue(m.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Period(Utf8JsonWriter w, string? name, PeriodValue value)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("period", value.Period.ToString());
        Number(w, "value", value.Value);
        if (value.Numerator is { } n)
        {
            w.WriteNumber("numerator", n);
        }

        if (value.Denominator is { } d)
        {
            w.WriteNumber("denominator", d);
        }

        if (value.Suppressed)
        {
            w.WriteBoolean("suppressed", true);
        }

        w.WriteEndObject();
    }

    private static void Direction(Utf8JsonWriter w, string name, Travel? travel)
    {
        if (travel is { } t)
        {
            w.WriteString(name, Display.Word(t.Direction));
        }
        else
        {
            w.WriteNull(name);
        }

        if (travel?.Improving is { } improving)
        {
            w.WriteBoolean(name + "Improving", improving);
        }
        else
        {
            w.WriteNull(name + "Improving");
        }
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
