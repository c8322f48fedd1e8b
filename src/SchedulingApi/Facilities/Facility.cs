namespace PhoneBooking.SchedulingApi.Facilities;

public sealed record Facility(string Id, string Code, string Name, string SpokenName, string PinHash);

/// <summary>Wrong PINs typed for one facility code since the last success; a lock when too many.</summary>
public sealed record SignInFailures(int FailedAttempts, DateTimeOffset? LockedUntil)
{
    public static readonly SignInFailures None = new(0, null);
}
