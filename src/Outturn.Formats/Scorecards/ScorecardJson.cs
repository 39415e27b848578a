using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>
/// The scorecard as JSON, the machine interface: the records below, serialised as they are. Field names are stable
/// (README lists them); values are unrounded invariant numbers, periods and months in canonical form
/// (<c>2025-03</c>, <c>2024-25Q4</c>, <c>2024-25</c>), words in lower case.
/// </summary>
public static class ScorecardJson
{
    private static readonly ScorecardJsonContext Context = new(new JsonSerializerOptions(ScorecardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the scorecard as indented UTF-8 JSON.</summary>
    public static void Write(Scorecard scorecard, Stream stream) =>
        JsonSerializer.Serialize(stream, ScorecardDto.From(scorecard), Context.ScorecardDto);

    /// <summary>The JSON as a string, ending with a newline.</summary>
    public static string ToText(Scorecard scorecard) =>
        JsonSerializer.Serialize(ScorecardDto.From(scorecard), Context.ScorecardDto) + "\n";
}

/// <summary>The scorecard for a month.</summary>
/// <param name="Month">The scorecard month, <c>2025-03</c>.</param>
/// <param name="Rows">One per indicator, grouped by area in catalogue order.</param>
public sealed record ScorecardDto(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("rows")] IReadOnlyList<ScorecardRowDto> Rows)
{
    /// <summary>The record of a computed scorecard.</summary>
    public static ScorecardDto From(Scorecard scorecard) =>
        new(scorecard.Month.ToString(), [.. scorecard.Rows.Select(ScorecardRowDto.From)]);
}

/// <summary>One indicator's line.</summary>
/// <param name="Id">The catalogue id.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Area">The service area.</param>
/// <param name="Kind"><c>benchmarking</c>, <c>activity</c> or <c>local</c>.</param>
/// <param name="Unit"><c>percent</c>, <c>rate</c>, <c>count</c>, <c>days</c>, <c>weeks</c> or <c>number</c>.</param>
/// <param name="Polarity"><c>high</c>, <c>low</c> or <c>none</c>.</param>
/// <param name="Aggregation"><c>ratio</c>, <c>snapshot</c>, <c>sum</c> or <c>mean</c>.</param>
/// <param name="Decimals">The decimal places figures are shown and rated at.</param>
/// <param name="Months">The last three months ending with the scorecard month, oldest first.</param>
/// <param name="Quarter">The quarter to date.</param>
/// <param name="Year">The year to date; in March, the outturn.</param>
/// <param name="DotMonth">Direction month on month: <c>up</c>, <c>down</c>, <c>level</c>, or null.</param>
/// <param name="DotMonthImproving">Whether that direction is better; null when level, unrated or missing.</param>
/// <param name="RagMonth">The month's RAG: <c>green</c>, <c>amber</c>, <c>red</c> or <c>none</c>.</param>
/// <param name="DotYear">Direction of the year to date against last year's outturn, or null.</param>
/// <param name="DotYearImproving">Whether that direction is better, or null.</param>
/// <param name="RagYear">The year to date's RAG.</param>
/// <param name="PreviousYear">Last year's outturn.</param>
/// <param name="Trend">The last four quarters, oldest first.</param>
/// <param name="Target">This year's target and tolerance, or null.</param>
/// <param name="Benchmarks">The latest benchmarks, or null.</param>
/// <param name="MissingMonths">Months of the year to date with no figure.</param>
public sealed record ScorecardRowDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("area")] string Area,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("polarity")] string Polarity,
    [property: JsonPropertyName("aggregation")] string Aggregation,
    [property: JsonPropertyName("decimals")] int Decimals,
    [property: JsonPropertyName("months")] IReadOnlyList<PeriodValueDto> Months,
    [property: JsonPropertyName("quarter")] PeriodValueDto Quarter,
    [property: JsonPropertyName("year")] PeriodValueDto Year,
    [property: JsonPropertyName("dotMonth")] string? DotMonth,
    [property: JsonPropertyName("dotMonthImproving")] bool? DotMonthImproving,
    [property: JsonPropertyName("ragMonth")] string RagMonth,
    [property: JsonPropertyName("dotYear")] string? DotYear,
    [property: JsonPropertyName("dotYearImproving")] bool? DotYearImproving,
    [property: JsonPropertyName("ragYear")] string RagYear,
    [property: JsonPropertyName("previousYear")] PeriodValueDto PreviousYear,
    [property: JsonPropertyName("trend")] IReadOnlyList<PeriodValueDto> Trend,
    [property: JsonPropertyName("target")] TargetDto? Target,
    [property: JsonPropertyName("benchmarks")] BenchmarksDto? Benchmarks,
    [property: JsonPropertyName("missingMonths")] IReadOnlyList<string> MissingMonths)
{
    /// <summary>The record of a computed row.</summary>
    public static ScorecardRowDto From(ScorecardRow row)
    {
        var i = row.Indicator;
        return new ScorecardRowDto(
            i.Id, i.Name, i.Area, Display.Lower(i.Kind), Display.Lower(i.Unit), Display.Lower(i.Polarity), Display.Lower(i.Aggregation), i.Decimals,
            [.. row.Months.Select(PeriodValueDto.From)],
            PeriodValueDto.From(row.Quarter),
            PeriodValueDto.From(row.Year),
            Word(row.DirectionMonth), row.DirectionMonth?.Improving, Display.Lower(row.RagMonth),
            Word(row.DirectionYear), row.DirectionYear?.Improving, Display.Lower(row.RagYear),
            PeriodValueDto.From(row.PreviousYear),
            [.. row.Trend.Select(PeriodValueDto.From)],
            row.Target is { } t ? new TargetDto(t.Green, t.Amber) : null,
            row.Benchmarks is { } b ? new BenchmarksDto(b.Year.ToString(), b.StatNeighbourAverage, b.BestStatNeighbour, b.National, b.Regional, b.TopQuartile) : null,
            [.. row.MissingMonths.Select(m => m.ToString())]);
    }

    private static string? Word(Travel? travel) => travel is { } t ? Display.Word(t.Direction) : null;
}

