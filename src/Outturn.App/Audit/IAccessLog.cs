namespace Outturn.App.Audit;

/// <summary>One disclosure of children: when, to whom, for what, and which children were shown.</summary>
/// <param name="When">The moment the list was shown.</param>
/// <param name="User">Who saw it.</param>
/// <param name="Purpose">What was asked, e.g. <c>children assess-45wd 2025-03</c>.</param>
/// <param name="ChildIds">The children shown, each once.</param>
public sealed record AccessRecord(DateTimeOffset When, string User, string Purpose, IReadOnlyList<string> ChildIds);

/// <summary>
/// The record of who saw which child. Written before any child is shown, so a list that was displayed is always in
/// it; only ever appended to. A file today (<see cref="FileAccessLog"/>); the store next.
/// </summary>
public interface IAccessLog
{
    /// <summary>Appends one disclosure.</summary>
    /// <exception cref="IOException">The log cannot be written; the children must then not be shown.</exception>
    void Record(AccessRecord record);
}
