using Outturn.Domain.National;
using Outturn.Domain.Periods;

namespace Outturn.App.National;

/// <summary>The national indicators for a period, as the analyst reads them: figures, absences and their problems.</summary>
public static class NationalFigures
{
    /// <summary>
    /// Every indicator for a month or a financial year: the figure of each that has one, with how many of its children
    /// a problem in the returns names (counted from the cases behind it, none of which leaves this call); and each
    /// indicator a return it needs was not given for, with the returns missing (never a zero).
    /// </summary>
    /// <param name="context">The data and options.</param>
    /// <param name="period">The month or financial year.</param>
    /// <param name="problemChildren">The children a problem in the returns names; empty when there were none.</param>
    public static NationalFigureSet For(NationalContext context, Period period, IReadOnlySet<string> problemChildren)
    {
        ArgumentNullException.ThrowIfNull(problemChildren);
        var figures = new List<NationalFigure>();
        var absent = new List<AbsentFigure>();
        foreach (var indicator in NationalIndicators.All)
        {
            if (indicator.MissingFrom(context) is not ReturnSources.None and var missing)
            {
                absent.Add(new AbsentFigure(indicator.Indicator, missing));
                continue;
            }

            if (indicator.Figure(context, period) is not { } figure)
            {
                continue;
            }

            int? withProblems = null;
            if (problemChildren.Count > 0)
            {
                withProblems = indicator.Cases(context, period)?.Cases.Select(c => c.ChildId).Distinct().Count(problemChildren.Contains) ?? 0;
            }

            figures.Add(new NationalFigure(figure, withProblems));
        }

        return new NationalFigureSet(period, figures, absent);
    }
}
