namespace Outturn.Domain.Indicators;

/// <summary>What an indicator is for on the scorecard (seed 002: "how do we compare?" / "how much have we done?").</summary>
public enum IndicatorKind
{
    /// <summary>Nationally defined and published, so it can be compared with other LAs.</summary>
    Benchmarking,

    /// <summary>Volume of work; carries no target and no RAG.</summary>
    Activity,

    /// <summary>Defined by the LA for its own management.</summary>
    Local,
}

/// <summary>The unit an indicator is measured in; it decides the ratio scale and the display.</summary>
public enum Unit
{
    /// <summary>A percentage: numerator over denominator times 100.</summary>
    Percent,

    /// <summary>A rate per 10,000 children aged 0-17: numerator over population times 10,000.</summary>
    Rate,

    /// <summary>A whole number of children, plans, episodes and so on.</summary>
    Count,

    /// <summary>A duration in days (an average where numerator and denominator are given).</summary>
    Days,

    /// <summary>A duration in weeks.</summary>
    Weeks,

    /// <summary>Any other number, such as a caseload per worker.</summary>
    Number,
}

/// <summary>Whether a higher or a lower value is good performance.</summary>
public enum Polarity
{
    /// <summary>Higher is better.</summary>
    High,

    /// <summary>Lower is better.</summary>
    Low,

    /// <summary>Neither: activity indicators. No RAG and no judgement of direction.</summary>
    None,
}

/// <summary>How monthly figures roll up into a quarter, the year to date and a year.</summary>
public enum Aggregation
{
    /// <summary>Sum of numerators over sum of denominators, scaled by the unit.</summary>
    Ratio,

    /// <summary>The value of the period's last month (a position at a date, such as a rate at 31 March).</summary>
    Snapshot,

    /// <summary>Monthly counts added together.</summary>
    Sum,

    /// <summary>The average of the monthly values.</summary>
    Mean,
}

/// <summary>A red, amber or green rating against target and tolerance.</summary>
public enum Rag
{
    /// <summary>Not rated: no value, no target, or an activity indicator.</summary>
    None,

    /// <summary>Below the tolerance.</summary>
    Red,

    /// <summary>Within the tolerance but short of target (the seed's "Yellow").</summary>
    Amber,

    /// <summary>At or better than target.</summary>
    Green,
}

/// <summary>The raw direction of a change, before asking whether it is good.</summary>
public enum Direction
{
    /// <summary>The value went up.</summary>
    Up,

    /// <summary>The value went down.</summary>
    Down,

    /// <summary>The value is the same at the displayed precision.</summary>
    Level,
}
