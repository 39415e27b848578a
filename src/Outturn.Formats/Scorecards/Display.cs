using System.Globalization;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;

namespace Outturn.Formats.Scorecards;

/// <summary>How scorecard values read to people: en-GB, the indicator's decimals and unit, the seed's notation.</summary>
public static class Display
{
    /// <summary>The culture of every figure shown to a reader.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What stands where there is no figure.</summary>
    public const string Missing = "-";

    /// <summary>What a row with no figure for any period shows: the data was not given, which is not a zero.</summary>
    public const string NoData = "no data";

    /// <summary>A value with its unit: <c>92.5%</c>, <c>221.2</c>, <c>1,234</c>; a dash when missing.</summary>
    public static string Value(decimal? value, Indicator indicator) =>
        value is { } v ? Number(v, indicator) + (indicator.Unit == Unit.Percent ? "%" : "") : Missing;

    /// <summary>What stands for a figure withheld to protect confidentiality (the GSS symbol).</summary>
    public const string SuppressedMark = "c";

    /// <summary>The note explaining <see cref="SuppressedMark"/>, for any output that shows it.</summary>
    public static string SuppressionNote(int threshold) =>
        $"c: withheld to protect confidentiality. A figure is withheld when the count behind it, its total or the difference between the two (the cases that did not meet it) is from 1 to {(threshold - 1).ToString(CultureInfo.InvariantCulture)}; other figures are withheld where adding or subtracting what this and earlier editions show (months, quarters, year to date, charts) would reveal such a count.";

    /// <summary>A published figure: its number with unit, else its marker (c, z, x, k, low, u), a dash when missing.</summary>
    public static string Published(PublishedValue? value, Indicator indicator) => value switch
    {
        null => Missing,
        { Number: { } number } => Value(number, indicator),
        _ => value.Marker!.Value.Symbol(),
    };

    /// <summary>A period's figure: its value with unit, "c" when withheld, a dash when missing.</summary>
    public static string Value(PeriodValue value, Indicator indicator) =>
        value.Suppressed ? SuppressedMark : Value(value.Value, indicator);

    /// <summary>A number at the indicator's decimals with thousands separators, no unit.</summary>
    public static string Number(decimal value, Indicator indicator) =>
        indicator.Round(value).ToString("N" + indicator.Decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>The arrow for a direction: ↑, ↓ or → (level); empty when there is no direction.</summary>
    public static string Arrow(Travel? travel) => travel?.Direction switch
    {
        Direction.Up => "↑",
        Direction.Down => "↓",
        Direction.Level => "→",
        _ => "",
    };

    /// <summary>The word for a direction, for text outputs and screen readers: up, down, level.</summary>
    public static string Word(Direction? direction) => direction?.ToString().ToLowerInvariant() ?? "";

    /// <summary>Whether the change is better, worse or neither, as a word.</summary>
    public static string Judgement(Travel? travel) => travel?.Improving switch
    {
        true => "improving",
        false => "worsening",
        null => "",
    };

    /// <summary>
    /// Whether the change is better or worse, in one short word, for media that show the arrow with it (the terminal,
    /// workbooks, pages, print), so that the judgement never rests on the arrow's colour alone (WCAG 2.2 1.4.1 Use of
    /// colour: colour is not the only visual means of conveying information). Empty when level or not rated.
    /// </summary>
    public static string Better(Travel? travel) => travel?.Improving switch
    {
        true => "better",
        false => "worse",
        null => "",
    };

    /// <summary>The arrow with its judgement in a word: <c>↑ better</c>, <c>↓ worse</c>, <c>→</c>; a dash when there is no direction.</summary>
    public static string ArrowAndWord(Travel? travel) =>
        travel is null ? Missing : Better(travel) is { Length: > 0 } word ? Arrow(travel) + " " + word : Arrow(travel);

    /// <summary>Green, Amber, Red, or empty when not rated.</summary>
    public static string Rag(Rag rag) => rag == Domain.Indicators.Rag.None ? "" : rag.ToString();

    /// <summary>"Good performance is": high, low or a dash for activity indicators.</summary>
    public static string Polarity(Polarity polarity) => polarity == Domain.Indicators.Polarity.None ? Missing : polarity.ToString().ToLowerInvariant();

    /// <summary>
    /// The Red, Amber and Green bands in the seed's notation, e.g. <c>&lt;82%</c>, <c>82%+</c>, <c>90%+</c> for high
    /// polarity and <c>227.1+</c>, <c>-</c>, <c>&lt;227.1</c> for low; dashes when there is no target.
    /// </summary>
    public static (string Red, string Amber, string Green) Bands(Thresholds? target, Indicator indicator)
    {
        if (target is null)
        {
            return (Missing, Missing, Missing);
        }

        string V(decimal x) => Threshold(x, indicator);
        var edge = target.Amber ?? target.Green;
        return target.Polarity == Domain.Indicators.Polarity.High
            ? ("<" + V(edge), target.Amber is { } a ? V(a) + "+" : Missing, V(target.Green) + "+")
            : (V(edge) + "+", target.Amber is { } b ? "<" + V(b) : Missing, "<" + V(target.Green));
    }

    /// <summary>A threshold as typed (no trailing zeros beyond the indicator's precision), with the unit.</summary>
    public static string Threshold(decimal value, Indicator indicator) =>
        value.ToString("0." + new string('#', Math.Max(indicator.Decimals, 1)), Culture) + (indicator.Unit == Unit.Percent ? "%" : "");

    /// <summary>A column heading for a month, as the seed writes it: <c>Jan-25</c>.</summary>
    public static string MonthHeading(Month month) => month.FirstDay.ToString("MMM-yy", Culture);

    /// <summary>A period as the seed heads it: <c>Jan-25</c> for a month, <c>Q4</c> for a quarter, <c>2024/25</c> for a year.</summary>
    public static string PeriodHeading(Period period) => period.Kind switch
    {
        PeriodKind.Month => MonthHeading(period.FirstMonth),
        PeriodKind.Quarter => string.Create(Culture, $"Q{period.FirstMonth.Quarter.Number}"),
        _ => YearHeading(period.FinancialYear),
    };

    /// <summary>A financial year as the seed writes it: <c>2024/25</c>.</summary>
    public static string YearHeading(FinancialYear year) => string.Create(Culture, $"{year.StartYear:D4}/{year.EndYear % 100:D2}");

    /// <summary>The month as a title: <c>March 2025</c>.</summary>
    public static string MonthTitle(Month month) => month.FirstDay.ToString("MMMM yyyy", Culture);

    /// <summary>Lowercase kind name: benchmarking, activity or local.</summary>
    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>An enum value in kebab case, as options and machine files spell them: <c>WithinTwoYears</c> is <c>within-two-years</c>.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum => Kebab(value.ToString());

    /// <summary>A PascalCase name in kebab case.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
