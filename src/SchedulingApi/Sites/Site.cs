namespace PhoneBooking.SchedulingApi.Sites;

public sealed record Site(string Id, string Name, string SpokenName, string Address, string TimeZoneId);

/// <summary>A one-hour window at a site; <see cref="Remaining"/> counts places neither offered nor booked.</summary>
public sealed record Window(long Id, string SiteId, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Remaining);

/// <summary>A window to create, with its local calendar facts precomputed so preferences match in SQL.</summary>
public sealed record NewWindow(string SiteId, DateTimeOffset Start, DateTimeOffset End, DateOnly LocalDate, DayOfWeek LocalDay, int LocalHour, int Capacity);

/// <summary>A window with room, as the matcher chooses among them: its local calendar facts and the places left.</summary>
public sealed record OpenWindow(long Id, string SiteId, DateOnly LocalDate, DayOfWeek LocalDay, int LocalHour, int Remaining);
