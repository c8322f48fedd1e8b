using System.Globalization;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>The digit entries callers make, and what counts as a valid one.</summary>
public static class Entries
{
    public const int MaxGroupSize = 2000;

    /// <summary>YYYYMMDD, a real date, not in the future, not before 1900.</summary>
    public static readonly Entry<DateOnly> BirthDate = new("birth date", (string keys, CallContext context, out DateOnly value) =>
        DateOnly.TryParseExact(keys, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        && value.Year >= 1900 && value <= context.Today);

    /// <summary>MMDD: the next such day from today (today included), within a year.</summary>
    public static readonly Entry<DateOnly> MonthDay = new("month and day", (string keys, CallContext context, out DateOnly value) =>
    {
        value = default;
        if (keys.Length != 4 || !int.TryParse(keys.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(keys.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        foreach (var year in (int[])[context.Today.Year, context.Today.Year + 1])
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var candidate && candidate >= context.Today)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    });

    /// <summary>A North American number: 10 digits (or 11 starting with 1), area code and exchange not starting 0 or 1.</summary>
    public static readonly Entry<string> PhoneNumber = new("phone number", (string keys, CallContext _, out string value) =>
        TryNorthAmerican(keys, out value));

    public static readonly Entry<string> ConfirmationCode = new("confirmation code", (string keys, CallContext _, out string value) =>
        IsDigits(value = keys, 6, 8));

    public static readonly Entry<string> FacilityCode = new("facility code", (string keys, CallContext _, out string value) =>
        IsDigits(value = keys, 3, 8));

    public static readonly Entry<string> Pin = new("PIN", (string keys, CallContext _, out string value) =>
        IsDigits(value = keys, 4, 8));

    public static readonly Entry<int> Count = new("a number", (string keys, CallContext _, out int value) =>
        int.TryParse(keys, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= MaxGroupSize);

    /// <summary>Normalises caller ID or typed digits to E.164 (+1NXXNXXXXXX), or fails.</summary>
    public static bool TryNorthAmerican(string? input, out string e164)
    {
        e164 = "";
        var digits = new string((input ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        if (digits.Length != 10 || digits[0] is '0' or '1' || digits[3] is '0' or '1')
        {
            return false;
        }

        e164 = "+1" + digits;
        return true;
    }

    private static bool IsDigits(string keys, int min, int max) =>
        keys.Length >= min && keys.Length <= max && keys.All(char.IsAsciiDigit);
}
