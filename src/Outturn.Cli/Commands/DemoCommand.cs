using System.CommandLine;
using System.Globalization;
using Outturn.App;
using Outturn.App.Imports;
using Outturn.App.Reports;
using Outturn.App.Scorecards;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.Disclosure;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli.Commands;

/// <summary><c>outturn demo generate</c>: a synthetic LA's statutory returns for the demo and the tests.</summary>
internal static class DemoCommand
{
    /// <summary>The default as-at date: the demo's last year is 2024-25 unless asked otherwise.</summary>
    public static readonly DateOnly DefaultAsAt = new(2025, 3, 31);

    public static Command Create(TextWriter output, TextWriter error, OutturnSettings outturn)
    {
        var children = new Option<int>("--children", "-n") { Description = "Children aged 0 to 17 living in the LA (with --authorities, in all of them together).", DefaultValueFactory = _ => 60_000 };
        var years = new Option<int>("--years", "-y") { Description = "Financial years to generate, ending with the last complete year.", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed", "-s") { Description = "Seed: the same seed gives the same files, byte for byte.", DefaultValueFactory = _ => 1 };
        var asAt = new Option<string>("--as-at") { Description = "Generate as at this date (yyyy-mm-dd); the last year is the last complete financial year by then.", DefaultValueFactory = _ => "2025-03-31" };
        var outputDir = new Option<string>("--output", "-o") { Description = "The folder to write (new or empty).", Required = true };
        var authorities = new Option<int?>("--authorities", "-a")
        {
            Description = $"A national-scale set: this many synthetic authorities (1 to {DemoAuthority.MaxSynthetic}), each in OUTPUT/CODE as one LA's folder, with codes 001 on that no real LA has (\"Synthetic authority 001\", E06900001), its own seed from --seed, and --children shared evenly between them; generated on the cores there are.",
        };

        var generate = new Command("generate", "Generate a synthetic LA: SSDA903 and CIN census returns for each year, Annex A for the last, and the population.")
        {
            children, years, seed, asAt, outputDir, authorities,
        };
        generate.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var asAtText = parse.GetValue(asAt)!;
            if (!DateOnly.TryParseExact(asAtText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error.WriteLine($"--as-at '{asAtText}' is not a date like 2025-03-31.");
                return 1;
            }

            if (parse.GetValue(authorities) is { } count)
            {
                return GenerateSet(output, error, count, parse.GetValue(children), parse.GetValue(years), parse.GetValue(seed), date, parse.GetValue(outputDir)!);
            }

            DemoSettings settings;
            try
            {
                settings = new DemoSettings(parse.GetValue(children), parse.GetValue(years), parse.GetValue(seed), date);
            }
            catch (ArgumentOutOfRangeException e)
            {
                error.WriteLine(e.ParamName switch
                {
                    "children" => $"--children must be from {DemoSettings.MinChildren:N0} to {DemoSettings.MaxChildren:N0}.",
                    "years" => $"--years must be from 1 to {DemoSettings.MaxYears}.",
                    _ => e.Message.Split(" (Parameter", StringSplitOptions.None)[0],
                });
                return 1;
            }

            var la = DemoGenerator.Generate(settings);
            var path = parse.GetValue(outputDir)!;
            var files = DemoWriter.Write(la, path);
            var span = settings.Years == 1 ? settings.LastYear.ToString() : $"{settings.FirstYear} to {settings.LastYear}";
            output.WriteLine($"Wrote {files.Count} files for {settings.Authority.Name}: {settings.Children.ToString("N0", CultureInfo.InvariantCulture)} children aged 0-17, seed {settings.Seed}, {span}, to {path}");
            Terminal.For(output).Write(Summary(la));
            output.WriteLine("Children in each return; referrals, section 47 enquiries, CLA starts and EHC plans issued are events in the year; SEN2 is each January census and a 31 March extract; Annex A is the last year, all 11 lists.");
            return 0;
        }));

        var store = new StoreOption(outturn);
        var load = new Command("load", "Fill an empty store with the demo LA: its returns imported, its figures, the targets in samples/demo-la, drafted commentary, the performance board's actions, the published statistics shipped and a published quarter.");
        store.AddTo(load);
        load.SetAction(parse => OutturnCli.Guard(error, () =>
        {
            var db = store.Open(parse);
            var loaded = StoreCommands.WithProgress(error, progress => db.LoadDemo(
                ChildLevelInputs.DemoFolderOf(outturn),
                Path.Combine(AppContext.BaseDirectory, "samples", "demo-la", "targets.csv"),
                Quarter.Parse(ReportCommand.DemoQuarter),
                progress,
                outturn.PublishedFolder));
            output.WriteLine($"Loaded the demo LA into {db.Target}: {loaded.Files} return files, {loaded.Import.Figures.ToString("N0", CultureInfo.InvariantCulture)} figures (each month {loaded.Import.Months} and each year), the targets in samples/demo-la, commentary drafted for {loaded.Quarter}, {loaded.Actions.Count} actions from the performance board (outturn actions list), {(loaded.Benchmarks is { } b ? $"the published statistics of {b.Measures.Count} measures (outturn benchmarks list)" : "no published statistics (none found)")} and {loaded.Quarter} published (#{loaded.Publication.Id}). Try: outturn scorecard");
            return 0;
        }));

