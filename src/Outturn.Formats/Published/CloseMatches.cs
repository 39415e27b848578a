using System.Text;

namespace Outturn.Formats.Published;

/// <summary>Finds the candidates closest to what a user typed, for "did you mean" messages.</summary>
internal static class CloseMatches
{
    /// <summary>
    /// Text folded for comparison: lower case, <c>&amp;</c> read as <c>and</c>, everything but letters and digits
    /// dropped, so <c>St. Helens</c> matches <c>St Helens</c> and <c>Bristol, City of</c> matches <c>Bristol City of</c>.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace("&", "and", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Up to <paramref name="count"/> candidates, best first: those containing the query (or contained in it), then
    /// those within a third of its length in edits, of the whole candidate or of its start (so a misspelt beginning of
    /// a longer name still finds it).
    /// </summary>
    public static IReadOnlyList<T> Find<T>(string query, IEnumerable<T> candidates, Func<T, string> key, int count = 5)
    {
        var q = Fold(query);
        if (q.Length == 0)
        {
            return [];
        }

        return candidates
            .Select(c => (Candidate: c, Key: Fold(key(c))))
            .Select(c => (c.Candidate, c.Key, Contains: c.Key.Contains(q, StringComparison.Ordinal) || (c.Key.Length > 2 && q.Contains(c.Key, StringComparison.Ordinal)), Distance: Math.Min(Distance(q, c.Key), Distance(q, c.Key[..Math.Min(c.Key.Length, q.Length)]))))
            .Where(c => c.Contains || c.Distance <= Math.Max(2, q.Length / 3))
            .OrderBy(c => c.Contains ? 0 : 1)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Candidate)
            .ToList();
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions to turn one text into the other.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
