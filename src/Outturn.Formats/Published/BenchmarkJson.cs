using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;

namespace Outturn.Formats.Published;

/// <summary>
/// Benchmark blocks as JSON, the machine interface of <c>outturn benchmark</c>. Names are stable; numbers are
/// unrounded. A published value is an object: <c>{"number": 19.6}</c>, or <c>{"marker": "c", "meaning":
/// "suppressed"}</c> for a suppression marker; <c>null</c> where the file has no row.
/// </summary>
public static class BenchmarkJson
{
    /// <summary>
    /// The JSON text for an authority's benchmarks, one element per indicator, and the ids of indicators asked for
    /// that are not published for the year.
    /// </summary>
    public static string ToText(IReadOnlyList<(PublishedMeasure Measure, AuthorityBenchmark Benchmark)> benchmarks, NeighbourAverage method,
        IReadOnlyList<PublishedMeasure>? notPublished = null)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("average", Display.Lower(method));
            w.WriteStartArray("benchmarks");
            foreach (var (measure, benchmark) in benchmarks)
            {
                Write(w, measure, benchmark);
            }

            w.WriteEndArray();
            w.WriteStartArray("notPublished");
            foreach (var measure in notPublished ?? [])
            {
                w.WriteStringValue(measure.Id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter w, PublishedMeasure m, AuthorityBenchmark b)
    {
        w.WriteStartObject();
        w.WriteString("indicator", m.Id);
        w.WriteString("name", m.Name);
        w.WriteString("unit", Display.Lower(m.Unit));
        w.WriteString("polarity", Display.Lower(m.Polarity));
        w.WriteNumber("decimals", m.Decimals);
        w.WriteString("year", b.Year.ToString());
        w.WriteStartObject("authority");
        w.WriteString("code", b.Authority.Code);
        w.WriteString("name", b.Authority.Name);
        w.WriteString("onsCode", b.Authority.OnsCode);
        w.WriteEndObject();
        Value(w, "value", b.Value);

        var change = b.YearOnYear;
        w.WriteStartObject("previousYear");
        w.WriteString("year", change.PreviousYear.ToString());
        Value(w, "value", change.PreviousValue);
        Number(w, "change", change.Change);
        Travel(w, change.Travel);
        w.WriteEndObject();

        Value(w, "national", b.National);
        if (b.Regional is { } region)
        {
            w.WriteStartObject("regional");
            w.WriteString("code", region.Code);
            w.WriteString("name", region.Name);
            Value(w, "value", region.Value);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("regional");
        }

        Neighbours(w, b.Neighbours);
        Standing(w, b.Standing);
        w.WriteEndObject();
    }

    private static void Neighbours(Utf8JsonWriter w, NeighbourComparison? n)
    {
        if (n is null)
        {
            w.WriteNull("neighbours");
            return;
        }

        w.WriteStartObject("neighbours");
        w.WriteString("model", n.Model);
        w.WriteString("groupOf", n.GroupOf);
        w.WriteString("note", n.Note);
        w.WriteString("method", Display.Lower(n.Method));
        Number(w, "average", n.Average);
        w.WriteNumber("used", n.Used);
        w.WriteNumber("total", n.Total);
        w.WriteString("bestCode", n.Best?.Code);
        w.WriteString("bestName", n.Best?.Name);
        Number(w, "best", n.Best?.Value?.Number);
        w.WriteStartArray("figures");
        foreach (var f in n.Figures)
        {
            w.WriteStartObject();
            w.WriteString("code", f.Code);
            w.WriteString("name", f.Name);
            w.WriteString("closeness", f.Closeness);
            Value(w, "value", f.Value);
            w.WriteBoolean("used", f.IsUsed);
            w.WriteString("jointReturn", f.JointReturn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Standing(Utf8JsonWriter w, Standing? s)
    {
        if (s is null)
        {
            w.WriteNull("standing");
            return;
        }

        w.WriteStartObject("standing");
        w.WriteNumber("ranked", s.Ranked);
        w.WriteNumber("min", s.Quartiles.Min);
        w.WriteNumber("q1", s.Quartiles.Lower);
        w.WriteNumber("median", s.Quartiles.Median);
        w.WriteNumber("q3", s.Quartiles.Upper);
        w.WriteNumber("max", s.Quartiles.Max);
        Number(w, "topQuartile", s.TopQuartileThreshold);
        w.WriteString("band", s.Band?.ToString());
        if (s.Rank is { } rank)
        {
            w.WriteNumber("rank", rank);
        }
        else
        {
            w.WriteNull("rank");
        }

        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, string name, PublishedValue? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        if (value.Number is { } n)
        {
            w.WriteNumber("number", n);
        }
        else
        {
            w.WriteString("marker", value.Marker!.Value.Symbol());
            w.WriteString("meaning", value.Marker.Value.Meaning());
        }

        w.WriteEndObject();
    }

    private static void Travel(Utf8JsonWriter w, Travel? travel)
    {
        w.WriteString("direction", travel is { } t ? Display.Word(t.Direction) : null);
        if (travel?.Improving is { } improving)
        {
            w.WriteBoolean("improving", improving);
        }
        else
        {
            w.WriteNull("improving");
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
