namespace PhoneBooking.SchedulingClient.Contracts;

public sealed record Site(string Id, string Name, string SpokenName, string Address, string TimeZone);

/// <summary>Query of <c>GET /v1/availability</c>; the API defaults to today … today+6, at most 31 days.</summary>
public sealed record AvailabilityQuery(DateOnly? From = null, DateOnly? To = null, string? SiteId = null);

/// <summary>One one-hour window at a site and the places left in it.</summary>
public sealed record AvailabilityWindow(string SiteId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining);
