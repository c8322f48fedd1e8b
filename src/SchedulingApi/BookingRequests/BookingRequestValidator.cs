using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.BookingRequests;

/// <summary>A request body that passed validation, defaults applied.</summary>
internal sealed record ValidBookingRequest(
    DateOnly BirthDate,
    string? Name,
    string? HealthCardNumber,
    string? PostalCode,
    string Language,
    IReadOnlyList<Preference> Preferences,
    Channel Channel,
    string ContactPhone,
    HoldStart HoldStart);

internal static class BookingRequestValidator
{
    public const int MaxPreferences = 5;
    private const int MaxDaysAhead = 366;

    public static ValidBookingRequest? Validate(BookingRequestBody body, DateOnly today, SiteCatalog sites, Dictionary<string, string[]> errors)
    {
        var person = body.Person;
        if (person is null)
        {
            errors["person"] = ["is required."];
        }

        var birthDate = person is null ? null : FieldRules.BirthDate(errors, "person.birthDate", person.BirthDate, today);
        var name = FieldRules.Text(errors, "person.name", person?.Name, 200);
        var healthCard = HealthCard(errors, person?.HealthCardNumber);
        var language = FieldRules.Language(errors, "person.language", person?.Language);
        var postalCode = FieldRules.PostalCode(errors, "person.postalCode", person?.PostalCode);
        var preferences = Preferences(errors, body.Preferences, today, sites);
        if (body.Channel is null)
        {
            errors["channel"] = ["is required: web, phone or agent."];
        }

        var phone = FieldRules.ContactPhone(errors, "contactPhone", body.ContactPhone);
        if (errors.Count > 0)
        {
            return null;
        }

        var channel = body.Channel!.Value;
        var holdStart = body.HoldStart ?? (channel == Channel.Web ? HoldStart.OnOffer : HoldStart.OnDelivery);
        return new ValidBookingRequest(birthDate!.Value, name, healthCard, postalCode, language, preferences, channel, phone!, holdStart);
    }

    private static string? HealthCard(Dictionary<string, string[]> errors, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length is < 4 or > 20 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
        {
            errors["person.healthCardNumber"] = ["must be 4-20 letters, digits, spaces or dashes."];
            return null;
        }

        return trimmed;
    }

    private static List<Preference> Preferences(Dictionary<string, string[]> errors, List<PreferenceBody?>? bodies, DateOnly today, SiteCatalog sites)
    {
        if (bodies is null || bodies.Count is 0 or > MaxPreferences)
        {
            errors["preferences"] = [$"must list 1 to {MaxPreferences} preferred windows, best first."];
            return [];
        }

        var preferences = new List<Preference>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var at = $"preferences[{i}]";
            if (bodies[i] is not { } body)
            {
                errors[at] = ["must be an object."];
                continue;
            }

            if (body.Date is not null && body.DayOfWeek is not null)
            {
                errors[at] = ["give a date or a dayOfWeek, not both."];
            }

            if (body.Date < today)
            {
                errors[$"{at}.date"] = ["must be today or later."];
            }
            else if (body.Date > today.AddDays(MaxDaysAhead))
            {
                errors[$"{at}.date"] = ["must be within a year."];
            }

            if (body.SiteId is not null && !sites.Contains(body.SiteId))
            {
                errors[$"{at}.siteId"] = ["is not a known site; see GET /v1/sites."];
            }

            preferences.Add(new Preference(body.Date, body.DayOfWeek, body.PartOfDay ?? PartOfDay.Any, body.SiteId));
        }

        return preferences;
    }
}
