using Outturn.App.ChildLevel;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Formats.Scorecards;

namespace Outturn.App.Scorecards;

/// <summary>
/// Where a scorecard's catalogue, targets, figures and benchmarks come from: the analyst's files
/// (<see cref="ScorecardFileSource"/>), the national indicators computed from child-level returns
/// (<see cref="NationalScorecardSource"/>), the store next.
/// </summary>
public interface IScorecardSource
{
    /// <summary>The input, every rule checked.</summary>
    /// <exception cref="InputException">The input holds errors; every one is listed.</exception>
    ScorecardInput Load();
}

/// <summary>The analyst's four files (CSV or XLSX), read and checked together.</summary>
/// <param name="Catalogue">The indicator catalogue.</param>
/// <param name="Targets">Targets and tolerances per indicator per year.</param>
/// <param name="Measures">Monthly or yearly figures.</param>
/// <param name="Benchmarks">Published benchmarks per indicator per year, if any.</param>
public sealed record ScorecardFileSource(string Catalogue, string Targets, string Measures, string? Benchmarks = null) : IScorecardSource
{
    /// <inheritdoc />
    public ScorecardInput Load() => ScorecardFiles.Read(Catalogue, Targets, Measures, Benchmarks);
}

/// <summary>
/// The national indicators' scorecard: their catalogue, each month's figure computed from the child-level returns
/// in memory, and the targets from a file checked against that catalogue.
/// </summary>
/// <param name="Returns">The child-level data.</param>
/// <param name="Months">The months whose figures the scorecard holds.</param>
/// <param name="Targets">The targets file, if any.</param>
/// <param name="Options">The definitional choices; the DfE's when null.</param>
public sealed record NationalScorecardSource(IChildLevelSource Returns, MonthRange Months, string? Targets = null, NationalOptions? Options = null) : IScorecardSource
{
    /// <inheritdoc />
    public ScorecardInput Load()
    {
        var catalogue = NationalIndicators.Indicators;
        var targets = Targets is null ? [] : ScorecardFiles.ReadTargets(Targets, catalogue);
        var figures = NationalIndicators.Figures(new NationalContext(Returns.Load().Data, Options), Months);
        return new ScorecardInput(catalogue, targets, [.. figures.Select(f => f.ToMeasure())]);
    }
}
