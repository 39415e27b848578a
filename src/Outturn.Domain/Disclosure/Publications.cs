namespace Outturn.Domain.Disclosure;

/// <summary>
/// How often figures leave the service, so that suppression can allow for what readers already hold: every earlier
/// publication of the same kind, back to the first month of data, is taken as known.
/// </summary>
/// <param name="EveryMonths">Months between publications: 1 for a monthly scorecard, 3 for a quarterly report.</param>
/// <param name="SeriesMonths">Months of monthly figures each publication also shows (a chart), ending with its month;
/// 0 for none.</param>
public sealed record Publications(int EveryMonths, int SeriesMonths = 0)
{
    /// <summary>A scorecard published every month, with no chart.</summary>
    public static readonly Publications Monthly = new(1);

    /// <summary>A report published every quarter, with a chart of <paramref name="seriesMonths"/> months.</summary>
    public static Publications Quarterly(int seriesMonths) => new(3, seriesMonths);

    /// <summary>Only the one publication: nothing earlier is known to the reader.</summary>
    public static readonly Publications Single = new(0);
}
