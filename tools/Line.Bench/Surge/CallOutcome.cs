using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>One webhook as the bench counts it: how long the line took, its HTTP status (null: none came), whether Twilio gave up waiting.</summary>
internal readonly record struct WebhookFigure(double Milliseconds, int? Status, bool TimedOut)
{
    public static WebhookFigure Of(WebhookExchange exchange) => new(
        exchange.Latency.TotalMilliseconds,
        exchange.StatusCode,
        exchange.Failure is { Code: TwilioErrors.HttpConnectionFailure } failure && failure.Detail.StartsWith("no response within", StringComparison.Ordinal));
}

/// <summary>
/// How one surge call went, from what the caller heard and did (the line's records are read apart, from its
/// metrics): admitted or told the line is very busy; if told, whether a call back was offered and taken;
/// if admitted, whether the journey's script ran to its end, a booking was read back, or the call went to a person.
/// </summary>
internal sealed record CallOutcome(JourneyKind Kind, bool Deferred, bool CallbackOffered, bool CallbackQueued, bool Finished, bool Booked, bool HandedOff, IReadOnlyList<WebhookFigure> Webhooks)
{
    /// <summary>Where an unfinished journey's script stopped (its step), for the report's "why"; null when it finished.</summary>
    public string? StoppedAt { get; init; }

    public static CallOutcome Classify(JourneyKind kind, IReadOnlyList<string> heard, bool deferred, bool scriptPassed, bool twilioErrors, IReadOnlyList<WebhookFigure> webhooks)
    {
        bool Heard(string phrase) => heard.Any(said => PhraseMatcher.IndexAfter(said, phrase) >= 0);

        // After the busy prompt: any words offering a call back ("call you back", "a call back").
        var afterBusy = deferred ? heard.SkipWhile(said => PhraseMatcher.IndexAfter(said, DeferringCaller.BusyPhrase) < 0).ToList() : [];
        var offered = afterBusy.Any(said => PhraseMatcher.IndexAfter(said, "call you back") >= 0 || PhraseMatcher.IndexAfter(said, "call back") >= 0);
        return new CallOutcome(
            kind,
            deferred,
            offered,
            CallbackQueued: deferred && offered && scriptPassed && !twilioErrors,
            Finished: !deferred && scriptPassed && !twilioErrors,
            Booked: Heard("Your confirmation code is"),
            HandedOff: Heard("I am connecting you to a person"),
            webhooks);
    }
}
