using Outturn.Domain.ChildLevel;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Formats.AnnexA;
using Outturn.Formats.Tables;
using Outturn.Formats.Xlsx;
using Outturn.Testing;

namespace Outturn.Formats.Tests.AnnexA;

public class AnnexAReaderTests
{
    [Fact]
    public void Read_FindsAllElevenListsOfTheSampleWorkbook()
    {
        var workbook = AnnexAReader.Read(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"));

        workbook.Lists.Keys.Order().ShouldBe(Enumerable.Range(1, 11));
        workbook.Problems.ShouldBeEmpty();
        workbook.Referrals.Count.ShouldBe(workbook.Lists[3].Rows.Count);
        workbook.Referrals[0].ShouldBe(new AnnexAReferral("6537810", new DateOnly(2020, 9, 16), "Multi Agency Safeguarding Hub", "Dustin Hazlett", "8", false));
    }

    /// <summary>The sample workbook written again, cell by cell as text, with its sheets renamed and some left out.</summary>
    private static string Rewritten(Func<int, string?> name, params string[] extraSheets)
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-annex-a-{Guid.NewGuid():N}.xlsx");
        var styles = new XlsxStyles();
        var sheets = new List<XlsxSheetWriter>();
        foreach (var (sheet, table) in TableReader.ReadSheets(RepoPaths.InSamples("annex-a", "Annex_A.xlsx")))
        {
            if (name(AnnexAReader.ListNumber(sheet)!.Value) is not { } renamed)
            {
                continue;
            }

            var writer = new XlsxSheetWriter(renamed, styles);
            for (var c = 0; c < table.Headers.Count; c++)
            {
                writer.Text(1, c + 1, table.Headers[c]);
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    writer.Text(r + 2, c + 1, table.Rows[r][table.Headers[c]]);
                }
            }

            sheets.Add(writer);
        }

        foreach (var extra in extraSheets)
        {
            var writer = new XlsxSheetWriter(extra, styles);
            writer.Text(1, 1, "Extracted from the case management system on 1 April.");
            sheets.Add(writer);
        }

        using (var stream = File.Create(path))
        {
            XlsxWorkbook.Save(stream, styles, sheets);
        }

