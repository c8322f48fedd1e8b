namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>Groups of callback and attempt states the queries name, the same on every provider (tables: <c>Callbacks/Storage/Migrations</c>).</summary>
internal static class CallbackStates
{
    /// <summary>States a callback leaves only by being finished: nothing more will be dialled.</summary>
    public const string Finished = "('answered', 'voicemail', 'gave-up', 'refused', 'closed')";

    /// <summary>Attempt states Twilio has the last word on: a placed call that is not over yet.</summary>
    public const string Live = "('queued', 'initiated', 'ringing', 'in-progress')";
}
