using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>What one webhook did, told once: the structured log event and the metrics its typed events move.</summary>
public sealed class WebhookEvents(ILogger<WebhookEvents> logger, IvrMetrics metrics)
{
    public void Handled(VoiceRoute route, Step step, TimeSpan latency)
    {
        var outcome = step.Next switch
        {
            ToPerson when step.From != CallState.Agent => "handoff",
            HangUp => "goodbye",
            _ => "ok",
        };
        Log(route, step.Session.CallSid, step.From, step.Session.State, step.Trigger, latency, outcome);
        foreach (var happened in step.Events)
        {
            switch (happened)
            {
                case HandedOff handedOff:
                    metrics.HandedOff(handedOff.Reason.ToString());
                    break;
                case InputMissed missed:
                    metrics.InputFailed(missed.State.ToString(), missed.Kind == MissKind.NoInput ? "no-input" : "invalid");
                    break;
                case AppointmentBooked:
                    metrics.Booked("booking");
                    break;
                case GroupVisitRequested:
                    metrics.Booked("group-visit");
                    break;
                case CallerUnverified unverified:
                    metrics.CallerUnverified(unverified.Refused);
                    break;
            }
        }
    }

    /// <summary>A webhook that changed nothing: a replay, a stale turn, a lost race, or a call already over.</summary>
    public void Replayed(VoiceRoute route, CallSession session, string why, TimeSpan latency) =>
        Log(route, session.CallSid, session.State, session.State, why, latency, "replay");

    public void CallStarted() => metrics.CallStarted();

    /// <param name="ended">The session of a call that ended just now; null when it was already over (a repeated callback) or unknown.</param>
    public void CallEnded(string status, TimeSpan? duration, CallSession? ended)
    {
        metrics.CallCompleted(status, duration);
        if (ended is not null)
        {
            var (journey, outcome) = CallJourney.Of(ended);
            metrics.JourneyEnded(journey, outcome);
        }
    }

    private void Log(VoiceRoute route, string callSid, CallState from, CallState to, string trigger, TimeSpan latency, string outcome)
    {
        WebhookLog.WebhookHandled(logger, callSid, route.Name, from.ToString(), to.ToString(), trigger, latency, outcome);
        metrics.WebhookHandled(route.Name, outcome, latency);
    }
}
