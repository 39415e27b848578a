using Outturn.Domain.Periods;
using Outturn.Formats.Published;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Published;

public class NeighbourFilesTests
{
    [Fact]
    public void ReadModel2025_ReadsEveryAuthoritysTenNeighboursInOrder()
    {
        var path = PublishedFolder.File(NeighbourFiles.Model2025FileName);
        var model = NeighbourFiles.ReadModel2025(path);

        model.Groups.Count.ShouldBe(153);
        var row = RawCsv.Rows(path).Single(r => r["la_name"] == "Rotherham");
        var rotherham = model.Groups["372"];
        rotherham.Neighbours.Select(n => n.Code).ShouldBe(Enumerable.Range(1, 10).Select(i => row[$"SN_{i}"]));
        rotherham.Neighbours[0].Closeness.ShouldBe(row["SN_1P"].Trim() is var c && c.Length > 0 ? char.ToUpperInvariant(c[0]) + c[1..].ToLowerInvariant() : null);
        model.FirstYear.ShouldBe(new FinancialYear(2024));
    }

    [Fact]
    public void ReadApril2021_KeepsTheGroupsOfAbolishedAuthorities()
    {
        var model = NeighbourFiles.ReadApril2021(PublishedFolder.File(NeighbourFiles.April2021FileName));

        model.Groups.Count.ShouldBe(156); // 152 authorities of 2021 plus Dorset, Poole, Bournemouth (pre 2019) and Northamptonshire
        model.Groups["928"].Name.ShouldBe("Northamptonshire");
        model.Groups["909"].Name.ShouldBe("Cumbria");
        model.Groups["372"].Neighbours.Select(n => n.Closeness).ShouldAllBe(c => c == "Extremely close" || c == "Very close" || c == "Close" || c == "Somewhat close" || c == "Not close");
    }

    [Fact]
    public void ReadBoth_ChoosesApril2021BeforeAndThe2025ModelFrom2024To25()
    {
        var models = NeighbourFiles.ReadBoth(PublishedFolder.Path);

        models.For(new FinancialYear(2023)).Name.ShouldBe("April 2021");
        models.For(new FinancialYear(2024)).Name.ShouldBe("2025");
    }

    [Fact]
    public void ReadModel2025_BadRows_AreReportedWithRowAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sn-{Guid.NewGuid():N}.csv");
        var header = "old_la_code,la_name,region_ind,region_name," + string.Join(",", Enumerable.Range(1, 10).Select(i => $"SN_{i},SN_{i}P"));
        string Row(string code, string name, params string[] neighbours) =>
            $"{code},{name},9,Yorkshire," + string.Join(",", neighbours.Select(n => $"{n},Close"));
        File.WriteAllLines(path, [
            header,
            Row("372", "Rotherham", "370", "371", "373", "380", "381", "382", "383", "384", "390", "391"),
            Row("37X", "Typo", "370", "371", "373", "380", "381", "382", "383", "384", "390", "391"),
            Row("373", "Sheffield", "370", "371", "373", "380", "381", "382", "383", "384", "390", "391"),
            Row("374", "Short", "370", "ABC", "373", "380", "381", "382", "383", "384", "390", "391"),
            Row("372", "Again", "370", "371", "373", "380", "381", "382", "383", "384", "390", "391"),
        ]);
        try
        {
            var errors = Should.Throw<InputException>(() => NeighbourFiles.ReadModel2025(path)).Errors;

            errors.Select(e => (e.Row, e.Field)).ShouldBe([(3, "LA code"), (4, null), (5, "neighbour 2"), (6, "LA code")]);
            errors[1].Message.ShouldBe("Sheffield (373) is listed as its own neighbour.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadBoth_AMissingFile_SaysWhere()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        var errors = Should.Throw<InputException>(() => NeighbourFiles.ReadBoth(empty)).Errors;

        errors.Select(e => e.File).ShouldBe([NeighbourFiles.April2021FileName, NeighbourFiles.Model2025FileName]);
    }
}
