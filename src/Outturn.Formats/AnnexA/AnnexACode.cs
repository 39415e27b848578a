using System.Text.RegularExpressions;

namespace Outturn.Formats.AnnexA;

/// <summary>A coded Annex A cell as read: the code and the label written beside it.</summary>
/// <param name="Code">The code, upper case ("6", "1B", "WBRI", "U6", "PR4"); the whole text when the cell holds no code
/// apart from its label ("Male", "Not stated/recorded").</param>
/// <param name="Label">The label written after the code ("Police"), or null when there is none.</param>
public readonly record struct AnnexACodedValue(string Code, string? Label);

/// <summary>
/// Reads the coded values of Annex A cells in the forms LAs write them: the template's "q) 6: Police",
/// "e) PR4 - Private provision" and "a) Yes", and the plainer "6 - Police", "6 Police", "6", "Y", "TRUE" or "1".
/// </summary>
public static class AnnexACode
{
    // "a) ", "(a) ", "aa) ", "a. ": the template's option letter in front of the value.
    private static readonly Regex OptionLetter = new(@"^(?:\(\s*[A-Za-z]{1,2}\s*\)|[A-Za-z]{1,2}\))\s*(?=\S)|^[A-Za-z]{1,2}\.\s+(?=\S)", RegexOptions.CultureInvariant);

    // "CODE: label", "CODE - label", "CODE-label": the code is one word in front of a colon or dash.
    private static readonly Regex Separated = new(@"^(?<code>[^\s:\-–]+)\s*(?::|[-–])\s*(?<label>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // "CODE label": the first word, kept as a code only when it has a known shape.
    private static readonly Regex Spaced = new(@"^(?<code>\S+)\s+(?<label>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    // Codes as written before a colon or dash: capitals and digits ("6", "1B", "U", "PR4", "WBRI", "E47").
    private static readonly Regex CodeWord = new(@"^[A-Z0-9]{1,6}$", RegexOptions.CultureInvariant);

    // Codes recognised with only a space before the label: a number with an optional letter (referral sources "6",
    // "1B"), or one to three letters and a number ("N1", "PR4", "U6", "E47", "RC8").
    private static readonly Regex KnownShape = new(@"^(?:\d{1,2}[A-Za-z]?|[A-Za-z]{1,3}\d{1,2})$", RegexOptions.CultureInvariant);

    /// <summary>The ethnicity codes of the CIN census and SSDA903.</summary>
    private static readonly HashSet<string> Ethnicities =
    [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH",
        "CHNE", "OOTH", "REFU", "NOBT",
    ];

    // Values that say the answer was not recorded, reduced to letters and digits: "Not known", "N/K", "Not stated/recorded".
    private static readonly HashSet<string> NotKnown =
        ["notknown", "unknown", "nk", "notstated", "notrecorded", "notstatedrecorded", "notstatedorrecorded", "na", "notapplicable"];

    /// <summary>
    /// The code and label of a cell: the option letter is dropped ("a) ", "a. ", "(a) "), then the text is split into
    /// code and label at a colon or dash ("6: Police", "PR4 - Private provision") or, when the first word has a known
    /// code shape (a number with an optional letter, a few letters and a number, or an ethnicity code), at the first
    /// space ("6 Police", "WBRI White British").
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The code and label, or null for a blank cell.</returns>
    public static AnnexACodedValue? Parse(string? cell)
    {
        var text = cell?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        text = OptionLetter.Replace(text, "", 1);
        if (Separated.Match(text) is { Success: true } separated && IsCode(separated.Groups["code"].Value, strict: false))
        {
            return new AnnexACodedValue(Canonical(separated.Groups["code"].Value), separated.Groups["label"].Value.Trim());
        }

        if (Spaced.Match(text) is { Success: true } spaced && IsCode(spaced.Groups["code"].Value, strict: true))
        {
            return new AnnexACodedValue(Canonical(spaced.Groups["code"].Value), spaced.Groups["label"].Value.Trim());
        }

        return new AnnexACodedValue(IsCode(text, strict: false) ? Canonical(text) : text, null);
    }

    /// <summary>
    /// Reads a yes/no cell: Yes, Y, True or 1 is true; No, N, False or 0 is false, with or without the option letter
    /// ("a) Yes", "b) No") and in any case.
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <param name="value">The answer; null for a blank cell or one saying the answer is not known ("Not known",
    /// "Not stated/recorded", "N/K", "N/A").</param>
    /// <returns>False when the cell is none of these.</returns>
    public static bool TryYesNo(string? cell, out bool? value)
    {
        value = null;
        if (Parse(cell) is not { } coded)
        {
            return true;
        }

        switch (Key(coded.Code))
        {
            case "yes" or "y" or "true" or "1":
                value = true;
                return true;
            case "no" or "n" or "false" or "0":
                value = false;
                return true;
            case var key when NotKnown.Contains(key):
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a yes/no cell as <see cref="TryYesNo"/> does.</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The answer, or null for a blank cell or one saying the answer is not known.</returns>
    /// <exception cref="FormatException">The cell is not a yes/no value.</exception>
    public static bool? YesNo(string? cell) =>
        TryYesNo(cell, out var value) ? value : throw new FormatException($"'{cell}' is not yes or no.");

    /// <summary>
    /// Reads a gender cell as the CIN census code: 1 male ("a) Male", "1 - Male", "M"), 2 female ("b) Female", "F"),
    /// 0 not known ("Not known", "Unknown", "U", "c) Not stated/recorded") and 9 not specified ("Not specified",
    /// "Indeterminate", "Neither"). The code is read first, then the label ("1 - Male", "M - Male").
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <param name="code">The CIN census code, or null for a blank cell.</param>
    /// <returns>False when the cell is none of these.</returns>
    public static bool TryGender(string? cell, out int? code)
    {
        code = null;
        if (Parse(cell) is not { } coded)
        {
            return true;
        }

        code = GenderCode(coded.Code) ?? (coded.Label is { } label ? GenderCode(label) : null);
        return code is not null;
    }

    /// <summary>Reads a gender cell as <see cref="TryGender"/> does.</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The CIN census code (1 male, 2 female, 0 not known, 9 not specified), or null for a blank cell.</returns>
    /// <exception cref="FormatException">The cell is not a gender the census codes.</exception>
    public static int? Gender(string? cell) =>
        TryGender(cell, out var code) ? code : throw new FormatException($"'{cell}' is not a gender (male, female, not known or not specified).");

    private static int? GenderCode(string text) => Key(text) switch
    {
        "1" or "m" or "male" => 1,
        "2" or "f" or "female" => 2,
        "0" or "u" => 0,
        "9" or "notspecified" or "indeterminate" or "neither" => 9,
        var key when NotKnown.Contains(key) => 0,
        _ => null,
    };

    private static bool IsCode(string word, bool strict) =>
        KnownShape.IsMatch(word) || Ethnicities.Contains(word.ToUpperInvariant()) || (!strict && CodeWord.IsMatch(word));

    private static string Canonical(string code) => code.ToUpperInvariant();

    /// <summary>Text reduced to letters and digits, lower case: "Not stated/recorded" becomes "notstatedrecorded".</summary>
    private static string Key(string text) => new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
