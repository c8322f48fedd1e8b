using System.Globalization;
using System.Text.Json;

namespace PhoneBooking.Storage;

/// <summary>
/// How values are stored, the same on both providers so one row type serves both: instants as Unix
/// milliseconds (UTC, <c>INTEGER</c>/<c>bigint</c>: exact, clock-injected comparisons), dates as
/// <c>yyyy-MM-dd</c> text (sorts as it reads), enums as snake_case text (<c>awaiting_eligibility</c>),
/// booleans as the provider's own (Dapper maps both). Columns are snake_case and Dapper matches them to
/// PascalCase properties (<see cref="StorageConventions"/>).
/// </summary>
public static class DbValues
{
    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? instant) => instant?.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? Instant(long? ms) => ms is { } value ? Instant(value) : null;

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(DateOnly? date) => date is { } value ? Text(value) : null;

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? DateOrNull(string? text) => text is null ? null : Date(text);

    /// <summary>The stored word of an enum value: <c>AwaitingEligibility</c> → <c>awaiting_eligibility</c>.</summary>
    public static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumWords<TEnum>.ToWord[value];

    public static string? Word<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Word(v) : null;

    /// <summary>The enum value of a stored word; throws on a word no value has (a corrupt row is a bug, not input).</summary>
    public static TEnum Enum<TEnum>(string word)
        where TEnum : struct, Enum =>
        EnumWords<TEnum>.FromWord.TryGetValue(word, out var value)
            ? value
            : throw new FormatException($"'{word}' is not a stored {typeof(TEnum).Name}.");

    public static TEnum? EnumOrNull<TEnum>(string? word)
        where TEnum : struct, Enum => word is null ? null : Enum<TEnum>(word);

    private static class EnumWords<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<TEnum, string> ToWord =
            System.Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly IReadOnlyDictionary<string, TEnum> FromWord =
            ToWord.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
