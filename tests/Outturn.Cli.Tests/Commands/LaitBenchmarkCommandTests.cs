using System.Text.Json;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class LaitBenchmarkCommandTests
{
    [Fact]
    public void Benchmark_Topic_ShowsEveryMeasureOfTheTopicWithItsSourceAndVintage()
    {
        var (exit, output, error) = CliRun.Of("benchmark", "--la", "Rotherham", "--topic", "Child Protection", "--year", "2024-25",
            "--published", PublishedFolder.Path, "--width", "120");

        (exit, error).ShouldBe((0, ""));
        output.Split('\n').ShouldAllBe(line => line.Length <= 120);
        Snapshot.Match(output, "Benchmark.Rotherham.topic-child-protection.txt");
    }

    [Fact]
    public void Benchmark_UnknownTopic_ListsTheTopics()
    {
        var (exit, _, error) = CliRun.Of("benchmark", "--la", "Rotherham", "--topic", "Knitting", "--published", PublishedFolder.Path);

        exit.ShouldBe(1);
        error.ShouldContain("The topics are: ");
        error.ShouldContain("Children in Need");
    }

    [Fact]
    public void Measures_Search_FindsTheMeasuresToMapARowTo()
    {
        var (exit, output, error) = CliRun.Of("benchmark", "measures", "--search", "section 47", "--published", PublishedFolder.Path);

        (exit, error).ShouldBe((0, ""));
        output.ShouldStartWith("lait:Section_47\tSection 47 enquiries rate per 10,000 children\tChild Protection\t");
        output.ShouldContain("updated 2025-10-01, next 2026-10-01");
    }

    [Fact]
    public void SeedScorecard_WithRotherham_FillsEveryBenchmarkingRowFromPublishedData()
    {
        var (exit, output, error) = CliRun.Of("scorecard", "--demo", "--la", "Rotherham", "--published", PublishedFolder.Path, "--format", "json");

        (exit, error).ShouldBe((0, ""));
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(4);
        foreach (var row in rows)
        {
            var b = row.GetProperty("benchmarks");
            // 2024-25 is published for every row; the sample's typed-in figures are for 2023-24.
            b.GetProperty("year").GetString().ShouldBe("2024-25", row.GetProperty("id").GetString());
            foreach (var field in new[] { "statNeighbourAverage", "national", "regional", "topQuartile" })
            {
                b.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Number, $"{row.GetProperty("id").GetString()} {field}");
            }
        }

        // England's section 47 rate for 2024-25 as LAIT publishes it (row "Section_47, 2025, England").
        rows.Single(r => r.GetProperty("id").GetString() == "s47-rate").GetProperty("benchmarks").GetProperty("national").GetDecimal().ShouldBe(189.3m);
    }
}
