namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>One dial slot at a time for every host on the database: the account's calls-per-second, kept together.</summary>
public interface IDialPacer
{
    /// <summary>Takes the slot when it is free, or says when it will be.</summary>
    Task<DialSlot> TryTakeAsync(DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken);
}

/// <param name="At">When taken: since when the slot had been free (a busy queue takes it at once: the lag is small). Otherwise: when the next slot is free.</param>
public sealed record DialSlot(bool Taken, DateTimeOffset At);
