namespace Outturn.Formats;

/// <summary>One problem in an input file, located precisely enough for an analyst to fix it.</summary>
/// <param name="File">The file name as given.</param>
/// <param name="Row">The 1-based row (the header is row 1), or null when the problem is with the file as a whole.</param>
/// <param name="Field">The column, field or element, or null when the problem is with the whole row or file.</param>
/// <param name="Message">What is wrong, in plain words, and what was expected.</param>
public sealed record InputError(string File, int? Row, string? Field, string Message)
{
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
