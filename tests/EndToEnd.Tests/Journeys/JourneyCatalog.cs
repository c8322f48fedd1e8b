namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>
/// Every journey of issue 15: one script in <c>scripts/</c>, one line here. Budgets: the goals for
/// the plain booking (16 keys with the birth date and its #, 150 s of speech, no false apology), and what
/// the line costs now for the others (docs/caller-experience.md); tighten them as the flow gets better,
/// never loosen them without saying why.
/// </summary>
public static class JourneyCatalog
{
    /// <summary>A call back asked for, then the same phone calling again: a real caller, or an attacker with that caller ID.</summary>
    private const string Returning = "+16135557801";
    private const string Victim = "+16135557802";

    public static readonly IReadOnlyList<Journey> All =
    [
        new("plain-booking", JourneyOutcome.Booked, new Budget(Keys: 16, SpeechSeconds: 150, Webhooks: 14, Apologies: 0)),
        new("pound-as-told", JourneyOutcome.Booked, new Budget(Keys: 24, SpeechSeconds: 135, Webhooks: 19, Apologies: 0)),
        new("speaking", JourneyOutcome.Booked, new Budget(Keys: 0, SpeechSeconds: 100, Webhooks: 13, Apologies: 0)),
        new("household", JourneyOutcome.Booked, new Budget(Keys: 30, SpeechSeconds: 185, Webhooks: 22, Apologies: 0)),
        new("check-and-cancel", JourneyOutcome.Cancelled, new Budget(Keys: 24, SpeechSeconds: 65, Webhooks: 13, Apologies: 0), Given: "plain-booking"),
        new("retirement-home", JourneyOutcome.GroupVisitRequested, new Budget(Keys: 39, SpeechSeconds: 100, Webhooks: 22, Apologies: 0), From: "anonymous"),
        new("not-eligible", JourneyOutcome.CallbackQueued("Reminder"), new Budget(Keys: 14, SpeechSeconds: 55, Webhooks: 10, Apologies: 0)),
        new("done-then-silent", JourneyOutcome.Booked, new Budget(Keys: 15, SpeechSeconds: 125, Webhooks: 15, Apologies: 1)),
        new("thinking-at-the-offer", JourneyOutcome.Booked, new Budget(Keys: 16, SpeechSeconds: 125, Webhooks: 16, Apologies: 0)),
        new("star-and-nine", JourneyOutcome.Booked, new Budget(Keys: 19, SpeechSeconds: 135, Webhooks: 17, Apologies: 0)),
        new("zero-at-an-entry", JourneyOutcome.Transferred("CallerAsked"), new Budget(Keys: 3, SpeechSeconds: 35, Webhooks: 8, Apologies: 0)),
        new("person-please", JourneyOutcome.Transferred("CallerAsked"), new Budget(Keys: 2, SpeechSeconds: 35, Webhooks: 7, Apologies: 0)),
        new("french-booking", JourneyOutcome.Booked, new Budget(Keys: 16, SpeechSeconds: 150, Webhooks: 14, Apologies: 0)),
        new("holding-for-a-person", JourneyOutcome.CallbackQueued("Agent"), new Budget(Keys: 3, SpeechSeconds: 90, Webhooks: 20, Apologies: 0)),
        new("asked-for-a-call-back", JourneyOutcome.CallbackQueued("Offer"), new Budget(Keys: 15, SpeechSeconds: 75, Webhooks: 10, Apologies: 0), From: Returning),
        new("returning-caller", JourneyOutcome.Booked, new Budget(Keys: 14, SpeechSeconds: 85, Webhooks: 11, Apologies: 0), Given: "asked-for-a-call-back", From: Returning),
        new("victim-asked-for-a-call-back", JourneyOutcome.CallbackQueued("Offer"), new Budget(Keys: 15, SpeechSeconds: 75, Webhooks: 10, Apologies: 0), From: Victim, Script: "asked-for-a-call-back"),
        new("spoofed-caller-id", new JourneyOutcome(OutcomeKind.HungUp, "caller"), new Budget(Keys: 32, SpeechSeconds: 90, Webhooks: 15, Apologies: 0), Given: "victim-asked-for-a-call-back", From: Victim),
    ];

    public static Journey Named(string name) =>
        All.SingleOrDefault(j => j.Name == name) ?? throw new ArgumentException($"No journey named '{name}' in {nameof(JourneyCatalog)}.", nameof(name));
}
