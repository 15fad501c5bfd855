namespace RetailDatagen.Core.Facts;

/// <summary>A dated retail event and how it moves store and online volume.</summary>
public sealed record Holiday(DateOnly Date, string Name, double StoreFactor, double OnlineFactor);

/// <summary>
/// The volume shape: day-of-week factors, hour-of-day curves (weekday and weekend), monthly seasonality and
/// a holiday calendar computed for any year from its rules (no hard-coded dates).
/// </summary>
public static class RetailCalendar
{
    // Monday first, as DayOfWeek is not: index with Index(date).
    private static readonly double[] DayOfWeekFactors = [0.7, 0.8, 0.85, 0.95, 1.15, 1.4, 1.1];

    private static readonly double[] MonthFactors = [0.85, 0.85, 0.95, 0.97, 1.0, 1.0, 1.02, 1.08, 0.95, 1.0, 1.1, 1.3];

    // Relative traffic by hour of day (0–23); stores use the hours they are open.
    private static readonly double[] WeekdayHours =
    [
        0.1,
        0.1,
        0.1,
        0.1,
        0.1,
        0.2,
        0.4,
        0.7,
        0.9,
        1.0,
        1.1,
        1.4,
        1.7,
        1.5,
        1.2,
        1.2,
        1.5,
        1.9,
        2.0,
        1.6,
        1.1,
        0.7,
        0.4,
        0.2,
    ];

    private static readonly double[] WeekendHours =
    [
        0.1,
        0.1,
        0.1,
        0.1,
        0.1,
        0.1,
        0.2,
        0.4,
        0.8,
        1.2,
        1.6,
        1.9,
        2.0,
        2.0,
        1.9,
        1.8,
        1.6,
        1.4,
        1.2,
        1.0,
        0.8,
        0.5,
        0.3,
        0.2,
    ];

    public static double DayOfWeekFactor(DateOnly date) => DayOfWeekFactors[((int)date.DayOfWeek + 6) % 7];

    public static double MonthFactor(DateOnly date) => MonthFactors[date.Month - 1];

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static double HourWeight(DateOnly date, int hour) => (IsWeekend(date) ? WeekendHours : WeekdayHours)[hour];

    /// <summary>Store volume factor of a day: weekday × month × holiday.</summary>
    public static double StoreFactor(DateOnly date) =>
        DayOfWeekFactor(date) * MonthFactor(date) * (HolidayOn(date)?.StoreFactor ?? 1.0);

    /// <summary>Online volume factor of a day: a flatter week, the month, and online holidays (Cyber Monday).</summary>
    public static double OnlineFactor(DateOnly date) =>
        (0.85 + (0.15 * DayOfWeekFactor(date))) * MonthFactor(date) * (HolidayOn(date)?.OnlineFactor ?? 1.0);

    /// <summary>Thanksgiving and Christmas Day: the days US stores close (DATA-CONTRACT §4, on by default).</summary>
    public static bool IsStoreClosingHoliday(DateOnly date) =>
        (date.Month == 12 && date.Day == 25) || date == NthWeekday(date.Year, 11, DayOfWeek.Thursday, 4);

    public static Holiday? HolidayOn(DateOnly date) => HolidaysOf(date.Year).FirstOrDefault(h => h.Date == date);

    public static IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        var thanksgiving = NthWeekday(year, 11, DayOfWeek.Thursday, 4);
        var holidays = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "New Year's Day", 0.6, 0.8),
            new(new DateOnly(year, 2, 14), "Valentine's Day", 1.2, 1.2),
            new(Easter(year), "Easter", 0.7, 0.9),
            new(NthWeekday(year, 5, DayOfWeek.Sunday, 2), "Mother's Day", 1.3, 1.2),
            new(LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day", 1.25, 1.2),
            new(new DateOnly(year, 7, 4), "Independence Day", 1.2, 0.9),
            new(NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day", 1.25, 1.2),
            new(thanksgiving.AddDays(-1), "Thanksgiving Eve", 1.45, 1.1),
            new(thanksgiving, "Thanksgiving", 0.5, 1.3),
            new(thanksgiving.AddDays(1), "Black Friday", 2.2, 2.0),
            new(thanksgiving.AddDays(4), "Cyber Monday", 1.0, 3.0),
            new(new DateOnly(year, 12, 23), "Pre-Christmas", 1.5, 1.1),
            new(new DateOnly(year, 12, 24), "Christmas Eve", 1.6, 1.1),
            new(new DateOnly(year, 12, 25), "Christmas Day", 0.3, 0.6),
            new(new DateOnly(year, 12, 26), "Boxing Day", 1.4, 1.5),
            new(new DateOnly(year, 12, 31), "New Year's Eve", 1.1, 0.9),
        };

        // Back-to-school: the two weeks before the first Monday of September's Labor Day week, and the
        // pre-Christmas run: the Saturdays of December before Christmas.
        var laborDay = NthWeekday(year, 9, DayOfWeek.Monday, 1);
        for (var d = laborDay.AddDays(-28); d < laborDay.AddDays(-14); d = d.AddDays(1))
        {
            holidays.Add(new(d, "Back-to-School", 1.2, 1.25));
        }

        for (var d = new DateOnly(year, 12, 1); d < new DateOnly(year, 12, 24); d = d.AddDays(1))
        {
            if (d.DayOfWeek == DayOfWeek.Saturday)
            {
                holidays.Add(new(d, "Holiday Saturday", 1.35, 1.2));
            }
        }

        return holidays.GroupBy(h => h.Date).Select(g => g.First()).OrderBy(h => h.Date).ToList();
    }

    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    public static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }

    /// <summary>Western Easter (anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
