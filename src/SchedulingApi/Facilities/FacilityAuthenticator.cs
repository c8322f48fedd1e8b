using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Facilities;

/// <summary>The outcome of a facility sign-in: the facility, or the problem to answer.</summary>
internal sealed record FacilitySignIn(Facility? Facility, IResult? Problem);

/// <summary>
/// Checks a facility code and PIN. Wrong PINs are counted per code as typed, known or not, so an
/// unknown code and a wrong PIN look the same (same answer, same countdown, same delay, same hashing
/// time). After the free attempts each guess must wait a doubling delay (423 with Retry-After), never
/// a lock longer than <c>Throttling:FacilityCodes:MaxDelay</c>: someone guessing cannot keep the real
/// coordinator out for long. Must run inside a write transaction: it records failures.
/// </summary>
internal sealed class FacilityAuthenticator(
    IFacilityStore facilities,
    PinHasher hasher,
    GuessThrottle throttle,
    IUnitOfWork unitOfWork,
    SchedulingMetrics metrics,
    ILogger<FacilityAuthenticator> logger)
{
    public async Task<FacilitySignIn> SignInAsync(string code, string pin, ApiClient client, CancellationToken cancellationToken)
    {
        if (await throttle.CheckAsync(GuessKind.FacilityCode, code, client, cancellationToken) is { } refusal)
        {
            return new FacilitySignIn(null, refusal);
        }

        var facility = await facilities.GetByCodeAsync(code, cancellationToken);
        var pinMatches = PinHasher.Verify(pin, facility?.PinHash ?? hasher.DecoyHash);
        if (facility is not null && pinMatches)
        {
            await throttle.SucceededAsync(GuessKind.FacilityCode, code, cancellationToken);
            return new FacilitySignIn(facility, null);
        }

        var remaining = await throttle.FailedAsync(GuessKind.FacilityCode, code, client, cancellationToken);
        unitOfWork.AfterCommit(() =>
        {
            metrics.FacilitySignInFailed();
            logger.FacilitySignInFailed(remaining, facility is not null);
        });
        return new FacilitySignIn(null, Problems.FacilityCredentialsInvalid(remaining));
    }
}
