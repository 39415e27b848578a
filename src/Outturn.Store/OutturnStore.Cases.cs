using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Dapper;
using Outturn.App.National;
using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.Store;

/// <summary>
/// The cases behind the figures: kept at each computation for the latest 12 months held and the latest whole year (the
/// months a manager works from), one compressed list per indicator and period, and given back only through
/// <see cref="Cases"/>, which writes the access log first.
/// </summary>
public sealed partial class OutturnStore
{
    /// <summary>How many of the latest months held keep the cases behind their figures.</summary>
    public const int CaseMonthsKept = 12;

    private static readonly JsonSerializerOptions CaseJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record KeptCase(string Child, bool In, string Reason, string[][] Dates, string? Team, string? Worker);

    private sealed record CaseListRow(string Indicator, string Period, byte[] Content);

    /// <summary>The periods whose case lists the store keeps, latest first.</summary>
    public IReadOnlyList<Period> CasePeriods() => Read(c =>
        (IReadOnlyList<Period>)[.. c.Query<string>("SELECT DISTINCT period FROM case_lists").Select(Period.Parse)
            .OrderByDescending(p => p.LastMonth).ThenBy(p => p.AsMonth() is null)]);

    /// <summary>
    /// The cases behind <paramref name="indicator"/>'s figure for <paramref name="period"/> that the filter keeps, with
    /// the whole figure, written to the store's access log (who, when, what was asked, which children) before they are
    /// returned; null when the store keeps no list for the period (see <see cref="CasePeriods"/>).
    /// </summary>
    /// <exception cref="App.Audit.AccessLogException">The access log cannot be written: nothing is returned.</exception>
    public IndicatorCases? Cases(NationalIndicator indicator, Period period, CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        return KeptCases(indicator, period) is { } all ? new CaseLists(new StoreAccessLog(this), _settings.Clock).Show(all, filter, User) : null;
    }

    /// <summary>The figure for each team or worker holding the kept cases: no child is named, so nothing is logged.</summary>
    public IReadOnlyList<CaseGroup>? CasesByHolder(NationalIndicator indicator, Period period, CaseFilter filter, bool byTeam)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        return KeptCases(indicator, period) is { } all ? CaseLists.ByHolder(all, indicator, filter, byTeam) : null;
    }

    /// <summary>
    /// The children behind a figure as <see cref="Cases"/> shows them (the access log written first), with the case
    /// holders by team and by worker as <see cref="CasesByHolder"/> counts them, from one read of the kept list; null
    /// when the store keeps no list for it.
    /// </summary>
    public (IndicatorCases Shown, IReadOnlyList<CaseGroup> Teams, IReadOnlyList<CaseGroup> Workers)? CasesWithHolders(NationalIndicator indicator, Period period, CaseFilter filter)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(filter);
        if (KeptCases(indicator, period) is not { } all)
        {
            return null;
        }

        var teams = CaseLists.ByHolder(all, indicator, filter, byTeam: true);
        var workers = CaseLists.ByHolder(all, indicator, filter, byTeam: false);
        return (new CaseLists(new StoreAccessLog(this), _settings.Clock).Show(all, filter, User), teams, workers);
    }

    private IndicatorCases? KeptCases(NationalIndicator indicator, Period period)
    {
        var row = Read(c => c.QueryFirstOrDefault<CaseListRow>(
            "SELECT indicator AS Indicator, period AS Period, content AS Content FROM case_lists WHERE indicator = @Indicator AND period = @Period",
            new { Indicator = indicator.Id, Period = period.ToString() }));
        if (row is null)
        {
            return null;
        }

        var figure = Figure(indicator.Id, period)?.Figure
            ?? throw new StoreException($"The store {Target} keeps the cases behind {indicator.Id} {period} but not its figure: it is damaged.");
        using var zip = new GZipStream(new MemoryStream(row.Content), CompressionMode.Decompress);
        var kept = JsonSerializer.Deserialize<List<KeptCase>>(zip, CaseJson) ?? [];
        return new IndicatorCases(figure, [.. kept.Select(k => new CaseOutcome(
            k.Child, k.In, k.Reason, [.. k.Dates.Select(d => (d[0], DateOnly.ParseExact(d[1], "yyyy-MM-dd", CultureInfo.InvariantCulture)))], k.Team, k.Worker))]);
    }

    /// <summary>Replaces the case lists kept with those of one computation, in its transaction.</summary>
    private static int KeepCases(DbConnection c, DbTransaction tx, long computation, IReadOnlyList<IEnumerable<IndicatorCases>> lists, IProgress<ImportStep>? progress)
    {
        const string Stage = "Keeping the cases behind the latest figures.";
        c.Execute("DELETE FROM case_lists", transaction: tx);
        progress?.Report(new(Stage, 0, lists.Count));

        // Each indicator's lists counted and compressed at once on the cores there are; written in catalogue order.
        var done = 0;
        var packed = lists.AsParallel().AsOrdered().Select(indicator =>
        {
            var rows = indicator.Select(list => (list.Figure.Indicator.Id, Period: list.Figure.Period.ToString(), list.Cases.Count, Content: Pack(list.Cases))).ToList();
            progress?.Report(new(Stage, Interlocked.Increment(ref done), lists.Count));
            return rows;
        }).ToList();
        var count = 0;
        foreach (var row in packed.SelectMany(r => r))
        {
            c.Execute(
                "INSERT INTO case_lists (indicator, period, computation_id, cases, content) VALUES (@Indicator, @Period, @Computation, @Cases, @Content)",
                new { Indicator = row.Id, row.Period, Computation = computation, Cases = row.Count, row.Content },
                tx);
            count++;
        }

        return count;
    }

    /// <summary>A list of cases as the store keeps it: gzip-compressed JSON.</summary>
    private static byte[] Pack(IReadOnlyList<CaseOutcome> cases)
    {
        var kept = cases.Select(o => new KeptCase(
            o.ChildId, o.InNumerator, o.Reason, [.. o.Dates.Select(d => new[] { d.Label, Day(d.Date) })], o.Team, o.Worker)).ToList();
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, kept, CaseJson);
        }

        return buffer.ToArray();
    }
}
