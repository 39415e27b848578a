namespace Outturn.Fuzz;

/// <summary>
/// The reliability document as this tool keeps it: its own section between two marker comments, replaced on each run;
/// everything outside the markers (the hand-written sections, such as "Faults") is kept as it is.
/// </summary>
public static class ReliabilityDocument
{
    /// <summary>The line that opens the tool's section.</summary>
    public const string Begin = "<!-- outturn-fuzz: begin (written by bench/Outturn.Fuzz; do not edit by hand) -->";

    /// <summary>The line that closes the tool's section.</summary>
    public const string End = "<!-- outturn-fuzz: end -->";

    /// <summary>
    /// The document with the tool's section replaced by <paramref name="generated"/>. A document without the markers
    /// (none yet, or one the tool wrote whole before it kept to its section) becomes the section alone.
    /// </summary>
    /// <param name="existing">The document as it is, or null when there is none.</param>
    /// <param name="generated">The tool's section, without the markers.</param>
    public static string Merge(string? existing, string generated)
    {
        var section = $"{Begin}\n{generated.TrimEnd()}\n{End}\n";
        if (existing is null)
        {
            return section;
        }

        var text = existing.Replace("\r\n", "\n", StringComparison.Ordinal);
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return section;
        }

        var rest = text[(end + End.Length)..].TrimStart('\n');
        return text[..begin] + section + (rest.Length > 0 ? "\n" + rest : "");
    }
}
