using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>
/// Row 18: OC3 care leavers aged 19 to 21 at 31 March (those who died or returned home excluded) meeting a condition:
/// in education, employment or training, or in suitable accommodation. March only, the month the collection year ends.
/// </summary>
internal sealed class CareLeaverOutcomes(string id, string name, string definition, Func<CareLeaverOutcome, bool> meets, string reason, Func<CareLeaverOutcome, string?> code)
    : CaseIndicator<CareLeaverOutcome>(
        NationalIndicators.Entry(id, name, NationalIndicators.Leavers, Unit.Percent, Polarity.High, Aggregation.Snapshot, definition),
        ReturnSources.Ssda903, CaseWindow.YearEnd, Cohort.Cases)
{
    protected override IEnumerable<Counted<CareLeaverOutcome>> Count(NationalContext c, MonthRange months) =>
        from leaver in c.Data.LookedAfter.CareLeavers
        let march = leaver.Year.LastMonth
        where months.Contains(march) && leaver.InTouch is not ("DIED" or "RHOM") && Age(leaver.BirthDate, march.LastDay) is >= 19 and <= 21
        select At(march, meets(leaver), leaver);

    protected override CaseOutcome Describe(NationalContext c, DateOnly asAt, Counted<CareLeaverOutcome> x) =>
        Case(x.Item.ChildId, x.InNumerator, string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, code(x.Item) ?? "not recorded"), ("date of birth", x.Item.BirthDate));

    private static int Age(DateOnly birth, DateOnly on) => on.Year - birth.Year - (birth.AddYears(on.Year - birth.Year) > on ? 1 : 0);
}
