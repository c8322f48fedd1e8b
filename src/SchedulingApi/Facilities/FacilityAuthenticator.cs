using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Facilities;

/// <summary>The outcome of a facility sign-in: the facility, or the problem to answer.</summary>
internal sealed record FacilitySignIn(Facility? Facility, IResult? Problem);

/// <summary>
/// Checks a facility code and PIN. Failures are counted per code as typed, known or not, so an unknown
/// code and a wrong PIN look the same (same answer, same countdown, same lock, same hashing time).
/// Must run inside a write transaction: it records failures.
/// </summary>
internal sealed class FacilityAuthenticator(
    IFacilityStore facilities,
    PinHasher hasher,
    BusinessCalendar calendar,
    IUnitOfWork unitOfWork,
    SchedulingMetrics metrics,
    IOptions<FacilityOptions> options,
    ILogger<FacilityAuthenticator> logger)
{
    public async Task<FacilitySignIn> SignInAsync(string code, string pin, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        var failures = await facilities.GetSignInFailuresAsync(code, cancellationToken);
        if (failures.LockedUntil > now)
        {
            return new FacilitySignIn(null, Problems.FacilityLocked(failures.LockedUntil.Value));
        }

        if (failures.LockedUntil is not null)
        {
            failures = SignInFailures.None; // the lock has run out: a fresh set of attempts
        }

        var facility = await facilities.GetByCodeAsync(code, cancellationToken);
        var pinMatches = PinHasher.Verify(pin, facility?.PinHash ?? hasher.DecoyHash);
        if (facility is not null && pinMatches)
        {
            await facilities.SaveSignInFailuresAsync(code, SignInFailures.None, cancellationToken);
            return new FacilitySignIn(facility, null);
        }

        var settings = options.Value;
        var attempts = failures.FailedAttempts + 1;
        unitOfWork.AfterCommit(() =>
        {
            metrics.FacilitySignInFailed();
            logger.FacilitySignInFailed(attempts, facility is not null);
        });
        if (attempts >= settings.MaxFailedAttempts)
        {
            var lockedUntil = now.AddMinutes(settings.LockMinutes);
            await facilities.SaveSignInFailuresAsync(code, new SignInFailures(attempts, lockedUntil), cancellationToken);
            unitOfWork.AfterCommit(() => logger.FacilityLocked(lockedUntil, attempts, facility?.Id));
            return new FacilitySignIn(null, Problems.FacilityLocked(lockedUntil));
        }

        await facilities.SaveSignInFailuresAsync(code, new SignInFailures(attempts, null), cancellationToken);
        return new FacilitySignIn(null, Problems.FacilityCredentialsInvalid(settings.MaxFailedAttempts - attempts));
    }
}
