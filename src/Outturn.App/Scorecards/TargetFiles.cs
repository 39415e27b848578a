using Outturn.Domain.Indicators;
using Outturn.Formats.Scorecards;

namespace Outturn.App.Scorecards;

/// <summary>A targets file (CSV or XLSX: <c>indicator, year, green, amber</c>), read and checked against a catalogue.</summary>
public static class TargetFiles
{
    /// <summary>Reads the targets.</summary>
    /// <exception cref="Formats.InputException">The file holds errors; every one is listed by row and column.</exception>
    public static IReadOnlyList<Target> Read(string path, IReadOnlyList<Indicator> catalogue) => ScorecardFiles.ReadTargets(path, catalogue);
}
