namespace PhoneBooking.SchedulingApi.Sites;

public sealed record SiteResponse(string Id, string Name, string SpokenName, string Address, string TimeZone);

/// <summary>A one-hour window; start and end carry the site's local offset.</summary>
public sealed record WindowResponse(string SiteId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining);