        return path;
    }

    [Fact]
    public void Read_KnowsRenamedSheetsByTheirColumnsAndListsTheSheetItCannotPlace()
    {
        // Sheets renamed "Sheet1" to "Sheet11" (as a workbook saved by another tool is): each list is found by its
        // columns, so every case keeps its allocation; a sheet that is no list is listed as not read.
        var path = Rewritten(n => $"Sheet{n}", "Notes");
        try
        {
            var original = AnnexAReader.Read(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"));
            var renamed = AnnexAReader.Read(path);

            renamed.Lists.Keys.Order().ShouldBe(Enumerable.Range(1, 11));
            renamed.Allocations.ShouldBe(original.Allocations);
            renamed.Referrals.ShouldBe(original.Referrals);
            renamed.Allocations.ShouldNotBeEmpty();
            var notRead = renamed.Problems.ShouldHaveSingleItem();
            (notRead.Outcome, notRead.ToString()).ShouldBe((Outcome.NotRead, $"{path} [Notes]: the sheet 'Notes' is not an Annex A list, by its name or its columns: not read."));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_WarnsThatTheCaseloadLeavesOutTheCasesOfAMissingList()
    {
        var path = Rewritten(n => n is 6 or 8 ? null : $"List {n}");
        try
        {
            var workbook = AnnexAReader.Read(path);

            workbook.Problems.Select(p => (p.Outcome, p.Message)).ShouldBe(
            [
                (Outcome.LeftOut, "the workbook has no list 6 (children in need): the cases only it allocates count as not allocated, so the caseload (caseload-worker) and the team and worker of those cases leave them out."),
                (Outcome.LeftOut, "the workbook has no list 8 (children looked after): the cases only it allocates count as not allocated, so the caseload (caseload-worker) and the team and worker of those cases leave them out."),
            ]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Sheet3", null)] // known by its columns instead
    [InlineData("List 3", 3)]
    [InlineData("List_3", 3)]
    [InlineData("L3 Referrals", 3)]
    [InlineData("Referrals", 3)]
    [InlineData("List 10 Adoption", 10)]
    [InlineData("Children looked after", 8)]
    [InlineData("Notes", null)] // not a list
    public void ListNumber_ReadsTheWaysLAsNameSheets(string sheet, int? number) => AnnexAReader.ListNumber(sheet).ShouldBe(number);

    [Fact]
    public void Read_ToleratesATitleRowVariantHeadersAndTextDates()
    {
        // Given an LA's own layout: a title above the header, other wording, dates typed as text
        var path = Path.Combine(Path.GetTempPath(), $"outturn-annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            var styles = new XlsxStyles();
            var sheet = new XlsxSheetWriter("L3 Referrals", styles);
            sheet.Text(1, 1, "Annex A list 3: referrals, 1 April 2024 to 31 March 2025");
            string[] headers = ["LA Child ID", "Referral Date", "Referral NFA", "Allocated Team", "Allocated Worker"];
            for (var c = 0; c < headers.Length; c++)
            {
                sheet.Text(3, c + 1, headers[c]);
            }

            string[][] rows = [["K1", "05/02/2025", "No", "East", "A Worker"], ["K2", "2025-02-06", "No", "", ""], ["K3", "yesterday", "No", "West", "B Worker"]];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Text(4 + r, c + 1, rows[r][c]);
                }
            }

            using (var stream = File.Create(path))
            {
                XlsxWorkbook.Save(stream, styles, [sheet]);
            }

            // When
            var workbook = AnnexAReader.Read(path);

            // Then
            workbook.Referrals.ShouldBe(
            [
                new AnnexAReferral("K1", new DateOnly(2025, 2, 5), "East", "A Worker", NoFurtherAction: false),
                new AnnexAReferral("K2", new DateOnly(2025, 2, 6), null, null, NoFurtherAction: false),
            ]);
            var problem = workbook.Problems.First(p => p.Outcome != Outcome.LeftOut); // lists 4 to 8 are not in this workbook
            problem.ToString().ShouldBe($"{path} [L3 Referrals], row 6, column 'Referral Date': child K3: 'yesterday' is not a date, and the referral is placed by it: refused.");
            (problem.Outcome, problem.ChildId).ShouldBe((Outcome.Refused, "K3"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TypesTheSampleWorkbooksReferralSourcesAndNfa()
    {
        var workbook = AnnexAReader.Read(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"));

        // Counted from the raw cells: "q) 6: Police" is source 6, "No" is not NFA.
        var rows = workbook.Lists[3].Rows;
        var rawSources = rows.GroupBy(r => r["Referral Source"].Split(") ")[1].Split(':')[0]).ToDictionary(g => g.Key, g => g.Count());
        var rawNfa = (Yes: rows.Count(r => r["Referral NFA?"] == "Yes"), No: rows.Count(r => r["Referral NFA?"] == "No"));

        workbook.Problems.ShouldBeEmpty();
        workbook.Referrals.GroupBy(r => r.Source!).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(rawSources, ignoreOrder: true);
        rawSources.ShouldBe(new Dictionary<string, int> { ["6"] = 3, ["8"] = 1, ["3D"] = 1, ["2A"] = 1 }, ignoreOrder: true);
        (workbook.Referrals.Count(r => r.NoFurtherAction == true), workbook.Referrals.Count(r => r.NoFurtherAction == false)).ShouldBe(rawNfa);
        rawNfa.ShouldBe((0, 6));
    }

    [Fact]
    public void Read_ReadsYesNoVariantsAndNamesTheOneItCannot()
    {
        // Given list 3 with its NFA column written four ways, one of them not yes or no
        var path = Path.Combine(Path.GetTempPath(), $"outturn-annex-a-{Guid.NewGuid():N}.xlsx");
        try
        {
            var styles = new XlsxStyles();
            var sheet = new XlsxSheetWriter("List 3", styles);
            string[] headers = ["Child Unique ID", "Date of Referral", "Source of referral", "NFA"];
            string[][] rows =
            [
                ["K1", "2025-02-05", "q) 6: Police", "a) Yes"],
                ["K2", "2025-02-06", "1B - Individual", "Y"],
                ["K3", "2025-02-07", "3D", "No"],
                ["K4", "2025-02-08", "", "maybe"],
            ];
            foreach (var (row, r) in rows.Prepend(headers).Select((row, r) => (row, r)))
            {
                for (var c = 0; c < row.Length; c++)
                {
                    sheet.Text(r + 1, c + 1, row[c]);
                }
            }

            using (var stream = File.Create(path))
            {
                XlsxWorkbook.Save(stream, styles, [sheet]);
            }

            // When
            var workbook = AnnexAReader.Read(path);

            // Then
            workbook.Referrals.Select(r => (r.ChildId, r.Source, r.NoFurtherAction)).ShouldBe(
                [("K1", "6", true), ("K2", "1B", true), ("K3", "3D", false), ("K4", null, null)]);
            var problem = workbook.Problems.First(p => p.Outcome != Outcome.LeftOut); // lists 4 to 8 are not in this workbook
            problem.ToString().ShouldBe($"{path} [List 3], row 5, column 'NFA': child K4: 'maybe' is not yes or no (Yes/No, Y/N, True/False, 1/0): counted as not known.");
            problem.Outcome.ShouldBe(Outcome.Counted);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Allocate_GivesEachCinEpisodeTheTeamAndWorkerHoldingIt()
    {
        // Given four episodes: referred this year (list 3 only), open from earlier (list 6), on a plan that list 7
        // shows with a newer holder than list 3, and one the workbook does not show
        static DateOnly D(int y, int m, int d) => new(y, m, d);
        CinEpisode Episode(DateOnly referral, DateOnly? closed = null) => new(referral, "1A", false, "N1", closed, null, [], [], [], []);
        var cin = new ChildInNeedData(
        [
            new CinChild("K1", null, "M", [Episode(D(2022, 5, 1), D(2023, 1, 1)), Episode(D(2025, 2, 5))]),
            new CinChild("K2", null, "F", [Episode(D(2023, 6, 1))]),
            new CinChild("K3", null, "F", [Episode(D(2024, 6, 3))]),
        ]);
        var workbook = new AnnexAWorkbook(new Dictionary<int, Table>(), [], [])
        {
            Allocations =
            [
                new CaseAllocation("K1", AllocatedRecord.Referral, D(2025, 2, 5), "Assessment Team 1", "A Worker"),
                new CaseAllocation("K2", AllocatedRecord.ChildInNeed, D(2023, 6, 1), "CIN Team 2", "B Worker"),
                new CaseAllocation("K3", AllocatedRecord.Referral, D(2024, 6, 3), "Assessment Team 1", "A Worker"),
                new CaseAllocation("K3", AllocatedRecord.ProtectionPlan, D(2024, 8, 12), "CIN Team 1", "C Worker"),
            ],
        };

        // When
        var allocated = Allocation.Apply(cin, workbook.Allocations);

        // Then
        allocated.Children.SelectMany(c => c.Episodes.Select(e => (c.ChildId, e.Team, e.Worker))).ShouldBe(
        [
            ("K1", null, null), // closed before the workbook's year: no list shows it
            ("K1", "Assessment Team 1", "A Worker"),
            ("K2", "CIN Team 2", "B Worker"),
            ("K3", "CIN Team 1", "C Worker"), // the plan's holder, not the referral's
        ]);
    }

    [Fact]
    public void Read_TakesTheHolderOfEveryOpenCaseFromListsFourToEight()
    {
        var workbook = AnnexAReader.Read(RepoPaths.InSamples("annex-a", "Annex_A.xlsx"));

        workbook.Problems.ShouldBeEmpty();
        var records = new[] { AllocatedRecord.Referral, AllocatedRecord.Assessment, AllocatedRecord.Section47, AllocatedRecord.ChildInNeed, AllocatedRecord.ProtectionPlan, AllocatedRecord.LookedAfter };
        foreach (var (n, record) in new[] { 3, 4, 5, 6, 7, 8 }.Zip(records))
        {
            var columns = workbook.Lists[n].Headers.Where(h => h.Contains("Team", StringComparison.OrdinalIgnoreCase) || h.Contains("Worker", StringComparison.OrdinalIgnoreCase)).ToList();
            columns.Count.ShouldBe(2, $"list {n}");
            var named = workbook.Lists[n].Rows.Count(r => columns.Any(c => r[c].Length > 0));
            workbook.Allocations.Count(a => a.Record == record).ShouldBe(named, $"list {n}");
        }

        workbook.Allocations.Select(a => a.Record).Distinct().Order().ShouldBe(records);
        var first = workbook.Lists[3].Rows.Select(r => workbook.Referrals.First(x => x.ChildId == r["Child Unique ID"]).ReferralDate).Min();
        workbook.PeriodStart.ShouldBe(new DateOnly(first.Year, first.Month, 1));
    }
}
