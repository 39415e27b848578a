namespace Outturn.Domain.Disclosure;

/// <summary>A figure over a run of consecutive months, numbered from any fixed month: what a reader adds and subtracts.</summary>
/// <param name="From">The first month's number.</param>
/// <param name="To">The last month's number, at or after <paramref name="From"/>.</param>
internal readonly record struct Run(int From, int To)
{
    /// <summary>Whether <paramref name="other"/> shares a month with this run.</summary>
    public bool Overlaps(Run other) => other.From <= To && other.To >= From;
}

/// <summary>
/// What a reader can work out from figures that add up over months (counts, and the numerators and denominators of a
/// ratio): the quarter less its other months, this year to date less last month's, one report's figures less another's.
/// </summary>
/// <remarks>
/// A figure for months a..b is the difference of two running totals, T(b) - T(a-1). Knowing it joins the two month
/// boundaries a-1 and b; the reader can then work out the figure for any run whose two ends are joined through known
/// figures, and nothing else (no combination of such sums isolates months between boundaries that are not joined).
/// So within each set of joined boundaries, the runs between neighbouring boundaries are the smallest the reader can
/// isolate; every other run they can work out is a sum of these. Because counts are never negative, a run worked out
/// with a small count (1 to 5) always contains one of these smallest runs with a count from 1 to 5, so checking the
/// smallest runs is enough.
/// </remarks>
internal static class Differencing
{
    /// <summary>The smallest runs a reader holding <paramref name="known"/> can work out, oldest first.</summary>
    public static IEnumerable<Run> Smallest(IEnumerable<Run> known)
    {
        var joins = new Joins(known);
        return joins.Boundaries
            .GroupBy(joins.Root)
            .SelectMany(set => set.Order().Zip(set.Order().Skip(1), (a, b) => new Run(a + 1, b)))
            .OrderBy(r => r.From).ThenBy(r => r.To);
    }

    /// <summary>Whether a reader holding <paramref name="known"/> can work out the figure for <paramref name="run"/>.</summary>
    public static bool CanWorkOut(IEnumerable<Run> known, Run run)
    {
        var joins = new Joins(known);
        return joins.Root(run.From - 1) == joins.Root(run.To);
    }

    /// <summary>Month boundaries joined by known figures (a union-find).</summary>
    private sealed class Joins
    {
        private readonly Dictionary<int, int> _parent = [];

        public Joins(IEnumerable<Run> known)
        {
            foreach (var run in known)
            {
                var (a, b) = (Root(run.From - 1), Root(run.To));
                if (a != b)
                {
                    _parent[a] = b;
                }
            }
        }

        public IReadOnlyList<int> Boundaries => [.. _parent.Keys];

        public int Root(int boundary)
        {
            if (!_parent.TryGetValue(boundary, out var up))
            {
                _parent[boundary] = boundary;
                return boundary;
            }

            if (up == boundary)
            {
                return boundary;
            }

            var root = Root(up);
            _parent[boundary] = root;
            return root;
        }
    }
}
