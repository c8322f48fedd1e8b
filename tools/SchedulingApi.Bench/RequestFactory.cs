using System.Globalization;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>Booking requests shaped like real ones: 1-3 ranked preferences over the next two weeks, mixed channels.</summary>
internal static class RequestFactory
{
    private static readonly string[] PartsOfDay = ["morning", "afternoon", "evening", "any"];
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] Channels = ["web", "web", "phone", "agent"];

    /// <param name="index">This request's number: its contact phone is its own, so each request is another person (one open request per person).</param>
    public static object Create(Random random, DateOnly today, IReadOnlyList<string> siteIds, int index)
    {
        var preferences = new object[random.Next(1, 4)];
        for (var i = 0; i < preferences.Length; i++)
        {
            var partOfDay = PartsOfDay[random.Next(PartsOfDay.Length)];
            var siteId = random.Next(3) == 0 ? siteIds[random.Next(siteIds.Count)] : null;
            preferences[i] = random.Next(2) == 0
                ? new { date = today.AddDays(random.Next(1, 14)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), partOfDay, siteId }
                : new { dayOfWeek = Days[random.Next(Days.Length)], partOfDay, siteId };
        }

        var birthYear = random.Next(1925, 1957); // all eligible: the benchmark measures matching, not waiting
        return new
        {
            person = new { birthDate = $"{birthYear}-{random.Next(1, 13):00}-{random.Next(1, 29):00}", language = random.Next(4) == 0 ? "fr-CA" : "en-CA" },
            preferences,
            channel = Channels[random.Next(Channels.Length)],
            contactPhone = "+1416" + (2_000_000 + index).ToString(CultureInfo.InvariantCulture),
        };
    }
}
