using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Benchmarking;

public class RatesTests
{
    private static readonly FinancialYear Year = new(2024);

    private static YearFigures Figures(FinancialYear year, PublishedValue national, params (string Code, PublishedValue Value)[] authorities) =>
        new(year, national, [new RegionFigure("E12000003", "Yorkshire and The Humber", national)],
            authorities.Select(a => new AuthorityFigure(new LocalAuthority(a.Code, "LA " + a.Code), a.Value)));

    private static PublishedValue N(decimal d) => PublishedValue.Of(d);

    [Fact]
    public void PerTenThousand_DividesEachAreasCountByItsOwnPopulation_RoundedHalfAwayFromZero()
    {
        var counts = Figures(Year, N(402400), ("372", N(1777)), ("373", N(5)));
        var population = Figures(Year, N(12183016), ("372", N(59521)), ("373", N(40000)));

        var rates = Rates.PerTenThousand(counts, population, 1);

        rates.National!.Number.ShouldBe(330.3m); // 330.294...
        rates.Authorities["372"].Value.Number.ShouldBe(298.6m); // 298.550...
        rates.Authorities["373"].Value.Number.ShouldBe(1.3m); // 1.25 exactly: half away from zero
        rates.Regions["E12000003"].Value.Number.ShouldBe(330.3m);
    }

    [Fact]
    public void PerTenThousand_KeepsMarkersAndNeverInventsNumbers()
    {
        var counts = Figures(Year, N(1), ("372", PublishedValue.Suppressed(SuppressionMarker.Confidential)), ("373", N(10)), ("374", N(10)), ("375", N(10)));
        var population = Figures(Year, N(100), ("372", N(100)), ("373", PublishedValue.Suppressed(SuppressionMarker.NotAvailable)), ("374", N(0)));

        var rates = Rates.PerTenThousand(counts, population, 1).Authorities;

        rates["372"].Value.Marker.ShouldBe(SuppressionMarker.Confidential); // the count's marker
        rates["373"].Value.Marker.ShouldBe(SuppressionMarker.NotAvailable); // the population's marker
        rates["374"].Value.Marker.ShouldBe(SuppressionMarker.NotApplicable); // no children to count
        rates["375"].Value.Marker.ShouldBe(SuppressionMarker.NotAvailable); // no population row
    }

    [Fact]
    public void PerTenThousand_APopulationForAnotherYear_IsRefused() =>
        Should.Throw<ArgumentException>(() => Rates.PerTenThousand(Figures(Year, N(1)), Figures(Year.Previous(), N(1)), 1));
}
