namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>One dial slot at a time for every host on the database: the account's calls-per-second, kept together.</summary>
public interface IDialPacer
{
    /// <summary>Takes the slot when it is free, or says when it will be.</summary>
    Task<DialSlot> TryTakeAsync(DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken);
}

/// <param name="At">When taken: the time the slot was scheduled for (now minus the lag). Otherwise: when the next slot is free.</param>
public sealed record DialSlot(bool Taken, DateTimeOffset At);
