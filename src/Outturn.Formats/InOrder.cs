using System.Runtime.ExceptionServices;

namespace Outturn.Formats;

/// <summary>Work on independent files done at once, on the cores there are, with results and failures in the files' order.</summary>
internal static class InOrder
{
    /// <summary>
    /// <paramref name="read"/> of every item, at most one item per core at a time (so no more files are held than
    /// there are cores), the results in the items' order; the first item's failure in that order is thrown as it
    /// was, whichever thread met a failure first, so errors are the same on any machine.
    /// </summary>
    public static List<TOut> Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> read)
    {
        var results = new TOut[items.Count];
        var failures = new Exception?[items.Count];
        if (items.Count == 1)
        {
            return [read(items[0])];
        }

        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = read(items[i]);
            }
            catch (Exception e)
            {
                // Kept to be thrown as it was, not wrapped, in the items' order below.
                failures[i] = e;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return [.. results];
    }
}
