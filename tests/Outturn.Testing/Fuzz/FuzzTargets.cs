using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Outturn.Domain.Periods;
using Outturn.Formats.AnnexA;
using Outturn.Formats.CinCensus;
using Outturn.Formats.Population;
using Outturn.Formats.Published;
using Outturn.Formats.Reports;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Sen2;
using Outturn.Formats.Ssda903;
using Outturn.Formats.Staff;
using Outturn.Formats.Tables;
using Outturn.Formats.Xlsx;

namespace Outturn.Testing.Fuzz;

/// <summary>A file of a seed: its name in the case folder and its bytes.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Content">The bytes.</param>
public sealed record SeedFile(string Name, byte[] Content);

/// <summary>
/// A reader under fuzzing: its seeds (each a set of files read together, taken from the repository's own samples), the
/// mutations of its format, and the read itself, given the case folder and giving a summary of what it read (counts),
/// which a transparent mutation must leave as it is.
/// </summary>
/// <param name="Name">The reader, as the reliability table names it.</param>
/// <param name="Mutations">The mutations of its format.</param>
/// <param name="Seeds">The seeds: each a set of files; one file of one set is mutated per case.</param>
/// <param name="Read">Reads the case folder, returning the summary.</param>
public sealed record FuzzTarget(string Name, IReadOnlyList<Mutation> Mutations, IReadOnlyList<IReadOnlyList<SeedFile>> Seeds, Func<string, string> Read);