        return new Command("demo", "Synthetic data for demonstrations and tests.") { generate, load };
    }

    /// <summary><c>--authorities</c>: the national-scale set, each authority generated and written on the cores there are.</summary>
    private static int GenerateSet(TextWriter output, TextWriter error, int count, int children, int years, int seed, DateOnly asAt, string path)
    {
        IReadOnlyList<DemoSettings> set;
        try
        {
            set = NationalDemo.Settings(count, children, years, seed, asAt);
        }
        catch (ArgumentOutOfRangeException e)
        {
            error.WriteLine(e.ParamName switch
            {
                "authorities" => $"--authorities must be from 1 to {DemoAuthority.MaxSynthetic}.",
                "children" => $"--children must be from {N(DemoSettings.MinChildren * count)} to {((long)DemoSettings.MaxChildren * count).ToString("N0", CultureInfo.InvariantCulture)} for {count} authorities ({N(DemoSettings.MinChildren)} to {N(DemoSettings.MaxChildren)} each).",
                "years" => $"--years must be from 1 to {DemoSettings.MaxYears}.",
                _ => e.Message.Split(" (Parameter", StringSplitOptions.None)[0],
            });
            return 1;
        }

        var files = NationalDemo.Write(set, path);
        var first = set[0];
        var span = first.Years == 1 ? first.LastYear.ToString() : $"{first.FirstYear} to {first.LastYear}";
        output.WriteLine($"Wrote {files.Count} files for {set.Count} synthetic authorities: {N(children)} children aged 0-17 in all, seed {seed}, {span}, to {path}, one folder each:");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Folder").AddColumn("Authority").AddColumn("ONS code").AddColumn("Region")
            .AddColumn(new TableColumn("Children").RightAligned()).AddColumn(new TableColumn("Seed").RightAligned());
        foreach (var la in set)
        {
            var a = la.Authority;
            table.AddRow(Markup.Escape(a.OldLaCode), Markup.Escape(a.Name), a.NewLaCode, Markup.Escape(a.RegionName), N(la.Children), la.Seed.ToString(CultureInfo.InvariantCulture));
        }

        Terminal.For(output).Write(table);
        output.WriteLine("Each folder is one LA's returns, laid out as a single demo's: read one as an LA's own files (indicators --903 CODE/ssda903 --cin CODE/cin-census ...), or all with bench/Outturn.National --folder.");
        return 0;
    }

    /// <summary>Children in each return, per year, and the headline volumes behind them.</summary>
    public static IRenderable Summary(SyntheticLa la)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("What the returns hold").AddColumn("Year");
        string[] heads = ["CIN census", "SSDA903", "CLA 31 Mar", "CLA starts", "Referrals", "S47s", "CP 31 Mar", "OC2", "OC3", "AD1", "EHC plans", "Annex A"];
        foreach (var head in heads)
        {
            table.AddColumn(new TableColumn(head).RightAligned());
        }

        foreach (var year in la.Settings.ReportingYears)
        {
            var census = CinCensusYear.For(la, year);
            var ssda903 = Ssda903Year.For(la, year);
            var end = year.End;
            var lookedAfter = ssda903.Episodes.Where(r => !r.Episode.IsShortBreak && r.Episode.End is null).Select(r => r.Child).Distinct().Count();
            var starts = ssda903.Episodes.Count(r => !r.Episode.IsShortBreak && r.Episode.Rne == "S" && year.Contains(r.Episode.Start));
            var referrals = census.Children.Sum(c => c.Episodes.Count(e => year.Contains(e.ReferralDate)));
            var enquiries = census.Children.Sum(c => c.Episodes.Sum(e => e.Section47s.Count(s => year.Contains(s.Start))));
            var plans = census.Children.Count(c => c.Episodes.Any(e => e.ProtectionPlans.Any(p => p.End is null)));
            var annexA = year == la.Settings.LastYear
                ? AnnexAWriter.Build(la, year).Values.Sum(rows => rows.Count).ToString("N0", CultureInfo.InvariantCulture) + " rows"
                : "";
            var ehcPlans = la.SpecialNeeds.Sum(p => p.Requests.Count(r => r.Issued is { } d && year.Contains(d)));
            table.AddRow(
                year.ToString(), N(census.Children.Count), N(ssda903.Header.Count), N(lookedAfter), N(starts), N(referrals), N(enquiries), N(plans),
                N(ssda903.Oc2.Count), N(ssda903.Oc3.Count), N(ssda903.Ad1.Count), N(ehcPlans), annexA);
        }

        return table;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
