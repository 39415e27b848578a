using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>
/// Row 20: new EHC plans issued in the month within 20 weeks (140 days) of the request. "Timeliness figures are based
/// on assessments ... where no mediation or tribunal has taken place" (SEN2 data guidance), so disputed cases leave
/// the cohort; so do exception cases unless <see cref="TwentyWeekExceptions.Included"/>. A figure only when SEN2 was read.
/// </summary>
internal sealed class PlansInTwentyWeeks() : CaseIndicator<(EhcRequest Request, EhcAssessment Assessment, int Days)>(
    NationalIndicators.Entry("ehcp-20wks", "New EHC plans issued within 20 weeks", NationalIndicators.Send, Unit.Percent, Polarity.High, Aggregation.Ratio,
        "New EHC plans issued in the period within 20 weeks (140 days) of the request for assessment, over all new plans issued in the period; plans under an exception to the 20-week limit, and cases that went to mediation or tribunal, are left out (DfE). The DfE publishes the calendar year. Needs SEN2."),
    ReturnSources.Sen2, CaseWindow.Month, Cohort.Cases)
{
    protected override bool HasFigure(NationalContext c, Month month) => c.Data.SpecialNeeds.Requests.Count > 0;

    protected override IEnumerable<Counted<(EhcRequest, EhcAssessment, int)>> Count(NationalContext c, MonthRange months)
    {
        var exclude = c.Options.EhcpExceptions == TwentyWeekExceptions.Excluded;
        foreach (var request in c.Data.SpecialNeeds.Requests)
        {
            foreach (var assessment in request.Assessments)
            {
                if (assessment.PlanIssued is not { } issued || !months.Contains(Month.Containing(issued))
                    || request.Disputed || assessment.Disputed || (assessment.ExceptionsApply == true && exclude))
                {
                    continue;
                }

                var days = issued.DayNumber - request.Received.DayNumber;
                yield return At(Month.Containing(issued), days <= 140, (request, assessment, days));
            }
        }
    }

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<(EhcRequest Request, EhcAssessment Assessment, int Days)> x)
    {
        var (request, assessment, days) = x.Item;
        var why = $"{days} days from request to plan{(assessment.ExceptionsApply == true ? " (exception applies)" : "")}";
        return Case(request.PersonId, x.InNumerator, why, ("request received", request.Received), ("plan issued", assessment.PlanIssued!.Value));
    }
}
