using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.SchedulingClient.Tests.Support;

public static class Submissions
{
    public static BookingRequestSubmission Phone(DateOnly? birthDate = null, params Preference[] preferences) => new(
        new Person(birthDate ?? new DateOnly(1950, 3, 23), "Ada Lovelace", "1234-567-890-AB", "en-CA"),
        preferences.Length == 0 ? [new Preference(PartOfDay.Any)] : preferences,
        Channel.Phone,
        "+14165550123",
        HoldStart.OnDelivery);
}
