using Outturn.Domain.Periods;

namespace Outturn.Domain.Indicators;

/// <summary>An indicator's target and tolerance for one financial year; targets are reset every year.</summary>
/// <param name="IndicatorId">The catalogue indicator.</param>
/// <param name="Year">The financial year the target applies to.</param>
/// <param name="Thresholds">The green target and optional amber tolerance.</param>
public sealed record Target(string IndicatorId, FinancialYear Year, Thresholds Thresholds);
