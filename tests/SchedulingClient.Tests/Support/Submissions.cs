using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.SchedulingClient.Tests.Support;

public static class Submissions
{
    /// <summary>A caller's request; <paramref name="contactPhone"/> tells two people with one birth date apart (one open request per person).</summary>
    public static BookingRequestSubmission Phone(DateOnly? birthDate = null, Preference[]? preferences = null, string contactPhone = "+14165550123") => new(
        new Person(birthDate ?? new DateOnly(1950, 3, 23), "Ada Lovelace", "1234-567-890-AB", "en-CA"),
        preferences is null or [] ? [new Preference(PartOfDay.Any)] : preferences,
        Channel.Phone,
        contactPhone,
        HoldStart.OnDelivery);
}
