using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>How an answered callback call begins: its session, and what it hears first.</summary>
public static class CallbackSessions
{
    private static readonly string IntroPrompt = Lines.CallbackIntro.Ids[0];
    private static readonly string OfferReadyPrompt = Lines.OfferReady.Ids[0];
    private static readonly string OfferExpiredPrompt = Lines.OfferExpired.Ids[0];

    /// <summary>
    /// The new call's session, pre-filled from the callback and from the call that asked for it (when
    /// its session is still kept): nothing the person gave is asked again, and an agent sees it all.
    /// The callee's number is the caller ID, so calling the line back from it resumes this call.
    /// </summary>
    public static CallSession For(string callSid, CallbackRequest callback, CallSession? origin) => new()
    {
        CallSid = callSid,
        CallerId = callback.Phone,
        CallbackNumber = callback.Phone,
        Locale = callback.Locale,
        LanguageChosen = true,
        RequestId = callback.RequestId ?? origin?.RequestId,
        SlowSpeech = origin?.SlowSpeech ?? false,
        Person = origin?.Person ?? 0,
        BirthDate = callback.Kind == CallbackKind.Reminder ? null : origin?.BirthDate,
        Preferences = origin?.Preferences ?? [],
        Handoff = callback.Kind == CallbackKind.Agent ? callback.Handoff ?? HandoffReason.CallbackToAgent : null,
    };

    /// <summary>
    /// What the answered call hears before its first prompt: the introduction was already said while
    /// machine detection listened, so it is not said twice; and "we have a time for you" only when an
    /// offer is really held — an offer that expired before we reached them is said to be no longer held.
    /// </summary>
    public static IReadOnlyList<Line> Preamble(IReadOnlyList<Line> said, CallSession reached)
    {
        var lines = said.Where(l => l.Id != IntroPrompt).ToList();
        var ready = lines.FindIndex(l => l.Id == OfferReadyPrompt);
        if (ready >= 0 && reached.State != CallState.Offer)
        {
            lines.RemoveAt(ready);
            if (reached.State == CallState.Waiting && !lines.Exists(l => l.Id == OfferExpiredPrompt))
            {
                lines.Insert(ready, Lines.OfferExpired.With());
            }
        }

        return lines;
    }
}
