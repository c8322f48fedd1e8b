using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>What one webhook did, told once: the structured log event and the metrics it moves.</summary>
public sealed class WebhookEvents(ILogger<WebhookEvents> logger, IvrMetrics metrics)
{
    public void Handled(string route, string callSid, CallState from, CallSession to, string trigger, TimeSpan latency)
    {
        var outcome = Outcome(from, to, trigger);
        WebhookLog.WebhookHandled(logger, callSid, route, from.ToString(), to.State.ToString(), trigger, latency, outcome);
        metrics.WebhookHandled(route, outcome, latency);

        if (to.State == CallState.Agent && from != CallState.Agent && to.Handoff is { } reason)
        {
            metrics.HandedOff(reason.ToString());
        }

        if (trigger.Contains("input.", StringComparison.Ordinal))
        {
            metrics.InputFailed(from.ToString(), trigger.Contains("no_input", StringComparison.Ordinal) ? "no-input" : "invalid");
        }

        if (from != to.State && to.State == CallState.Booked && to.Booking is not null && trigger.Contains("booked", StringComparison.Ordinal))
        {
            metrics.Booked("booking");
        }

        if (from != to.State && to.State == CallState.GroupSubmitted)
        {
            metrics.Booked("group-visit");
        }
    }

    public void CallStarted() => metrics.CallStarted();

    public void CallEnded(string status, TimeSpan? duration) => metrics.CallCompleted(status, duration);

    private static string Outcome(CallState from, CallSession to, string trigger) => trigger switch
    {
        "stale turn" or "repeated start" or "lost race" => "replay",
        _ when to.State == CallState.Agent && from != CallState.Agent => "handoff",
        _ when to.State == CallState.Goodbye => "goodbye",
        _ => "ok",
    };
}
