using System.Text.RegularExpressions;
using Outturn.Demo.Returns;
using Outturn.Domain.Periods;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public partial class Ssda903WriterTests
{
    private static Dictionary<string, string> Files(SyntheticLa la, string year) =>
        Ssda903Writer.Render(Ssda903Year.For(la, FinancialYear.Parse(year))).ToDictionary(f => f.File, f => f.Text);

    private static List<string[]> Rows(string text) => text.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToList();

    public static TheoryData<string> Tables => new(Ssda903Writer.Tables.Select(t => t.File));

    /// <summary>Every table's header row is the DfE one, as in the 903 validator's test files (which the validator
    /// recognises the tables by).</summary>
    [Theory]
    [MemberData(nameof(Tables))]
    public void Render_WritesTheColumnsOfTheSpecification(string file)
    {
        var sample = File.ReadLines(RepoPaths.InSamples("ssda903", file)).First().TrimStart('\uFEFF');

        var text = Files(SmallLa.OneYear, "2024-25")[file];

        text.Split('\n')[0].ShouldBe(sample);
    }

    [Fact]
    public void Render_WritesSexAsOneAndTwoBefore2024_25AndAsMAndFFrom2024_25()
    {
        Rows(Files(SmallLa.ThreeYears, "2023-24")["header.csv"]).Select(r => r[1]).Distinct().Order().ShouldBe(["1", "2"]);
        Rows(Files(SmallLa.ThreeYears, "2024-25")["header.csv"]).Select(r => r[1]).Distinct().Order().ShouldBe(["F", "M"]);
        Rows(Files(SmallLa.ThreeYears, "2024-25")["uasc.csv"]).ShouldAllBe(r => r[1] == "M" || r[1] == "F");
    }

    [Fact]
    public void Render_WritesSocialWorkerEpisodesFrom2023_24Only()
    {
        Files(SmallLa.ThreeYears, "2022-23").ShouldNotContainKey("sw_episodes.csv");
        Rows(Files(SmallLa.ThreeYears, "2023-24")["sw_episodes.csv"]).ShouldNotBeEmpty();
    }

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4}$")]
    private static partial Regex DayMonthYear();

    [Fact]
    public void Render_WritesEveryDateAsDayMonthYearAndEveryRowInFull()
    {
        var files = Files(SmallLa.ThreeYears, "2024-25");
        foreach (var (file, columns) in Ssda903Writer.Tables)
        {
            var rows = Rows(files[file]);
            rows.ShouldAllBe(r => r.Length == columns.Length, file);
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c] is "DOB" or "DECOM" or "DEC" or "REVIEW" or "DUC" or "DATE_INT" or "DATE_MATCH" or "DATE_PLACED" or "DATE_PLACED_CEASED"
                    or "MIS_START" or "MIS_END" or "SW_DECOM" or "SW_DEC")
                {
                    rows.Select(r => r[c]).Where(v => v.Length > 0).ShouldAllBe(v => DayMonthYear().IsMatch(v), $"{file} {columns[c]}");
                }
            }
        }
    }

    [Fact]
    public void Episodes_MatchTheExpectedFile()
    {
        var text = Files(SmallLa.OneYear, "2024-25")["episodes.csv"];

        Snapshot.Match(SmallLa.FirstLines(text, 21), "episodes-2024-25-first-20.csv");
    }

    [Fact]
    public void Write_WritesEachTableToItsFile()
    {
        var directory = Directory.CreateTempSubdirectory("outturn-903-").FullName;
        try
        {
            var year = Ssda903Year.For(SmallLa.OneYear, FinancialYear.Parse("2024-25"));

            Ssda903Writer.Write(year, directory);

            Directory.GetFiles(directory).Select(Path.GetFileName).Order().ShouldBe(Ssda903Writer.Tables.Select(t => t.File).Order());
            File.ReadAllText(Path.Combine(directory, "episodes.csv")).ShouldBe(Files(SmallLa.OneYear, "2024-25")["episodes.csv"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
