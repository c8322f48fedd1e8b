namespace PhoneBooking.EndToEnd.Tests.Journeys;

/// <summary>
/// One caller's journey: the script <c>scripts/{Name}.script</c> (or <paramref name="Script"/>), how it must
/// end, and the most it may cost the caller. <paramref name="Given"/> names a journey run first on the same
/// line whose outcome fills the script's placeholders (<c>{code}</c>: the confirmation code it booked).
/// <paramref name="From"/>: the caller ID, when the journey needs one ("anonymous", or the number a given
/// journey called from); otherwise each journey gets its own.
/// </summary>
public sealed record Journey(string Name, JourneyOutcome Outcome, Budget Budget, string? Given = null, string? From = null, string? Script = null)
{
    public override string ToString() => Name;
}

/// <summary>The most a journey may cost the caller: keys pressed (each digit, * and # counts), seconds of speech, webhooks, apologies heard.</summary>
public sealed record Budget(int Keys, double SpeechSeconds, int Webhooks, int Apologies)
{
    /// <summary>What <paramref name="measure"/> spends over this budget, one line each; empty when within it.</summary>
    public IReadOnlyList<string> Overruns(JourneyMeasure measure)
    {
        var overruns = new List<string>();
        Check(overruns, "keys", measure.Keys, Keys);
        Check(overruns, "seconds of speech", measure.SpeechSeconds, SpeechSeconds);
        Check(overruns, "webhooks", measure.Webhooks, Webhooks);
        Check(overruns, "apologies", measure.Apologies, Apologies);
        return overruns;
    }

    private static void Check(List<string> overruns, string what, double measured, double most)
    {
        if (measured > most)
        {
            overruns.Add($"{what}: {measured:0.#} > {most:0.#}");
        }
    }
}

public enum OutcomeKind
{
    Booked,
    Cancelled,
    CallbackQueued,
    Transferred,
    GroupVisitRequested,
    HungUp,
}

/// <summary>
/// How a journey ended, as the caller and the line's records agree: booked (a code read back and confirmed in
/// the scheduling API), cancelled, a call back queued (its kind), handed to a person (the reason), or hung up.
/// <see cref="Code"/> is never printed: confirmation codes stay out of logs and docs.
/// </summary>
public sealed record JourneyOutcome(OutcomeKind Kind, string? Detail = null)
{
    public static readonly JourneyOutcome Booked = new(OutcomeKind.Booked);
    public static readonly JourneyOutcome Cancelled = new(OutcomeKind.Cancelled);
    public static readonly JourneyOutcome HungUp = new(OutcomeKind.HungUp);
    public static readonly JourneyOutcome GroupVisitRequested = new(OutcomeKind.GroupVisitRequested);

    /// <summary>The confirmation code booked or cancelled, for the journeys that follow (placeholder <c>{code}</c>).</summary>
    public string? Code { get; init; }

    /// <param name="kind">Offer, Reminder or Agent; null for any.</param>
    public static JourneyOutcome CallbackQueued(string? kind = null) => new(OutcomeKind.CallbackQueued, kind);

    /// <param name="reason">The handoff reason the agent sees (CallerAsked, RepeatedInputFailures…); null for any.</param>
    public static JourneyOutcome Transferred(string? reason = null) => new(OutcomeKind.Transferred, reason);

    /// <summary>Whether this outcome is what <paramref name="expected"/> asks for (a null detail takes any).</summary>
    public bool Satisfies(JourneyOutcome expected) => Kind == expected.Kind && (expected.Detail is null || expected.Detail == Detail);

    public override string ToString() => Kind switch
    {
        OutcomeKind.Booked => "booked, code read back",
        OutcomeKind.Cancelled => "booking cancelled",
        OutcomeKind.CallbackQueued => $"call back queued{(Detail is null ? "" : $" ({Detail})")}",
        OutcomeKind.Transferred => $"transferred{(Detail is null ? "" : $" ({Detail})")}",
        OutcomeKind.GroupVisitRequested => "group visit requested, reference read back",
        _ => $"hung up{(Detail is null ? "" : $" by the {Detail}")}",
    };
}

/// <summary>
/// What a journey cost the caller. Speech is what the line said — words cut off by the caller's keys do not
/// count — in seconds at 150 words a minute. Rounds of holding for an offer after the first are the
/// scheduling API's time, not the flow's: counted in <see cref="ExtraHoldRounds"/>, left out of the rest.
/// </summary>
public sealed record JourneyMeasure(int Keys, int Words, int Webhooks, int Apologies, JourneyOutcome Outcome)
{
    public const int WordsPerMinute = 150;

    public int ExtraHoldRounds { get; init; }

    public double SpeechSeconds => Words * 60.0 / WordsPerMinute;
}
