using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarking;

/// <summary>Rates the published files give only as counts, computed the way the DfE publishes them.</summary>
public static class Rates
{
    /// <summary>
    /// Each area's count per 10,000 of its population (children aged 0 to 17), rounded half away from zero to
    /// <paramref name="decimals"/>, as the DfE rounds published rates. England, every region and every authority are
    /// computed from their own count and population, never from one another.
    /// </summary>
    /// <remarks>
    /// A suppressed count keeps its marker; a suppressed population gives the population's marker; an area with no
    /// population row gives <c>x</c> (not available) and a population of zero gives <c>z</c> (not applicable).
    /// </remarks>
    /// <param name="counts">The counts for a year.</param>
    /// <param name="population">The population for the same year, or null when none is published.</param>
    /// <param name="decimals">The precision of the result, 0 to 4.</param>
    /// <exception cref="ArgumentException">The population is for another year.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Decimals are outside 0 to 4.</exception>
    public static YearFigures PerTenThousand(YearFigures counts, YearFigures? population, int decimals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(decimals, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, Indicators.Indicator.MaxDecimals);
        if (population is not null && population.Year != counts.Year)
        {
            throw new ArgumentException($"The population is for {population.Year}, the counts for {counts.Year}.", nameof(population));
        }

        PublishedValue Rate(PublishedValue count, PublishedValue? people) => (count, people) switch
        {
            ({ Marker: { } m }, _) => PublishedValue.Suppressed(m),
            (_, null) => PublishedValue.Suppressed(SuppressionMarker.NotAvailable),
            (_, { Marker: { } m }) => PublishedValue.Suppressed(m),
            (_, { Number: 0m }) => PublishedValue.Suppressed(SuppressionMarker.NotApplicable),
            _ => PublishedValue.Of(Math.Round(count.Number!.Value / people.Number!.Value * 10_000m, decimals, MidpointRounding.AwayFromZero)),
        };

        return new YearFigures(
            counts.Year,
            counts.National is { } national ? Rate(national, population?.National) : null,
            counts.Regions.Values.Select(r => r with { Value = Rate(r.Value, population?.Regions.GetValueOrDefault(r.Code)?.Value) }),
            counts.Authorities.Values.Select(a => a with { Value = Rate(a.Value, population?.Authorities.GetValueOrDefault(a.Authority.Code)?.Value) }));
    }

    /// <summary>The rates of every year of <paramref name="counts"/>, each over the same year's population.</summary>
    public static IReadOnlyDictionary<FinancialYear, YearFigures> PerTenThousand(
        IReadOnlyDictionary<FinancialYear, YearFigures> counts, IReadOnlyDictionary<FinancialYear, YearFigures> population, int decimals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(population);
        return counts.ToDictionary(c => c.Key, c => PerTenThousand(c.Value, population.GetValueOrDefault(c.Key), decimals));
    }
}
