namespace Outturn.Formats;

/// <summary>What Outturn does about a problem in its input: the words every message ends with.</summary>
public enum Outcome
{
    /// <summary>The file cannot be read as what it claims to be (its structure, or a key field it is read by): it is
    /// refused, and with it the load, so nothing is computed from half a return.</summary>
    Refused,

    /// <summary>The record breaks a DfE validation rule in a way no figure can use: it is left out of every figure.</summary>
    LeftOut,

    /// <summary>The record breaks a DfE validation rule but its figures can still be counted: it is counted as given.</summary>
    Counted,

    /// <summary>The record was changed so it can be counted (stacked years, a repeated row kept once): the change is listed.</summary>
    Repaired,

    /// <summary>Part of the input was not read (a file, sheet or column Outturn does not know): nothing in it is counted.</summary>
    NotRead,
}

/// <summary>One problem in an input file, located precisely enough for an analyst to fix it.</summary>
/// <param name="File">The file name as given.</param>
/// <param name="Row">The 1-based row (the header is row 1; for XML, the line), or null when the problem is with the file as a whole.</param>
/// <param name="Field">The column, field or element, or null when the problem is with the whole row or file.</param>
/// <param name="Message">What is wrong, in plain words, what was expected, and what Outturn does about it.</param>
public sealed record InputError(string File, int? Row, string? Field, string Message)
{
    /// <summary>What is done about it; <see cref="Outcome.Refused"/> unless the reader says otherwise.</summary>
    public Outcome Outcome { get; init; } = Outcome.Refused;

    /// <summary>The child (or person) the problem is about, where it is about one.</summary>
    public string? ChildId { get; init; }

    /// <summary>The DfE validation rule broken, where it has a number (for example <c>103</c> or <c>8840</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>Whether the problem stops the load: a refused file, or any problem when the load is strict.</summary>
    public bool Refuses(bool strict) => strict || Outcome == Outcome.Refused;

    /// <summary>For example <c>targets.csv, row 4, column 'amber': amber must be below green for high polarity.</c></summary>
    public override string ToString()
    {
        var where = File;
        if (Row is { } row)
        {
            where += $", row {row}";
        }

        if (Field is not null)
        {
            where += $", column '{Field}'";
        }

        return $"{where}: {Message}";
    }
}

/// <summary>Raised when input files hold errors; carries every error found, not only the first.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from a non-empty list of errors.</summary>
    public InputException(IReadOnlyList<InputError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>Creates the exception from a single error.</summary>
    public InputException(InputError error)
        : this([error])
    {
    }

    /// <summary>All the errors found.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors, the first: {errors[0]}";
}
