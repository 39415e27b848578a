namespace Outturn.Formats.Published;

/// <summary>How recent a measure's published figures are, to show beside them.</summary>
/// <param name="Source">Where they come from: <c>EES</c> (a file of explore-education-statistics) or <c>LAIT</c>.</param>
/// <param name="File">The file read.</param>
/// <param name="LastUpdate">When they were last published: a date (<c>2025-10-01</c>), a month, or the publisher's words; empty when not known.</param>
/// <param name="NextUpdate">When they are next due, as the publisher says (<c>TBC</c>); empty when not known.</param>
public sealed record PublishedVintage(string Source, string File, string LastUpdate, string NextUpdate);
