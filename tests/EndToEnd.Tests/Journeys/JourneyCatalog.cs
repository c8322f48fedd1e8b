namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>
/// Every journey: one script in <c>scripts/</c>, one line here. Budgets are what the line costs today (the
/// table in docs/softphone.md, *Journeys*), speech rounded up to the second (the day and window offered change
/// a word or two); tighten them as the flow gets better, never loosen them without saying why.
/// </summary>
public static class JourneyCatalog
{
    public static readonly IReadOnlyList<Journey> All =
    [
        new("plain-booking", JourneyOutcome.Booked, new Budget(Keys: 19, SpeechSeconds: 110, Webhooks: 15, Apologies: 1)),
        new("check-and-cancel", JourneyOutcome.Cancelled, new Budget(Keys: 23, SpeechSeconds: 53, Webhooks: 11, Apologies: 2), Given: "plain-booking"),
        new("french-booking", JourneyOutcome.Booked, new Budget(Keys: 19, SpeechSeconds: 117, Webhooks: 15, Apologies: 1)),
        new("person-please", JourneyOutcome.Transferred("CallerAsked"), new Budget(Keys: 2, SpeechSeconds: 33, Webhooks: 6, Apologies: 0)),
    ];

    public static Journey Named(string name) =>
        All.SingleOrDefault(j => j.Name == name) ?? throw new ArgumentException($"No journey named '{name}' in {nameof(JourneyCatalog)}.", nameof(name));
}
