using System.Globalization;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// How one kind of guess is slowed: <see cref="FreeFailures"/> wrong attempts in a <see cref="Window"/>
/// are free, then each further attempt must wait <see cref="FirstDelay"/>, doubling up to
/// <see cref="MaxDelay"/>. Never a lock: the real person waits at most <see cref="MaxDelay"/>.
/// </summary>
public sealed class GuessLimit
{
    public int FreeFailures { get; set; } = 5;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The count starts afresh this long after the first failure it holds.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failures in the window.</summary>
    public TimeSpan DelayAfter(long failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 30);
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    internal IEnumerable<string> Validate(string prefix)
    {
        if (FreeFailures is < 1 or > 1000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{prefix}:FreeFailures must be between 1 and 1000, not {FreeFailures}.");
        }

        if (FirstDelay < TimeSpan.FromMilliseconds(100) || MaxDelay < FirstDelay || MaxDelay > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:FirstDelay ({FirstDelay}) must be at least 00:00:00.1 and at most {prefix}:MaxDelay ({MaxDelay}), which is at most 01:00:00 (a delay, never a lock).";
        }

        if (Window < TimeSpan.FromMinutes(1) || Window > TimeSpan.FromDays(30))
        {
            yield return $"{prefix}:Window must be between 00:01:00 and 30.00:00:00, not {Window}.";
        }
    }
}

/// <summary>
/// Section <c>Throttling</c>. Confirmation codes: a birth date is one of ~36,500 (13,500 in the
/// oldest cohort), so a minute per guess after the first few makes a search take days. Facility
/// PINs: 10,000 of four digits, so up to five minutes a guess. Clients: each client's failures across
/// all codes, so guessing one birth date per code across many codes is slowed too; how many
/// failures a client has free is its role's (<see cref="ClientLimits.GuessFailuresPerWindow"/>).
/// </summary>
public sealed class ThrottlingOptions : IValidatableOptions
{
    public const string SectionName = "Throttling";

    public GuessLimit ConfirmationCodes { get; set; } = new();

    public GuessLimit FacilityCodes { get; set; } = new() { FirstDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(5) };

    /// <summary><see cref="GuessLimit.FreeFailures"/> is ignored here: it is each client's own.</summary>
    public GuessLimit Clients { get; set; } = new() { MaxDelay = TimeSpan.FromSeconds(30), Window = TimeSpan.FromMinutes(10) };

    public IEnumerable<string> Validate() =>
        ConfirmationCodes.Validate($"{SectionName}:ConfirmationCodes")
            .Concat(FacilityCodes.Validate($"{SectionName}:FacilityCodes"))
            .Concat(Clients.Validate($"{SectionName}:Clients"));
}
