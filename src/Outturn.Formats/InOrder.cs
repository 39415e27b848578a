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
        if (items.Count == 1)
        {
            return [read(items[0])];
        }

        // PLINQ runs as many items at once as there are cores, each partition's in turn.
        var outcomes = items.AsParallel().AsOrdered().Select(item =>
        {
            try
            {
                return (Result: read(item), Failure: (Exception?)null);
            }
            catch (Exception e)
            {
                // Kept to be thrown as it was, not wrapped, in the items' order below.
                return (Result: default(TOut)!, Failure: e);
            }
        }).ToList();

        if (outcomes.FirstOrDefault(o => o.Failure is not null).Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return [.. outcomes.Select(o => o.Result)];
    }
}
