namespace Outturn.Formats.Published;

/// <summary>
/// Raised when something asked for by name (an authority, an indicator, a year, a model) is not in the published
/// data; the message names what was asked for and lists the closest matches.
/// </summary>
public sealed class LookupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What was looked for, e.g. <c>local authority 'Rotheram'</c>.</param>
    /// <param name="where">Where it was looked for, e.g. the file or folder.</param>
    /// <param name="suggestions">The closest matches, best first; may be empty.</param>
    /// <param name="suggestionLabel">How to introduce the suggestions, e.g. <c>Did you mean</c>.</param>
    public LookupException(string what, string where, IReadOnlyList<string> suggestions, string suggestionLabel = "Did you mean")
        : base(Describe(what, where, suggestions, suggestionLabel)) => Suggestions = suggestions;

    /// <summary>The closest matches, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    private static string Describe(string what, string where, IReadOnlyList<string> suggestions, string label) =>
        $"There is no {what} in {where}." + (suggestions.Count == 0 ? "" : $" {label}: {string.Join("; ", suggestions)}?");
}
