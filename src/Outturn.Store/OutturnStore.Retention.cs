using System.Globalization;
using Dapper;
using Outturn.App.Imports;
using Outturn.Domain.Periods;

namespace Outturn.Store;

/// <summary>What a purge emptied.</summary>
/// <param name="Files">The kept return files emptied, by name.</param>
/// <param name="CaseLists">The periods whose case lists were deleted.</param>
public sealed record Purged(IReadOnlyList<string> Files, IReadOnlyList<string> CaseLists)
{
    /// <summary>Whether nothing was old enough.</summary>
    public bool Nothing => Files.Count == 0 && CaseLists.Count == 0;
}

/// <summary>Retention: child-level records older than a number of years are purged on request; figures are kept.</summary>
public sealed partial class OutturnStore
{
    private sealed record Kept(long Id, string Name, string Kind, string Period);

    /// <summary>
    /// Purges the child-level returns whose period ended more than <paramref name="years"/> years before today (by
    /// the host's clock): each kept file's content is emptied and marked purged, the problems found in it (which name
    /// children) are deleted, and so are the case lists of periods that ended before then, in one transaction recorded
    /// in the audit trail. The figures computed from them are
    /// kept: later imports recompute only the months the returns still held cover.
    /// </summary>
    /// <returns>The files and case lists purged.</returns>
    public Purged Purge(int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var cutOff = today.AddYears(-years);
        return Write((c, tx) =>
        {
            var old = c.Query<Kept>("SELECT id AS Id, name AS Name, kind AS Kind, period AS Period FROM imports WHERE purged_at IS NULL", transaction: tx)
                .Where(k => Ended(k) is { } end && end < cutOff).ToList();
            foreach (var k in old)
            {
                c.Execute("DELETE FROM problems WHERE import_id = @Id", new { k.Id }, tx);
                c.Execute("UPDATE imports SET content = @Empty, purged_at = @At WHERE id = @Id", new { k.Id, Empty = Array.Empty<byte>(), At = Moment(Now) }, tx);
            }

            // The cases kept behind figures of periods that ended before the cut-off name children too.
            var lists = c.Query<string>("SELECT DISTINCT period FROM case_lists", transaction: tx)
                .Where(p => Period.Parse(p).LastMonth.LastDay < cutOff).ToList();
            foreach (var period in lists)
            {
                c.Execute("DELETE FROM case_lists WHERE period = @period", new { period }, tx);
            }

            if (old.Count > 0 || lists.Count > 0)
            {
                Audit(c, tx, Now, User, "purge", $"child-level returns ended before {cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({years} year(s) kept): {string.Join(", ", old.Select(k => $"#{k.Id} {k.Name}"))}{(lists.Count > 0 ? $"; the cases behind {string.Join(", ", lists.Order(StringComparer.Ordinal))}" : "")}; figures kept");
            }

            return new Purged([.. old.Select(k => k.Name)], [.. lists.Order(StringComparer.Ordinal)]);
        });
    }

    /// <summary>The last day a kept child-level return covers; null for the lists kept current (staff, population).</summary>
    private static DateOnly? Ended(Kept k) => k.Kind switch
    {
        ReturnKind.Ssda903Table or ReturnKind.Ssda903Xml or ReturnKind.CinCensus => FinancialYear.Parse(k.Period).End,
        ReturnKind.AnnexA when FinancialYear.TryParse(k.Period, out var y) => y.End,
        ReturnKind.Sen2 => FinancialYear.Containing(DateOnly.ParseExact(k.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture)).End,
        _ => null,
    };
}
