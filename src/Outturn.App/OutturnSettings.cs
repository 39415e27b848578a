namespace Outturn.App;

/// <summary>
/// What the use cases need to know about where they run, built once by each host (the command line from its options
/// and environment, the web app from its configuration). Nothing below the hosts reads the environment or the clock.
/// </summary>
public sealed record OutturnSettings
{
    /// <summary>Our authority (name or code): fills the benchmark columns of every scorecard and report; null when not set.</summary>
    public string? Authority { get; init; }

    /// <summary>The folder of published statistics; null when none was found.</summary>
    public string? PublishedFolder { get; init; }

    /// <summary>The access log file: who saw which child.</summary>
    public required string AccessLog { get; init; }

    /// <summary>The Chromium executable that prints PDFs; null when none is installed.</summary>
    public string? Chromium { get; init; }

    /// <summary>The folder the demo LA's returns are generated into and reused from.</summary>
    public required string DemoCache { get; init; }

    /// <summary>The person using Outturn, as the access log records them.</summary>
    public required string User { get; init; }

    /// <summary>
    /// The store (<c>--db</c>'s default): a SQLite file's path or a PostgreSQL connection string; null when the host
    /// gives none (then the store is not used).
    /// </summary>
    public string? Database { get; init; }

    /// <summary>The clock: when things happen, for the access log and the audit trail.</summary>
    public required TimeProvider Clock { get; init; }
}
