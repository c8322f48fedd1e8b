namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>A feature of the line a supervisor can turn off while it fails (docs/operations.md, "Switches").</summary>
public enum LineFeature
{
    /// <summary>Calling people back: offer callbacks, agent call backs, reminders, and the dialer that places them.</summary>
    Callbacks,

    /// <summary>Text messages: the booking text and the dialer's final notices.</summary>
    Texts,

    /// <summary>Retirement homes booking group visits by phone.</summary>
    GroupVisits,

    /// <summary>Starting a new booking request by phone; checking and cancelling a booking still work.</summary>
    NewBookings,
}

/// <summary>The features turned off right now, as every instance sees them within seconds. Empty: everything on.</summary>
public sealed record LineSwitches(IReadOnlySet<LineFeature> Off)
{
    public static readonly LineSwitches AllOn = new(new HashSet<LineFeature>());

    public bool IsOff(LineFeature feature) => Off.Contains(feature);
}
