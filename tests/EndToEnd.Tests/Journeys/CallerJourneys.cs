using System.Globalization;

namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>How a journey must end, as the caller hears it and the line's records say.</summary>
public enum Ending
{
    Booked,
    Cancelled,
    CallbackQueued,
    Transferred,
    GroupVisitRequested,

    /// <summary>Nothing booked and nothing promised: the caller hung up (the attack's refusal).</summary>
    NothingRevealed,
}

/// <summary>The most a journey may cost the caller: keys (every digit, * and #), seconds of speech heard, webhooks, apologies.</summary>
public sealed record Budget(int Keys, double SpeechSeconds, int Webhooks, int Apologies);

/// <summary>
/// One caller's journey of issue 15: <c>scripts/{Name}.script</c>, the number they call from, how it must
/// end and its budget. <paramref name="Given"/>: a journey run first (its booking, its open request).
/// </summary>
public sealed record CallerJourney(string Name, string From, Ending Ending, Budget Budget, string? Given = null)
{
    public override string ToString() => Name;
}

/// <summary>Every journey, with its budget. Budgets are the goals of issue 15 where it sets one, else what the line costs now.</summary>
public static class CallerJourneys
{
    /// <summary>The seniors' group: open.</summary>
    public const string BirthDate = "19450312";

    public const string SecondBirthDate = "19470815";

    /// <summary>
    /// Issue 15's goals for the plain booking: 16 keys (7 answers and the birth date with its #), 150 s of
    /// speech (every prompt heard to its end, at 150 words a minute), no false apology. Webhooks leave room
    /// for a slow matcher: each quiet round of the wait for an offer is one.
    /// </summary>
    public static readonly Budget PlainBookingGoal = new(Keys: 16, SpeechSeconds: 150, Webhooks: 24, Apologies: 0);

    public static readonly IReadOnlyList<CallerJourney> All =
    [
        new("plain-booking", "+16135550701", Ending.Booked, PlainBookingGoal),
        new("pound-as-told", "+16135550702", Ending.Booked, new(Keys: 24, SpeechSeconds: 175, Webhooks: 28, Apologies: 0)),
        new("speaking", "+16135550703", Ending.Booked, PlainBookingGoal with { Keys = 0 }),
        new("household", "+16135550704", Ending.Booked, new(Keys: 30, SpeechSeconds: 240, Webhooks: 36, Apologies: 0)),
        new("check-and-cancel", "+16135550705", Ending.Cancelled, new(Keys: 24, SpeechSeconds: 90, Webhooks: 14, Apologies: 0), Given: "plain-booking"),
        new("retirement-home", "anonymous", Ending.GroupVisitRequested, new(Keys: 39, SpeechSeconds: 120, Webhooks: 24, Apologies: 0)),
        new("not-eligible", "+16135550707", Ending.CallbackQueued, new(Keys: 14, SpeechSeconds: 80, Webhooks: 11, Apologies: 0)),
        new("done-then-silent", "+16135550708", Ending.Booked, new(Keys: 15, SpeechSeconds: 160, Webhooks: 26, Apologies: 1)),
        new("thinking-at-the-offer", "+16135550709", Ending.Booked, new(Keys: 16, SpeechSeconds: 165, Webhooks: 28, Apologies: 0)),
        new("star-and-nine", "+16135550710", Ending.Booked, new(Keys: 19, SpeechSeconds: 190, Webhooks: 28, Apologies: 0)),
        new("zero-at-an-entry", "+16135550711", Ending.Transferred, new(Keys: 3, SpeechSeconds: 50, Webhooks: 8, Apologies: 0)),
        new("french-booking", "+15145550712", Ending.Booked, PlainBookingGoal),
        new("holding-for-a-person", "+16135550713", Ending.CallbackQueued, new(Keys: 3, SpeechSeconds: 100, Webhooks: 26, Apologies: 0)),
        new("returning-caller", "+16135550714", Ending.Booked, new(Keys: 14, SpeechSeconds: 110, Webhooks: 20, Apologies: 0), Given: "asked-for-a-call-back"),
        new("spoofed-caller-id", "+16135550715", Ending.NothingRevealed, new(Keys: 32, SpeechSeconds: 110, Webhooks: 15, Apologies: 0), Given: "asked-for-a-call-back"),
    ];

    /// <summary>Journeys run only to set up another (a booking to cancel, a request to continue).</summary>
    public static readonly IReadOnlyList<CallerJourney> Givens =
    [
        new("asked-for-a-call-back", "", Ending.CallbackQueued, new(Keys: 16, SpeechSeconds: 130, Webhooks: 12, Apologies: 0)),
    ];

    public static CallerJourney Named(string name) =>
        All.Concat(Givens).SingleOrDefault(j => j.Name == name) ?? throw new ArgumentException($"No journey named '{name}'.", nameof(name));

    /// <summary>The script with its placeholders filled: dates relative to today, the code an earlier journey booked.</summary>
    public static string Script(string name, DateOnly today, string? code)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Journeys", "scripts", name + ".script"));
        return text
            .Replace("{birth_date}", BirthDate, StringComparison.Ordinal)
            .Replace("{second_birth_date}", SecondBirthDate, StringComparison.Ordinal)
            .Replace("{later_birth_date}", Hosting.LineFixture.LaterGroupBirthDate, StringComparison.Ordinal)
            .Replace("{visit_mmdd}", today.AddDays(5).ToString("MMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{code}", code ?? "", StringComparison.Ordinal);
    }
}
