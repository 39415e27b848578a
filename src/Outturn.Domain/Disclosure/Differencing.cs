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
        // Each boundary, in order, joined to the last boundary before it in its set: one sort, no grouping.
        var joins = new Joins(known);
        var boundaries = joins.Boundaries.ToArray();
        Array.Sort(boundaries);
        var last = new Dictionary<int, int>(boundaries.Length);
        var runs = new List<Run>(boundaries.Length);
        foreach (var b in boundaries)
        {
            var root = joins.Root(b);
            if (last.TryGetValue(root, out var before))
            {
                runs.Add(new Run(before + 1, b));
            }

            last[root] = b;
        }

        runs.Sort(static (x, y) => x.From != y.From ? x.From.CompareTo(y.From) : x.To.CompareTo(y.To));
        return runs;
    }

    /// <summary>
    /// The known runs without any one of which a reader could no longer work out <paramref name="run"/>: the bridges
    /// between its two boundaries in the graph whose edges are the known runs (boundary <c>From - 1</c> to <c>To</c>).
    /// Empty when the run cannot be worked out at all. The same answer as leaving each known run out in turn and asking
    /// whether the two boundaries are still joined, found in one depth-first search (Tarjan's bridges, rooted at one boundary: a bridge separates
    /// the two exactly when the other lies below it).
    /// </summary>
    public static HashSet<Run> Separating(IEnumerable<Run> known, Run run)
    {
        var edges = new Dictionary<int, List<(int To, Run Run)>>();
        foreach (var r in known.Distinct())
        {
            Edge(r.From - 1, r.To, r);
            Edge(r.To, r.From - 1, r);
        }

        var (source, target) = (run.From - 1, run.To);
        var result = new HashSet<Run>();
        if (!edges.ContainsKey(source) || !edges.ContainsKey(target))
        {
            return result;
        }

        // Iterative depth-first search: entry order, lowest entry reachable, and each node's exit order.
        var (entered, low, left) = (new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<int, int>());
        var tree = new List<(int Child, Run Run)>();
        var stack = new Stack<(int Node, Run? Via, int Next)>();
        var clock = 0;
        entered[source] = low[source] = clock++;
        stack.Push((source, null, 0));
        while (stack.Count > 0)
        {
            var (node, via, next) = stack.Pop();
            var adjacent = edges[node];
            if (next < adjacent.Count)
            {
                stack.Push((node, via, next + 1));
                var (to, edge) = adjacent[next];
                if (via == edge)
                {
                    continue;
                }

                if (entered.TryGetValue(to, out var seen))
                {
                    low[node] = Math.Min(low[node], seen);
                }
                else
                {
                    entered[to] = low[to] = clock++;
                    tree.Add((to, edge));
                    stack.Push((to, edge, 0));
                }

                continue;
            }

            left[node] = clock++;
            if (stack.Count > 0 && via is not null)
            {
                var parent = stack.Peek().Node;
                low[parent] = Math.Min(low[parent], low[node]);
            }
        }

        if (!entered.TryGetValue(target, out var targetEntered))
        {
            return result;
        }

        foreach (var (child, edge) in tree)
        {
            // A tree edge into child is a bridge when nothing below child reaches above it; it separates the two
            // boundaries when the target is below child.
            if (low[child] > entered[edge.From - 1 == child ? edge.To : edge.From - 1] && entered[child] <= targetEntered && targetEntered < left[child])
            {
                result.Add(edge);
            }
        }

        return result;

        void Edge(int from, int to, Run r)
        {
            if (!edges.TryGetValue(from, out var list))
            {
                edges[from] = list = [];
            }

            list.Add((to, r));
        }
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
