using System.Text.RegularExpressions;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>Field checks shared by several requests. Each adds a message under the field's contract path.</summary>
internal static partial class FieldRules
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static DateOnly? BirthDate(Dictionary<string, string[]> errors, string field, DateOnly? value, DateOnly today)
    {
        if (value is null)
        {
            errors[field] = ["is required (yyyy-MM-dd)."];
        }
        else if (value > today)
        {
            errors[field] = ["must not be in the future."];
        }
        else if (value < EarliestBirthDate)
        {
            errors[field] = ["must be 1900-01-01 or later."];
        }

        return errors.ContainsKey(field) ? null : value;
    }

    public static string? PostalCode(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (!CanadianPostalCode().IsMatch(compact))
        {
            errors[field] = ["must be a Canadian postal code such as M5V 2T6."];
            return null;
        }

        return compact;
    }

    public static string? ContactPhone(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            errors[field] = ["is required (E.164, e.g. +14165550123)."];
        }
        else if (!E164().IsMatch(value))
        {
            errors[field] = ["must be an E.164 number such as +14165550123."];
        }

        return errors.ContainsKey(field) ? null : value;
    }

    public static string Language(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return "en-CA";
        }

        if (!Bcp47().IsMatch(value))
        {
            errors[field] = ["must be a BCP 47 language tag such as en-CA or fr-CA."];
        }

        return value;
    }

    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > maxLength || trimmed.Any(char.IsControl))
        {
            errors[field] = [$"must be 1-{maxLength} characters without control characters."];
            return null;
        }

        return trimmed;
    }

    public static string? Digits(Dictionary<string, string[]> errors, string field, string? value, int minLength, int maxLength)
    {
        var pattern = $"^[0-9]{{{minLength},{maxLength}}}$";
        if (value is null)
        {
            errors[field] = [$"is required ({minLength}-{maxLength} digits)."];
        }
        else if (!Regex.IsMatch(value, pattern))
        {
            errors[field] = [$"must be {minLength}-{maxLength} digits."];
        }

        return errors.ContainsKey(field) ? null : value;
    }

    [GeneratedRegex("^[A-Z][0-9][A-Z][0-9][A-Z][0-9]$")]
    private static partial Regex CanadianPostalCode();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex Bcp47();
}
