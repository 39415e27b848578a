namespace Outturn.Domain.Calendar;

/// <summary>One England and Wales bank holiday: the day it is taken and its gov.uk title.</summary>
/// <remarks>
/// <see cref="Date"/> is the day off, so a substitute day carries the substitute date and a title ending
/// "(substitute day)", as on gov.uk: Christmas Day on a Saturday gives <c>2021-12-27 Christmas Day (substitute day)</c>.
/// </remarks>
/// <param name="Date">The day the holiday is taken; always a Monday to Friday.</param>
/// <param name="Name">The holiday's title as gov.uk writes it, for example <c>Early May bank holiday</c>.</param>
public readonly record struct BankHoliday(DateOnly Date, string Name);
