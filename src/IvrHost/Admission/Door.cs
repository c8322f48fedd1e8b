namespace PhoneBooking.IvrHost.Admission;

/// <summary>Why the door turned a new call to a call back: the tag of <c>phonebooking.ivr.calls.shed</c>.</summary>
public enum ShedReason
{
    /// <summary>The line has as many calls in progress as it may serve (lower while the backend is unwell).</summary>
    CallsInProgress,

    /// <summary>This instance is answering as many webhooks at once as it may: new ones would queue.</summary>
    WebhooksInFlight,

    /// <summary>This instance's recent webhooks took too long on average: they are queueing.</summary>
    WebhookLatency,
}

/// <summary>What the door decided for one new call.</summary>
/// <param name="Shed">Null: admitted to the menu. Otherwise why the caller hears that the line is busy.</param>
/// <param name="AgentsFull">Turned away, and agents have no room either: no person is offered.</param>
public sealed record Door(ShedReason? Shed, bool AgentsFull)
{
    public static readonly Door Open = new(null, false);

    public bool Admitted => Shed is null;
}
