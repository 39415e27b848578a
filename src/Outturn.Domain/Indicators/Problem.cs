namespace Outturn.Domain.Indicators;

/// <summary>
/// A rule that given values break, in words for the person who gave them: the domain's own check, which a reader
/// reports against a file's row and column and a web form against its field, so each rule is stated once.
/// </summary>
/// <param name="Field">The value at fault, named as in the files: <c>value</c>, <c>numerator</c>, <c>denominator</c>,
/// <c>amber</c>, <c>polarity</c>.</param>
/// <param name="Message">What is wrong and what is expected, starting in lower case and ending with a full stop.</param>
public sealed record Problem(string Field, string Message);
