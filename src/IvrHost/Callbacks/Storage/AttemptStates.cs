namespace PhoneBooking.IvrHost.Callbacks.Storage;

/// <summary>An attempt's states in the order they happen: a status only ever moves an attempt forward.</summary>
internal static class AttemptStates
{
    /// <summary>Final statuses that mean nobody (or nothing) took the call: each counts toward the retry cap.</summary>
    public const string Misses = "('busy', 'no-answer', 'failed', 'canceled')";

    public static int Rank(string state) => state switch
    {
        "claimed" => 0,
        "dialling" => 1,
        "queued" => 2,
        "initiated" => 3,
        "ringing" => 4,
        "in-progress" => 5,
        _ => 6,
    };

    public static bool IsFinal(string status) => status is "completed" or "busy" or "no-answer" or "failed" or "canceled";

    /// <summary>Twilio's AnsweredBy for anything that is not a person: machine_start, machine_end_beep/silence/other, fax.</summary>
    public static bool IsMachine(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax");
}
