using System.Globalization;
using Outturn.Formats.Population;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Population;

public sealed class OnsPopulationReaderTests : IDisposable
{
    private static readonly string Published = Path.Combine(PublishedFolder.Path, "ons_mid-year_population_estimates_2012_to_2024.csv");

    private readonly string _single = Path.Combine(Path.GetTempPath(), $"outturn-population-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_single);

    /// <summary>Rotherham's children by year, read from the raw file in the test.</summary>
    private static Dictionary<int, decimal> RotherhamRaw() =>
        File.ReadAllLines(Published).Skip(1).Select(l => l.Split(','))
            .Where(f => f[2] == "Local authority" && f[9] == "Rotherham" && f[10] == "Children aged 0 to 17 years")
            .OrderBy(f => f[0], StringComparer.Ordinal) // the reader gives the years in order
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => decimal.Parse(f[11], CultureInfo.InvariantCulture));

    [Fact]
    public void Read_TakesTheAuthorityByNameOrEitherCode()
    {
        var raw = RotherhamRaw();

        raw.Count.ShouldBe(13); // 2012 to 2024
        OnsPopulationReader.Read(Published, "Rotherham").ShouldBe(raw);
        OnsPopulationReader.Read(Published, "372").ShouldBe(raw);
        OnsPopulationReader.Read(Published, "E08000018").ShouldBe(raw);
    }

    [Fact]
    public void Read_OfAFileOfManyNeedsAnAuthorityOrTheConfiguredOne()
    {
        Should.Throw<InputException>(() => OnsPopulationReader.Read(Published)).Errors.Single().Message.ShouldStartWith("the file holds ");
        OnsPopulationReader.Read(Published, configured: "Rotherham").ShouldBe(RotherhamRaw());
        OnsPopulationReader.Read(Published, "Barnsley", configured: "Rotherham")[2024].ShouldNotBe(RotherhamRaw()[2024]); // the one named wins
    }

    [Fact]
    public void Read_OfAFileOfOneIgnoresTheConfiguredAuthorityButNotANamedOne()
    {
        File.WriteAllText(_single, string.Join('\n', File.ReadAllLines(Published).Take(1)
            .Concat(File.ReadAllLines(Published).Where(l => l.Contains(",Rotherham,Children aged 0 to 17", StringComparison.Ordinal)))) + "\n");

        OnsPopulationReader.Read(_single, configured: "Barnsley").ShouldBe(RotherhamRaw());
        Should.Throw<InputException>(() => OnsPopulationReader.Read(_single, "Barnsley")).Errors.Single().Message.ShouldBe("'Barnsley' is not in the file.");
    }

    /// <summary>Rotherham's rows alone, the one of <paramref name="year"/> changed by <paramref name="change"/>.</summary>
    private void WriteRotherhamWith(string year, Func<string, string> change) =>
        File.WriteAllText(_single, string.Join('\n', File.ReadAllLines(Published).Take(1)
            .Concat(File.ReadAllLines(Published).Where(l => l.Contains(",Rotherham,Children aged 0 to 17", StringComparison.Ordinal))
                .Select(l => l.StartsWith(year + ",", StringComparison.Ordinal) ? change(l) : l))) + "\n");

    [Fact]
    public void Read_RefusesAMisspeltNameRatherThanGiveItsYearTheEstimateOfTheYearBefore()
    {
        // Rotherham's mid-2023 row names it 'Rotherhm': read by the name, 2024-25's rates would quietly take mid-2022's.
        WriteRotherhamWith("2023", l => l.Replace(",Rotherham,", ",Rotherhm,", StringComparison.Ordinal));

        var error = Should.Throw<InputException>(() => OnsPopulationReader.Read(_single, "Rotherham")).Errors.ShouldHaveSingleItem();

        (error.Row, error.Field).ShouldBe((3, "la_name"));
        error.Message.ShouldBe("mid-2023 gives 'Rotherhm' for Rotherham's code: is the name misspelt? Refused, as Rotherham's rates for the year would otherwise take another year's estimate.");
        Should.Throw<InputException>(() => OnsPopulationReader.Read(_single)).Errors.Single().Message.ShouldBe("the file holds 2 authorities: say which with --la.");
    }

    [Fact]
    public void Read_RefusesAnEstimateThatIsNotANumber()
    {
        WriteRotherhamWith("2020", l => l[..l.LastIndexOf(',')] + ",5l234");

        var error = Should.Throw<InputException>(() => OnsPopulationReader.Read(_single, "Rotherham")).Errors.ShouldHaveSingleItem();

        (error.Row, error.Field).ShouldBe((6, "population_estimate"));
        error.Message.ShouldBe("'5l234' is not a population: refused, as its year's rates would otherwise take another year's estimate.");
    }
}
