using System.Globalization;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

/// <summary>How values are stored: instants as Unix milliseconds, dates as ISO text, enums by name.</summary>
internal static class DbValues
{
    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? instant) => instant?.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? Instant(long? ms) => ms is { } value ? Instant(value) : null;

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(DateOnly? date) => date is { } value ? Text(value) : null;

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? DateOrNull(string? text) => text is null ? null : Date(text);

    public static TEnum Enum<TEnum>(string text)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(text);
}
