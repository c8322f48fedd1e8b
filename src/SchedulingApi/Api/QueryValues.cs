using System.Globalization;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>Query-string parsing that reports a field error instead of throwing.</summary>
internal static class QueryValues
{
    public static bool TryDate(string? text, string field, Dictionary<string, string[]> errors, out DateOnly? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
            return true;
        }

        errors[field] = ["must be a date written yyyy-MM-dd."];
        return false;
    }

    public static bool TryLong(string? text, string field, long min, long max, Dictionary<string, string[]> errors, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            value = number;
            return true;
        }

        errors[field] = [string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}.")];
        return false;
    }
}
