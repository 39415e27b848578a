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
        // Each boundary, in order, joined to the last boundary before it in its set: one pass over the boundaries.
        var joins = new Joins(known as IReadOnlyCollection<Run> ?? [.. known]);
        var last = new int[joins.Count];
        Array.Fill(last, -1);
        var runs = new List<Run>();
        for (var b = 0; b < joins.Count; b++)
        {
            if (!joins.IsBoundary(b))
            {
                continue;
            }

            var root = joins.Root(b);
            if (last[root] >= 0)
            {
                runs.Add(new Run(joins.Month(last[root]) + 1, joins.Month(b)));
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
        // The boundaries numbered from the first, and the edges at each laid out one after another (compressed rows).
        var runs = known.Distinct().ToArray();
        var result = new HashSet<Run>();
        if (runs.Length == 0)
        {
            return result;
        }

        var first = runs.Min(r => r.From - 1);
        var count = runs.Max(r => r.To) - first + 1;
        var start = new int[count + 1];
        foreach (var r in runs)
        {
            start[r.From - 1 - first + 1]++;
            start[r.To - first + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            start[i + 1] += start[i];
        }

        var (to, via) = (new int[runs.Length * 2], new int[runs.Length * 2]);
        var filled = start[..count];
        for (var e = 0; e < runs.Length; e++)
        {
            var (a, b) = (runs[e].From - 1 - first, runs[e].To - first);
            (to[filled[a]], via[filled[a]++]) = (b, e);
            (to[filled[b]], via[filled[b]++]) = (a, e);
        }

        var (source, target) = (run.From - 1 - first, run.To - first);
        bool Joined(int node) => node >= 0 && node < count && start[node + 1] > start[node];
        if (!Joined(source) || !Joined(target))
        {
            return result;
        }

        // Iterative depth-first search: entry order, lowest entry reachable, each node's exit order, and the edge
        // each node was reached by.
        var (entered, low, left, parentEdge) = (new int[count], new int[count], new int[count], new int[count]);
        Array.Fill(entered, -1);
        var next = start[..count];
        var stack = new Stack<int>();
        var clock = 0;
        entered[source] = low[source] = clock++;
        parentEdge[source] = -1;
        stack.Push(source);
        while (stack.Count > 0)
        {
            var node = stack.Peek();
            if (next[node] < start[node + 1])
            {
                var i = next[node]++;
                if (via[i] == parentEdge[node])
                {
                    continue;
                }

                if (entered[to[i]] >= 0)
                {
                    low[node] = Math.Min(low[node], entered[to[i]]);
                }
                else
                {
                    entered[to[i]] = low[to[i]] = clock++;
                    parentEdge[to[i]] = via[i];
                    stack.Push(to[i]);
                }

                continue;
            }

            stack.Pop();
            left[node] = clock++;
            if (stack.Count > 0)
            {
                var parent = stack.Peek();
                low[parent] = Math.Min(low[parent], low[node]);
            }
        }

        if (entered[target] < 0)
        {
            return result;
        }

        for (var child = 0; child < count; child++)
        {
            // The tree edge into a child is a bridge when nothing below the child reaches above it; it separates
            // the two boundaries when the target is below the child.
            if (entered[child] < 0 || parentEdge[child] < 0)
            {
                continue;
            }

            var edge = runs[parentEdge[child]];
            var parent = edge.From - 1 - first == child ? edge.To - first : edge.From - 1 - first;
            if (low[child] > entered[parent] && entered[child] <= entered[target] && entered[target] < left[child])
            {
                result.Add(edge);
            }
        }

        return result;
    }

    /// <summary>Month boundaries joined by known figures (a union-find over the boundaries numbered from the first).</summary>
    private sealed class Joins
    {
        private readonly int[] _parent;
        private readonly bool[] _boundary;
        private readonly int _first;

        public Joins(IReadOnlyCollection<Run> known)
        {
            _first = known.Count == 0 ? 0 : known.Min(r => r.From - 1);
            Count = known.Count == 0 ? 0 : known.Max(r => r.To) - _first + 1;
            _parent = new int[Count];
            _boundary = new bool[Count];
            for (var i = 0; i < Count; i++)
            {
                _parent[i] = i;
            }

            foreach (var run in known)
            {
                var (from, to) = (run.From - 1 - _first, run.To - _first);
                _boundary[from] = _boundary[to] = true;
                var (a, b) = (Root(from), Root(to));
                if (a != b)
                {
                    _parent[a] = b;
                }
            }
        }

        /// <summary>How many boundaries there are room for, from the first to the last.</summary>
        public int Count { get; }

        public bool IsBoundary(int index) => _boundary[index];

        /// <summary>The month a boundary falls after: the number of the last month before it.</summary>
        public int Month(int index) => index + _first;

        public int Root(int index)
        {
            var root = index;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }

            while (_parent[index] != root)
            {
                var up = _parent[index];
                _parent[index] = root;
                index = up;
            }

            return root;
        }
    }
}
