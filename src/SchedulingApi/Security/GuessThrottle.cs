using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>What is being guessed: a booking's confirmation code (with a birth date) or a facility's code (with a PIN).</summary>
internal enum GuessKind
{
    ConfirmationCode,
    FacilityCode,
}

/// <summary>A count of wrong guesses: how many in the window that began at <see cref="WindowStart"/>, and until when the next must wait.</summary>
public sealed record GuessCounter(long Failures, DateTimeOffset WindowStart, DateTimeOffset? BlockedUntil);

/// <summary>Guess counters in the API's database, so every instance and a restart see the same count.</summary>
public interface IGuessCounterStore
{
    Task<GuessCounter?> GetAsync(string scope, string key, CancellationToken cancellationToken);

    Task SaveAsync(string scope, string key, GuessCounter counter, CancellationToken cancellationToken);

    Task DeleteAsync(string scope, string key, CancellationToken cancellationToken);
}

/// <summary>
/// Slows guessing down without locking anyone out. Wrong guesses are counted per code (whoever
/// guesses) and per client (whatever code); past the free ones, the next guess must wait a delay
/// that doubles up to a ceiling. A guess made while it must wait is refused unchecked, and not
/// counted: so the right answer is never confirmed early, and the real person's wait is never longer
/// than the ceiling however hard someone else hammers. Codes are counted under an HMAC, never in clear.
/// Runs inside the request's write transaction, so concurrent guesses are counted one by one.
/// </summary>
internal sealed class GuessThrottle(
    IGuessCounterStore store,
    ApiSecrets secrets,
    TimeProvider clock,
    IOptions<ThrottlingOptions> options,
    SecurityRefusals refusals)
{
    private const string ClientScope = "client";

    /// <summary>Null when the guess may be checked now; otherwise the refusal to answer (Retry-After included).</summary>
    public async Task<IResult?> CheckAsync(GuessKind kind, string subject, ApiClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await store.GetAsync(Scope(kind), secrets.ThrottleKey(Scope(kind) + ":" + subject), cancellationToken) is { BlockedUntil: { } codeUntil } && codeUntil > now)
        {
            refusals.Record(StatusOf(kind), SecurityReasons.CodeThrottled, client.Name, "guess " + Scope(kind));
            return new RetryAfterResult(kind == GuessKind.FacilityCode ? Problems.FacilityLocked(codeUntil) : Problems.TooManyAttempts(codeUntil - now), codeUntil - now);
        }

        if (await store.GetAsync(ClientScope, client.Name, cancellationToken) is { BlockedUntil: { } clientUntil } && clientUntil > now)
        {
            refusals.Record(StatusCodes.Status429TooManyRequests, SecurityReasons.ClientThrottled, client.Name, "guess " + Scope(kind));
            return new RetryAfterResult(Problems.TooManyAttempts(clientUntil - now), clientUntil - now);
        }

        return null;
    }

    /// <summary>Counts a wrong guess; returns how many more are free before the delays begin (for this code).</summary>
    public async Task<int> FailedAsync(GuessKind kind, string subject, ApiClient client, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var codeLimit = kind == GuessKind.FacilityCode ? limits.FacilityCodes : limits.ConfirmationCodes;
        var failures = await CountAsync(Scope(kind), secrets.ThrottleKey(Scope(kind) + ":" + subject), codeLimit, cancellationToken);
        if (client.Limits.GuessFailuresPerWindow > 0)
        {
            var clientLimit = new GuessLimit
            {
                FreeFailures = client.Limits.GuessFailuresPerWindow,
                FirstDelay = limits.Clients.FirstDelay,
                MaxDelay = limits.Clients.MaxDelay,
                Window = limits.Clients.Window,
            };
            await CountAsync(ClientScope, client.Name, clientLimit, cancellationToken);
        }

        return (int)Math.Max(0, codeLimit.FreeFailures - failures);
    }

    /// <summary>The right answer: the code's count starts afresh (the client's does not: it may be guessing others).</summary>
    public Task SucceededAsync(GuessKind kind, string subject, CancellationToken cancellationToken) =>
        store.DeleteAsync(Scope(kind), secrets.ThrottleKey(Scope(kind) + ":" + subject), cancellationToken);

    private async Task<long> CountAsync(string scope, string key, GuessLimit limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counter = await store.GetAsync(scope, key, cancellationToken);
        if (counter is null || now - counter.WindowStart >= limit.Window)
        {
            counter = new GuessCounter(0, now, null);
        }

        var failures = counter.Failures + 1;
        var delay = limit.DelayAfter(failures);
        await store.SaveAsync(scope, key, new GuessCounter(failures, counter.WindowStart, delay > TimeSpan.Zero ? now + delay : null), cancellationToken);
        return failures;
    }

    private static string Scope(GuessKind kind) => kind == GuessKind.FacilityCode ? "facility-code" : "confirmation-code";

    private static int StatusOf(GuessKind kind) => kind == GuessKind.FacilityCode ? StatusCodes.Status423Locked : StatusCodes.Status429TooManyRequests;
}
