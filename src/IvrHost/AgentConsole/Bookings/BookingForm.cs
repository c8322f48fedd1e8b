using System.Globalization;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using Api = PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

/// <summary>One ranked preference row of the booking form; an empty part of day leaves the row out.</summary>
public sealed class PreferenceInput
{
    public DateOnly? Date { get; set; }

    public string? PartOfDay { get; set; }
}

/// <summary>The booking an agent fills in for a caller, prefilled with what the caller already gave.</summary>
public sealed class BookingForm
{
    public const int Rows = 3;

    public static readonly string[] PartsOfDay = ["any", "morning", "afternoon", "evening"];

    public DateOnly? BirthDate { get; set; }

    public string? Name { get; set; }

    public string? HealthCard { get; set; }

    public string? ContactPhone { get; set; }

    public string? Language { get; set; }

    public List<PreferenceInput> Preferences { get; set; } = [];

    public static BookingForm For(Handoff handoff)
    {
        var form = new BookingForm
        {
            BirthDate = handoff.Details.BirthDate,
            ContactPhone = handoff.Details.CallbackNumber,
            Language = handoff.Locale,
            Preferences = [.. handoff.Details.Preferences.Take(Rows).Select(p => new PreferenceInput { Date = p.Date, PartOfDay = Slug(p.PartOfDay) })],
        };
        form.Pad();
        return form;
    }

    /// <summary>Always <see cref="Rows"/> rows to render (model binding drops empty ones).</summary>
    public void Pad()
    {
        while (Preferences.Count < Rows)
        {
            Preferences.Add(new PreferenceInput { PartOfDay = Preferences.Count == 0 ? "any" : null });
        }
    }

    /// <summary>The submission, or the problems by form field (names as the inputs are named).</summary>
    public (Api.BookingRequestSubmission? Submission, string? HealthCardMasked, Dictionary<string, string> Errors) Validate(DateOnly today, IReadOnlyList<string> languages)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (BirthDate is not { } birthDate)
        {
            errors["BirthDate"] = "Enter the caller's birth date.";
        }
        else if (birthDate > today || birthDate.Year < 1900)
        {
            errors["BirthDate"] = $"A birth date must be between 1900-01-01 and today ({today:yyyy-MM-dd}).";
        }

        if (Name is { Length: > 100 })
        {
            errors["Name"] = "A name is at most 100 characters.";
        }

        string? healthCard = null;
        if (!string.IsNullOrWhiteSpace(HealthCard) && (healthCard = HealthCardNumber.Normalize(HealthCard)) is null)
        {
            errors["HealthCard"] = "A health card number is 10 digits, optionally followed by a 2-letter version code.";
        }

        string? phone = null;
        if (!Entries.TryNorthAmerican(ContactPhone, out var e164) && !AgentConsoleOptionsValidator.E164().IsMatch(ContactPhone ?? ""))
        {
            errors["ContactPhone"] = "Enter the number to reach the caller, such as 416 555 0123 or +14165550123.";
        }
        else
        {
            phone = e164.Length > 0 ? e164 : ContactPhone;
        }

        var language = languages.FirstOrDefault(l => string.Equals(l, Language, StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            errors["Language"] = $"Choose one of: {string.Join(", ", languages)}.";
        }

        var preferences = new List<Api.Preference>();
        for (var i = 0; i < Preferences.Count && i < Rows; i++)
        {
            var row = Preferences[i];
            if (string.IsNullOrEmpty(row.PartOfDay))
            {
                continue;
            }

            if (!Enum.TryParse<Api.PartOfDay>(row.PartOfDay, ignoreCase: true, out var part) || !PartsOfDay.Contains(row.PartOfDay, StringComparer.OrdinalIgnoreCase))
            {
                errors[$"Preferences[{i}].PartOfDay"] = "Choose a part of the day.";
            }
            else if (row.Date is { } date && (date < today || date > today.AddDays(90)))
            {
                errors[$"Preferences[{i}].Date"] = $"A preferred date must be between today ({today:yyyy-MM-dd}) and {today.AddDays(90):yyyy-MM-dd}.";
            }
            else
            {
                preferences.Add(new Api.Preference(part, row.Date));
            }
        }

        if (preferences.Count == 0 && !errors.Keys.Any(k => k.StartsWith("Preferences", StringComparison.Ordinal)))
        {
            errors["Preferences[0].PartOfDay"] = "Give at least one preferred part of the day (\"any\" is fine).";
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        var person = new Api.Person(BirthDate!.Value, string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), healthCard, language!);
        var submission = new Api.BookingRequestSubmission(person, preferences, Api.Channel.Agent, phone!, Api.HoldStart.OnDelivery);
        return (submission, healthCard is null ? null : HealthCardNumber.Mask(healthCard), errors);
    }

    private static string Slug(PartOfDay part) => part.ToString().ToLower(CultureInfo.InvariantCulture);
}
