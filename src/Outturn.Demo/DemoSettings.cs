using System.Globalization;
using Outturn.Domain.Calendar;
using Outturn.Domain.Periods;

namespace Outturn.Demo;

/// <summary>The synthetic local authority's identity, as written into the returns and the population file.</summary>
/// <param name="Name">The LA name (the ONS <c>la_name</c>).</param>
/// <param name="OldLaCode">The three-digit DfE LA number: the CIN census <c>LEA</c> and the ONS <c>old_la_code</c>.</param>
/// <param name="NewLaCode">The nine-character ONS area code (<c>new_la_code</c>).</param>
/// <param name="RegionCode">The ONS region code of the LA.</param>
/// <param name="RegionName">The region name.</param>
/// <param name="PostcodeArea">The letters that begin the synthetic postcodes (home and placement addresses).</param>
public sealed record DemoAuthority(
    string Name, string OldLaCode, string NewLaCode, string RegionCode, string RegionName, string PostcodeArea)
{
    /// <summary>
    /// A fictional LA: code 999 and area E06999999 belong to no real authority, so the demo is never mistaken for
    /// published data; postcodes start with OT, which is not a UK postcode area.
    /// </summary>
    public static DemoAuthority Default { get; } =
        new("Outturn Vale (synthetic)", "999", "E06999999", "E12000006", "East of England", "OT");

    /// <summary>The most synthetic authorities of a national set: England has 153 local authorities.</summary>
    public const int MaxSynthetic = 153;

    /// <summary>The English regions (ONS codes and names) the synthetic authorities are spread over in turn.</summary>
    private static readonly (string Code, string Name)[] Regions =
    [
        ("E12000001", "North East"), ("E12000002", "North West"), ("E12000003", "Yorkshire and The Humber"),
        ("E12000004", "East Midlands"), ("E12000005", "West Midlands"), ("E12000006", "East of England"),
        ("E12000007", "London"), ("E12000008", "South East"), ("E12000009", "South West"),
    ];

    /// <summary>
    /// The <paramref name="number"/>th synthetic authority of a national set (1 to <see cref="MaxSynthetic"/>):
    /// "Synthetic authority 001", DfE code 001 and ONS code E06900001, in one of the nine English regions in turn.
    /// </summary>
    /// <remarks>
    /// The codes belong to no real authority, so a synthetic set is never mistaken for published data or matched to a
    /// real authority's statistics: the DfE's three-digit LA numbers start at 201 (201 to 943 in the published tables,
    /// the City of London first), so 001 to 153 are free; the real unitary codes run E06000001 to E06000066, so
    /// E069xxxxx is free too. Postcodes start with OT, as the single demo's do.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The number is not from 1 to <see cref="MaxSynthetic"/>.</exception>
    public static DemoAuthority Synthetic(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxSynthetic);
        var (regionCode, regionName) = Regions[(number - 1) % Regions.Length];
        return new(
            string.Create(CultureInfo.InvariantCulture, $"Synthetic authority {number:D3}"),
            string.Create(CultureInfo.InvariantCulture, $"{number:D3}"),
            string.Create(CultureInfo.InvariantCulture, $"E069{number:D5}"),
            regionCode, regionName, "OT");
    }
}

/// <summary>What to generate: how many children live in the LA, how many financial years, from which seed.</summary>
/// <remarks>
/// <para>The last year is the most recent complete financial year on <see cref="AsAt"/>: as at 31 March 2025 that
/// is 2024-25; as at 30 March 2025, 2023-24. Nothing reads the clock, so the same settings give the same LA.</para>
/// <para>The simulation starts <see cref="WarmUpYears"/> years before the first reporting year, so that the first
/// year opens with children already in need, on plans and in care, as a real LA's does. Every working-day
/// calculation must fall inside the years the bank holidays are known for, which bounds the years accepted.</para>
/// </remarks>
public sealed record DemoSettings
{
    /// <summary>The fewest and most children aged 0 to 17 accepted.</summary>
    public const int MinChildren = 500, MaxChildren = 2_000_000;

    /// <summary>The most financial years generated.</summary>
    public const int MaxYears = 10;

    /// <summary>Years simulated before the first reporting year, so that it starts with open cases.</summary>
    public const int WarmUpYears = 5;

    /// <summary>Creates settings.</summary>
    /// <param name="children">Children aged 0 to 17 living in the LA in the last year (the ONS mid-year estimate).</param>
    /// <param name="years">Financial years to write, ending with the last complete year on <paramref name="asAt"/>.</param>
    /// <param name="seed">The seed of the one random number generator.</param>
    /// <param name="asAt">The date the demo is generated as at; defaults in the CLI to 31 March 2025.</param>
    /// <param name="authority">The LA's identity; <see cref="DemoAuthority.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">Children or years out of range, or years whose simulation would
    /// reach outside the bank holidays known (2010 to 2030).</exception>
    public DemoSettings(int children, int years, int seed, DateOnly asAt, DemoAuthority? authority = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(children, MinChildren);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(children, MaxChildren);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaxYears);
        var last = FinancialYear.Containing(asAt);
        if (asAt < last.End)
        {
            last = last.Previous();
        }

        var first = new FinancialYear(last.StartYear - years + 1);
        if (first.StartYear - WarmUpYears < BankHolidays.FirstYear || last.EndYear > BankHolidays.LastYear - 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asAt), asAt,
                $"{years} years to {last} need working days from {first.StartYear - WarmUpYears} to {last.EndYear + 1}; they are known for {BankHolidays.FirstYear} to {BankHolidays.LastYear} only.");
        }

        Children = children;
        Years = years;
        Seed = seed;
        AsAt = asAt;
        Authority = authority ?? DemoAuthority.Default;
        LastYear = last;
        FirstYear = first;
    }

    /// <summary>Children aged 0 to 17 in the LA in the last year.</summary>
    public int Children { get; }

    /// <summary>The number of financial years written.</summary>
    public int Years { get; }

    /// <summary>The seed of the one random number generator.</summary>
    public int Seed { get; }

    /// <summary>The date the demo is generated as at.</summary>
    public DateOnly AsAt { get; }

    /// <summary>The LA's identity.</summary>
    public DemoAuthority Authority { get; }

    /// <summary>The first financial year written.</summary>
    public FinancialYear FirstYear { get; }

    /// <summary>The last financial year written: the most recent complete year on <see cref="AsAt"/>.</summary>
    public FinancialYear LastYear { get; }

    /// <summary>The day the simulation starts: 1 April, <see cref="WarmUpYears"/> years before the first year.</summary>
    public DateOnly SimulationStart => new(FirstYear.StartYear - WarmUpYears, 4, 1);

    /// <summary>The financial years written, oldest first.</summary>
    public IReadOnlyList<FinancialYear> ReportingYears =>
        Enumerable.Range(FirstYear.StartYear, Years).Select(y => new FinancialYear(y)).ToList();
}
