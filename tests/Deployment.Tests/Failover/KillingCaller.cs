using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Deployment.Tests.Failover;

/// <summary>
/// A scripted caller during whose call something dies: when the line starts to say <paramref name="phrase"/> (its
/// webhook has been answered, the next one not yet sent), <paramref name="kill"/> runs, once, before the caller
/// goes on. Everything else is the inner caller's.
/// </summary>
internal sealed class KillingCaller(ScriptedCaller inner, string phrase, Action kill) : ICaller
{
    public ScriptedCaller Inner { get; } = inner;

    public bool Killed { get; private set; }

    public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (!Killed && heard.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
        {
            kill();
            Killed = true;
        }

        return Inner.HearAsync(heard, timeline, cancellationToken);
    }

    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        Inner.InputBeforeAsync(until, timeline, cancellationToken);

    public ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken) =>
        Inner.NextInputAsync(request, timeline, cancellationToken);

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) =>
        Inner.CallEndedAsync(ending, timeline, cancellationToken);
}
