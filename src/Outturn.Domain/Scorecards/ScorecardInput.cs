using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Scorecards;

/// <summary>Everything a scorecard is computed from; checked for consistency on construction.</summary>
public sealed record ScorecardInput
{
    /// <summary>Creates the input, checking references and duplicates.</summary>
    /// <exception cref="ArgumentException">An indicator id repeats, or a target, measure or benchmark refers to an
    /// indicator not in the catalogue or repeats one already given, a target is set for an indicator with no polarity,
    /// or a figure breaks <see cref="Measure.Check(Indicator)"/>.</exception>
    public ScorecardInput(IReadOnlyList<Indicator> catalogue, IReadOnlyList<Target> targets,
        IReadOnlyList<Measure> measures, IReadOnlyList<Benchmark>? benchmarks = null)
    {
        var byId = new Dictionary<string, Indicator>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in catalogue)
        {
            if (!byId.TryAdd(indicator.Id, indicator))
            {
                throw new ArgumentException($"Indicator '{indicator.Id}' appears twice in the catalogue.");
            }
        }

        Require(targets.Select(t => t.IndicatorId), byId, "target");
        Require(measures.Select(m => m.IndicatorId), byId, "measure");
        Require((benchmarks ?? []).Select(b => b.IndicatorId), byId, "benchmark");
        Unique(targets.Select(t => (t.IndicatorId, (Period)t.Year)), "target");
        Unique(measures.Select(m => (m.IndicatorId, m.Period)), "measure");
        Unique((benchmarks ?? []).Select(b => (b.IndicatorId, (Period)b.Year)), "benchmark");
        foreach (var t in targets)
        {
            if (byId[t.IndicatorId].Polarity != t.Thresholds.Polarity)
            {
                throw new ArgumentException($"The target for '{t.IndicatorId}' in {t.Year} does not match the indicator's polarity.");
            }
        }

        foreach (var m in measures)
        {
            if (m.Check(byId[m.IndicatorId]) is { } problem)
            {
                throw new ArgumentException($"The figure for '{m.IndicatorId}' in {m.Period}: {problem.Message}", problem.Field);
            }
        }

        Catalogue = catalogue;
        Targets = targets;
        Measures = measures;
        Benchmarks = benchmarks ?? [];
        IndicatorsById = byId;
    }

    /// <summary>The indicators in catalogue order.</summary>
    public IReadOnlyList<Indicator> Catalogue { get; }

    /// <summary>Targets per indicator per year.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>Monthly and yearly figures.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>Published comparison figures.</summary>
    public IReadOnlyList<Benchmark> Benchmarks { get; }

    /// <summary>The catalogue by id, ignoring case.</summary>
    public IReadOnlyDictionary<string, Indicator> IndicatorsById { get; }

    private static void Require(IEnumerable<string> ids, Dictionary<string, Indicator> byId, string what)
    {
        foreach (var id in ids)
        {
            if (!byId.ContainsKey(id))
            {
                throw new ArgumentException($"A {what} refers to indicator '{id}', which is not in the catalogue.");
            }
        }
    }

    private static void Unique(IEnumerable<(string Id, Period Period)> keys, string what)
    {
        var seen = new HashSet<(string, Period)>();
        foreach (var (id, period) in keys)
        {
            if (!seen.Add((id.ToUpperInvariant(), period)))
            {
                throw new ArgumentException($"There are two {what}s for indicator '{id}' in {period}.");
            }
        }
    }
}
