namespace PhoneBooking.SchedulingApi.Facilities;

public sealed record Facility(string Id, string Code, string Name, string SpokenName, string PinHash);
