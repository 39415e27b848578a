using System.Globalization;
using Dapper;
using Outturn.App.Imports;
using Outturn.Domain.Periods;

namespace Outturn.Store;

/// <summary>Retention: child-level records older than a number of years are purged on request; figures are kept.</summary>
public sealed partial class OutturnStore
{
    private sealed record Kept(long Id, string Name, string Kind, string Period);

    /// <summary>
    /// Purges the child-level returns whose period ended more than <paramref name="years"/> years before today (by
    /// the host's clock): each kept file's content is emptied and marked purged, and the problems found in it (which
    /// name children) are deleted, in one transaction recorded in the audit trail. The figures computed from them are
    /// kept: later imports recompute only the months the returns still held cover.
    /// </summary>
    /// <returns>The files purged.</returns>
    public IReadOnlyList<string> Purge(int years)
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

            if (old.Count > 0)
            {
                Audit(c, tx, Now, User, "purge", $"child-level returns ended before {cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({years} year(s) kept): {string.Join(", ", old.Select(k => $"#{k.Id} {k.Name}"))}; figures kept");
            }

            return (IReadOnlyList<string>)[.. old.Select(k => k.Name)];
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