/// <summary>Every reader of <c>Outturn.Formats</c>, with its seeds cut from the repository's samples to a few dozen rows.</summary>
public static class FuzzTargets
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> Built = new(Build);

    /// <summary>The readers.</summary>
    public static IReadOnlyList<FuzzTarget> All => Built.Value;

    /// <summary>A reader by name.</summary>
    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    private static IReadOnlyList<FuzzTarget> Build()
    {
        var year903 = FinancialYear.Parse("2017-18");
        string[] tables903 = ["header", "episodes", "oc2", "oc3", "missing", "sw_episodes", "reviews", "uasc", "ad1", "placed_for_adoption", "previous_permanence"];
        var ssda903 = tables903.Select(t => Head(RepoPaths.InSamples("ssda903", t + ".csv"), 30)).ToList();
        var population = Head(RepoPaths.InPublished("ons_mid-year_population_estimates_2012_to_2024.csv"), 200);
        var authority = Encoding.UTF8.GetString(population.Content).Split('\n').Select(l => l.Split(','))
            .First(f => f.Length > 9 && f[2] == "Local authority")[9];
        var cinRate = PublishedMeasures.Shipped().Single(m => m.Id == "cin-rate");
        var scorecard = new[] { "catalogue", "targets", "measures", "benchmarks" }
            .Select(n => Whole(RepoPaths.InRepo("samples", "seed-scorecard", n + ".csv"))).ToList();
        var narrative = Whole(RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Reports", "Expected", "demo-narrative.md"));
        var areas = Encoding.UTF8.GetString(narrative.Content).Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
        var staff = new SeedFile("staff.csv", Encoding.UTF8.GetBytes(
            "id,name,team\nSW0001,Fern Ellery,Children in Care Team 1\nSW0002,\"Carrow, Gideon\",\nSW999,Ada Lyle,Assessment Team 2\nSW1000,Bo Reyes,Assessment Team 2\n"));

        return
        [
            new("ssda903-csv", Mutators.Text, [ssda903], dir => Summary(Ssda903Reader.ReadYear(dir, year903))),
            new("ssda903-xml", Mutators.Xml, [[XmlHead(RepoPaths.InSamples("ssda903", "fake_903.xml"), 12)]],
                dir => Summary(Ssda903Reader.ReadXml(Path.Combine(dir, "fake_903.xml"), year903))),
            new("cin-census-xml", Mutators.Xml,
                [[Whole(RepoPaths.InSamples("cin-census", "CIN_Census_2021.xml"))], [Whole(RepoPaths.InSamples("cin-census", "CIN_Census_2024.xml"))],
                 [Whole(RepoPaths.InSamples("cin-census", "CIN_Census_2026.xml"))], [XmlHead(RepoPaths.InSamples("cin-census", "fake_CIN_data.xml"), 15)]],
                dir => Only(dir, path =>
                {
                    var file = CinCensusReader.Read(path);
                    return $"children {file.Data.Children.Count}, problems {file.Problems.Count}";
                })),
            new("annex-a-xlsx", Mutators.Xlsx, [[Whole(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"))]], dir => Only(dir, path =>
            {
                var workbook = AnnexAReader.Read(path);
                return $"lists {workbook.Lists.Count}, referrals {workbook.Referrals.Count}, allocations {workbook.Allocations.Count}, problems {workbook.Problems.Count}";
            })),
            new("sen2-xml", Mutators.Xml,
                [[Whole(RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Sen2", "TestData", "SEN2_2025-03-31.xml"))], [Whole(RepoPaths.InRepo("tests", "Outturn.Formats.Tests", "Sen2", "TestData", "SEN2_2025.xml"))]],
                dir => Only(dir, path =>
                {
                    var file = Sen2Reader.Read(path);
                    return $"requests {file.Data.Requests.Count}, problems {file.Problems.Count}";
                })),
            new("staff-csv", Mutators.Text, [[staff]], dir => Only(dir, path => $"staff {StaffReader.Read(path).Count}")),
            new("staff-xlsx", Mutators.Xlsx, [[ToXlsx(staff)]], dir => Only(dir, path => $"staff {StaffReader.Read(path).Count}")),
            new("population-csv", Mutators.Text, [[population]], dir => Only(dir, path => $"years {OnsPopulationReader.Read(path, authority).Count}")),
            new("ees-csv", Mutators.Text, [[Head(RepoPaths.InPublished("b1_children_in_need_2013_to_2025.csv"), 80)]],
                dir => Only(dir, path => $"years {EesFigures.Read(TableReader.Read(path), cinRate).Count}")),
            new("neighbours-2021-csv", Mutators.Text, [[Head(RepoPaths.InPublished(NeighbourFiles.April2021FileName), 30)]],
                dir => $"groups {NeighbourFiles.ReadApril2021(Path.Combine(dir, NeighbourFiles.April2021FileName)).Groups.Count}"),
            new("neighbours-2025-csv", Mutators.Text, [[Head(RepoPaths.InPublished(NeighbourFiles.Model2025FileName), 30)]],
                dir => $"groups {NeighbourFiles.ReadModel2025(Path.Combine(dir, NeighbourFiles.Model2025FileName)).Groups.Count}"),
            new("scorecard-csv", Mutators.Text, [scorecard], dir => Summary(ScorecardFiles.Read(
                Path.Combine(dir, "catalogue.csv"), Path.Combine(dir, "targets.csv"), Path.Combine(dir, "measures.csv"), Path.Combine(dir, "benchmarks.csv")))),
            new("scorecard-xlsx", Mutators.Xlsx, [[.. scorecard.Select(ToXlsx)]], dir => Summary(ScorecardFiles.Read(
                Path.Combine(dir, "catalogue.xlsx"), Path.Combine(dir, "targets.xlsx"), Path.Combine(dir, "measures.xlsx"), Path.Combine(dir, "benchmarks.xlsx")))),
            new("published-measures-csv", Mutators.Text, [[Whole(RepoPaths.InRepo("src", "Outturn.Formats", "Published", PublishedMeasures.ShippedFileName))]],
                dir => Only(dir, path => $"measures {PublishedMeasures.Read(path).Count}")),
            new("narrative-md", Mutators.Text, [[narrative]], dir => Only(dir, path =>
            {
                var read = NarrativeMarkdown.Read(path, areas);
                return $"areas {read.Count}, bullets {read.Sum(a => a.WorkingWell.Count + a.Challenges.Count)}";
            })),
        ];
    }

    private static string Summary(Ssda903Return read) =>
        $"children {read.Data.Children.Count}, episodes {read.Data.Children.Sum(c => c.Episodes.Count)}, problems {read.Problems.Count}";

    private static string Summary(Domain.Scorecards.ScorecardInput input) =>
        $"indicators {input.Catalogue.Count}, targets {input.Targets.Count}, measures {input.Measures.Count}, benchmarks {input.Benchmarks.Count}";

    /// <summary>The read of the one file in the case folder.</summary>
    private static string Only(string dir, Func<string, string> read) => read(Directory.GetFiles(dir).Single());

    private static SeedFile Whole(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>The first lines of a file (the header and the rows after it).</summary>
    private static SeedFile Head(string path, int lines) =>
        new(Path.GetFileName(path), Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(path).Take(lines)) + "\n"));

    /// <summary>An XML return cut to the first children of its list of children (the root's, or its Children element's).</summary>
    private static SeedFile XmlHead(string path, int children)
    {
        var document = XDocument.Load(path);
        var list = document.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "Children") ?? document.Root;
        foreach (var extra in list.Elements().Where(e => e.Name.LocalName is "Child" or "CHILD").Skip(children).ToList())
        {
            extra.Remove();
        }

        using var output = new MemoryStream();
        document.Save(output);
        return new(Path.GetFileName(path), output.ToArray());
    }

    /// <summary>A CSV seed as a workbook of one sheet: numbers as number cells, months (<c>2025-01</c>) as date cells.</summary>
    public static SeedFile ToXlsx(SeedFile csv)
    {
        var table = TableReader.ReadCsv(new StringReader(Encoding.UTF8.GetString(csv.Content)), csv.Name);
        var styles = new XlsxStyles();
        var sheet = new XlsxSheetWriter("Sheet1", styles);
        var date = new CellLook("mmm-yy");
        for (var c = 0; c < table.Headers.Count; c++)
        {
            sheet.Text(1, c + 1, table.Headers[c]);
        }

        foreach (var (row, r) in table.Rows.Select((row, i) => (row, i + 2)))
        {
            for (var c = 0; c < table.Headers.Count; c++)
            {
                var text = row[table.Headers[c]];
                if (Month.TryParse(text, out var month))
                {
                    sheet.Number(r, c + 1, (decimal)month.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate(), date);
                }
                else if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    sheet.Number(r, c + 1, number);
                }
                else
                {
                    sheet.Text(r, c + 1, text);
                }
            }
        }

        using var output = new MemoryStream();
        XlsxWorkbook.Save(output, styles, [sheet]);
        return new(Path.ChangeExtension(csv.Name, ".xlsx"), output.ToArray());
    }
}
