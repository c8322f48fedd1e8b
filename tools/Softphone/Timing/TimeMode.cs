namespace PhoneBooking.Softphone.Timing;

public enum TimeMode
{
    /// <summary>Pauses and timeouts really pass: a person at the keyboard.</summary>
    Real,

    /// <summary>Pauses and timeouts are counted, not slept: scripts, tests, load runs.</summary>
    Virtual,
}
