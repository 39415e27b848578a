using Outturn.Domain.ChildLevel;
using Outturn.Formats.Tables;

namespace Outturn.Formats.Staff;

/// <summary>
/// Reads the staff list (CSV or XLSX: <c>id, name, team</c>), the case management system's list of social workers,
/// which joins the SSDA903 <c>SW_ID</c> to the names and teams Annex A shows, so one worker is one worker in a caseload.
/// </summary>
public static class StaffReader
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["id", "name", "team"];

    /// <summary>Reads the list, refusing it whole, with every problem, when any row is wrong.</summary>
    /// <exception cref="InputException">A column is missing, a row has no id or name, or an id appears twice.</exception>
    public static IReadOnlyList<StaffMember> Read(string path)
    {
        var table = TableReader.Read(path);
        var missing = table.MissingColumns(Columns).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(missing);
        }

        var problems = new List<InputError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var staff = new List<StaffMember>();
        foreach (var row in table.Rows)
        {
            var (id, name, team) = (row["id"], row["name"], row["team"]);
            if (id.Length == 0 || name.Length == 0)
            {
                problems.Add(new InputError(path, row.Number, id.Length == 0 ? "id" : "name", "every worker needs an id and a name."));
            }
            else if (!seen.TryAdd(id, row.Number))
            {
                problems.Add(new InputError(path, row.Number, "id", $"'{id}' is already on row {seen[id]}."));
            }
            else
            {
                staff.Add(new StaffMember(id, name, team.Length == 0 ? null : team));
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : staff;
    }
}