/// <summary>A figure for a period, unrounded.</summary>
/// <param name="Period">The month, quarter or year: <c>2025-03</c>, <c>2024-25Q4</c>, <c>2024-25</c>.</param>
/// <param name="Value">The value, or null when there is none or it is withheld.</param>
/// <param name="Numerator">The count behind it, where known; left out otherwise.</param>
/// <param name="Denominator">The cohort behind it, where known; left out otherwise.</param>
/// <param name="Suppressed">True when withheld (shown as "c"); left out otherwise.</param>
public sealed record PeriodValueDto(
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("numerator"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Numerator,
    [property: JsonPropertyName("denominator"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Denominator,
    [property: JsonPropertyName("suppressed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Suppressed)
{
    /// <summary>The record of a computed value.</summary>
    public static PeriodValueDto From(PeriodValue value) =>
        new(value.Period.ToString(), value.Value, value.Numerator, value.Denominator, value.Suppressed ? true : null);
}

/// <summary>The year's target and tolerance.</summary>
/// <param name="Green">The target.</param>
/// <param name="Amber">The tolerance, or null for two bands.</param>
public sealed record TargetDto(
    [property: JsonPropertyName("green")] decimal Green,
    [property: JsonPropertyName("amber")] decimal? Amber);

/// <summary>The latest published comparisons.</summary>
/// <param name="Year">The year they are for, <c>2023-24</c>.</param>
/// <param name="StatNeighbourAverage">The statistical neighbour average.</param>
/// <param name="BestStatNeighbour">The best statistical neighbour.</param>
/// <param name="National">England.</param>
/// <param name="Regional">The region.</param>
/// <param name="TopQuartile">The top-quartile threshold.</param>
public sealed record BenchmarksDto(
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("statNeighbourAverage")] decimal? StatNeighbourAverage,
    [property: JsonPropertyName("bestStatNeighbour")] decimal? BestStatNeighbour,
    [property: JsonPropertyName("national")] decimal? National,
    [property: JsonPropertyName("regional")] decimal? Regional,
    [property: JsonPropertyName("topQuartile")] decimal? TopQuartile);

/// <summary>The serialiser for the scorecard records, generated at build time.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ScorecardDto))]
internal sealed partial class ScorecardJsonContext : JsonSerializerContext;
