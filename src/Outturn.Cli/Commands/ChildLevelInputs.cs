using System.CommandLine;
using Outturn.App;
using Outturn.App.ChildLevel;
using Outturn.Demo;
using Outturn.Demo.Returns;
using Outturn.Domain.Calendar;
using Outturn.Domain.National;
using Outturn.Formats;
using Outturn.Formats.National;
using Outturn.Formats.Scorecards;
using Outturn.Formats.Xlsx;

namespace Outturn.Cli.Commands;

/// <summary>The child-level returns (SSDA903, CIN census), the population, and the definitional options; or <c>--demo</c>.</summary>
internal sealed class ChildLevelInputs(OutturnSettings settings)
{
    /// <summary>The month the demo reports: the last of its four years.</summary>
    public const string DemoMonth = "2025-03";

    private readonly Option<string?> _ssda903 = new("--903") { Description = "SSDA903 returns: a folder with one subfolder of CSV tables per year (2024-25, …)." };
    private readonly Option<string?> _cin = new("--cin") { Description = "CIN census XML: one file, or a folder of one file per year." };
    private readonly Option<string?> _annexA = new("--annex-a") { Description = "The Ofsted Annex A workbook: lists 3 to 8 give the team and worker holding each case." };
    private readonly Option<string?> _sen2 = new("--sen2") { Description = "SEN2 returns (XML): one file, or a folder of them; for EHC plans within 20 weeks." };
    private readonly Option<string?> _staff = new("--staff") { Description = "The staff list (id, name, team): joins the SSDA903 SW_ID to the names and teams of Annex A, for caseloads." };
    private readonly Option<string?> _population = new("--population") { Description = "ONS mid-year estimates of children aged 0-17 (DfE layout), for rates per 10,000." };
    private readonly Option<string?> _la = new("--la") { Description = "The authority in the population file (name or code), when it holds more than one (default: $OUTTURN_LA)." };
    private readonly Option<bool> _demo = new("--demo") { Description = "Use the synthetic demo LA (generated on first use: 60,000 children, 2021-22 to 2024-25, seed 1)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Refuse returns with any problem, as the DfE's validator does (by default records that break a rule are listed, with what was done about each)." };
    private readonly Option<AssessmentClock> _clock = Choice("--assessment-clock", "Count assessment timeliness from the assessment start (DfE) or the referral (Working Together).", AssessmentClock.AssessmentStart);
    private readonly Option<StartDay> _startDay = Choice("--start-day", "Whether the start day counts as a working day: excluded (DfE: its published durations begin at \"same day\") or included (the CIN validator).", NationalOptions.Default.StartDay);
    private readonly Option<RepeatPlanRule> _repeat = Choice("--repeat-plans", "Repeat child protection plans: any earlier plan (DfE) or one ended within two years.", RepeatPlanRule.Ever);
    private readonly Option<TwentyWeekExceptions> _ehcp = Choice("--ehcp-exceptions", "EHC plans issued under an exception to the 20-week limit: left out (DfE headline) or included.", TwentyWeekExceptions.Excluded);

    /// <summary>The demo LA's returns already read, by folder: read once per process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ChildLevelLoad>> Demos = new(StringComparer.Ordinal);

    /// <summary>Where the demo LA is generated under <paramref name="root"/> (see <see cref="DemoCache.In"/>).</summary>
    public static string DemoCacheIn(string root) => DemoCache.In(root);

    /// <summary>An option naming one of an enum's values in kebab case (<c>within-two-years</c>), or as the value itself.</summary>
    private static Option<T> Choice<T>(string name, string description, T fallback)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(Display.Kebab).ToList();
        return new Option<T>(name)
        {
            Description = $"{description} One of: {string.Join(", ", names)}.",
            HelpName = string.Join("|", names),
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value))
                {
                    return value;
                }

                result.AddError($"{name} '{text}' is not one of: {string.Join(", ", names)}.");
                return fallback;
            },
        };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _ssda903, _cin, _annexA, _sen2, _staff, _population, _la, _demo, _strict, _clock, _startDay, _repeat, _ehcp })
        {
            command.Add(option);
        }
    }

    /// <summary>Adds <c>--db</c>, for a command that reads its figures from the store when no return is given.</summary>
    public void AddStoreTo(Command command) => _store.AddTo(command);

    public bool IsDemo(ParseResult parse) => parse.GetValue(_demo);

    private readonly StoreOption _store = new(settings);

    /// <summary>The store, when no return is given and not --demo: the figures are then the store's; otherwise null.</summary>
    public Store.OutturnStore? Store(ParseResult parse) =>
        !IsDemo(parse) && new[] { _ssda903, _cin, _annexA, _sen2, _staff, _population }.All(o => parse.GetValue(o) is null) ? _store.Open(parse) : null;

    public NationalOptions Options(ParseResult parse) => new(parse.GetValue(_startDay), parse.GetValue(_clock), parse.GetValue(_repeat), parse.GetValue(_ehcp));

    /// <summary>The returns read (see <see cref="Read"/>) with the definitional options, ready to compute.</summary>
    public NationalContext Context(ChildLevelLoad load, ParseResult parse) => new(load.Data, Options(parse));

    /// <summary>
    /// Reads the returns: a file that cannot be read refuses the load, as does any problem with <c>--strict</c>; the
    /// other problems come back with the data, each saying what was done about it.
    /// </summary>
    /// <exception cref="InputException">No returns are given, or a problem refuses the load.</exception>
    public ChildLevelLoad Read(ParseResult parse)
    {
        return IsDemo(parse)
            ? ReadDemo(settings)
            : new ChildLevelFiles(new ChildLevelPaths(
                parse.GetValue(_ssda903), parse.GetValue(_cin), parse.GetValue(_sen2), parse.GetValue(_annexA), parse.GetValue(_staff), parse.GetValue(_population), parse.GetValue(_la),
                settings.Authority), parse.GetValue(_strict)).Load();
    }

    /// <summary>
    /// Lists the problems that did not stop the load on <paramref name="error"/>, after the figures, so an analyst sees
    /// every record a figure left out, counted as given or repaired.
    /// </summary>
    public static void Report(ChildLevelLoad load, TextWriter error)
    {
        if (load.Problems.Count == 0)
        {
            return;
        }

        error.WriteLine($"The returns have {load.Problems.Count.ToString("N0", Formats.Scorecards.Display.Culture)} problem(s), naming {load.ChildrenWithProblems.Count.ToString("N0", Formats.Scorecards.Display.Culture)} child(ren); the figures are computed with each dealt with as it says (--strict refuses instead):");
        foreach (var problem in load.Problems)
        {
            error.WriteLine($"  {problem}");
        }
    }

    /// <summary>The demo LA's returns, generated into the settings' demo cache on first use and read once per process.</summary>
    public static ChildLevelLoad ReadDemo(OutturnSettings settings) =>
        Demos.GetOrAdd(settings.DemoCache, folder => new Lazy<ChildLevelLoad>(() =>
        {
            EnsureDemo(folder);
            return new ChildLevelFiles(new DemoFolder(folder).ToChildLevelPaths()).Load();
        })).Value;

    /// <summary>The demo LA's folder of returns, generated into the settings' demo cache on first use.</summary>
    public static string DemoFolderOf(OutturnSettings settings)
    {
        EnsureDemo(settings.DemoCache);
        return settings.DemoCache;
    }

    private static void EnsureDemo(string folder) => DemoCache.Ensure(folder);
}
