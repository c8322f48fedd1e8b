using System.Globalization;

namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Turns typed keys into a value, or says they are not one.</summary>
public delegate bool EntryParser<T>(string keys, CallSession session, CallContext context, out T value);

/// <summary>A typed entry as the machine sees it, whatever its value type.</summary>
public interface IEntry
{
    /// <summary>How the diagram names it ("birth date").</summary>
    string Label { get; }

    /// <summary>
    /// Keys that can begin a valid answer. Any other first key (<c>*</c>; <c>0</c> or <c>9</c> where no
    /// answer starts with them) acts at once, without waiting for more digits.
    /// </summary>
    string Starts { get; }

    /// <summary>The longest answer, in keys: what the "rest" of an entry is gathered up to.</summary>
    int MaxLength { get; }

    /// <summary>
    /// A secret (a PIN): keys only (never said aloud, heard in the room and transcribed), and gathered in
    /// one piece until # — its first key is never kept between two webhooks.
    /// </summary>
    bool Secret { get; }

    /// <summary>The keys a spoken answer stands for ("March 5, 1950" → 19500305), or null.</summary>
    string? FromSpeech(string speech, CallSession session);

    bool Accepts(string keys, CallSession session, CallContext context);
}

/// <summary>A kind of digit entry the caller makes (a birth date, a phone number…).</summary>
public sealed record Entry<T>(string Label, string Starts, int MaxLength, EntryParser<T> Parse, Func<string, CallSession, string?>? Spoken = null) : IEntry
{
    public bool Secret { get; init; }

    public string? FromSpeech(string speech, CallSession session) => (Spoken ?? ((text, _) => SpokenAnswers.Digits(text)))(speech, session);

    public bool Accepts(string keys, CallSession session, CallContext context) => Parse(keys, session, context, out _);
}

/// <summary>The digit entries callers make, and what counts as a valid one.</summary>
public static class Entries
{
    public const int MaxGroupSize = 2000;

    /// <summary>YYYYMMDD, a real date, not in the future, not before 1900. Spoken: "March 5, 1950", "3/5/1950".</summary>
    public static readonly Entry<DateOnly> BirthDate = new("birth date", "12", 8, (string keys, CallSession _, CallContext context, out DateOnly value) =>
        DateOnly.TryParseExact(keys, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        && value.Year >= 1900 && value <= context.Today,
        (speech, session) => SpokenAnswers.FullDate(speech, session.Locale) ?? SpokenAnswers.Digits(speech));

    /// <summary>
    /// A day to come, in four digits in the order the caller's language writes dates (month then day in
    /// English, day then month in French): the next such day from today (today included), within a year.
    /// </summary>
    public static readonly Entry<DateOnly> Day = new("day", "0123", 4, (string keys, CallSession session, CallContext context, out DateOnly value) =>
    {
        value = default;
        if (keys.Length != 4 || !keys.All(char.IsAsciiDigit))
        {
            return false;
        }

        var (first, second) = (int.Parse(keys.AsSpan(0, 2), CultureInfo.InvariantCulture), int.Parse(keys.AsSpan(2, 2), CultureInfo.InvariantCulture));
        var (month, day) = DayFirst(session.Locale) ? (second, first) : (first, second);
        if (month is < 1 or > 12 || day < 1)
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
    }, (speech, session) => SpokenAnswers.MonthDay(speech, DayFirst(session.Locale)) ?? SpokenAnswers.Digits(speech));

    /// <summary>A North American number: 10 digits (or 11 starting with 1), area code and exchange not starting 0 or 1.</summary>
    public static readonly Entry<string> PhoneNumber = new("phone number", "123456789", 11, (string keys, CallSession _, CallContext _, out string value) =>
        TryNorthAmerican(keys, out value));

    public static readonly Entry<string> ConfirmationCode = new("confirmation code", "0123456789", 8, (string keys, CallSession _, CallContext _, out string value) =>
        IsDigits(value = keys, 6, 8));

    public static readonly Entry<string> FacilityCode = new("facility code", "0123456789", 8, (string keys, CallSession _, CallContext _, out string value) =>
        IsDigits(value = keys, 3, 8));

    /// <summary>A secret: keys only, in one piece.</summary>
    public static readonly Entry<string> Pin = new("PIN", "0123456789", 8, (string keys, CallSession _, CallContext _, out string value) =>
        IsDigits(value = keys, 4, 8)) { Secret = true };

    /// <summary>Residents: 1 to the cap ("9" is nine residents, never "speak slower").</summary>
    public static readonly Entry<int> Residents = Count("residents", minimum: 1);

    /// <summary>Staff: 0 (none) to the cap ("0" is none, never "a person").</summary>
    public static readonly Entry<int> Staff = Count("staff", minimum: 0);

    /// <summary>French callers write the day first (23/03); English ones the month (03/23).</summary>
    public static bool DayFirst(string locale) => locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

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

    private static Entry<int> Count(string label, int minimum) => new(label, minimum == 0 ? "0123456789" : "123456789", 4,
        (string keys, CallSession _, CallContext _, out int value) =>
            int.TryParse(keys, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum && value <= MaxGroupSize);

    private static bool IsDigits(string keys, int min, int max) =>
        keys.Length >= min && keys.Length <= max && keys.All(char.IsAsciiDigit);
}
