using Xunit;

namespace PhoneBooking.Testing;

/// <summary>
/// A test on a <see cref="SmallDisk"/>. Where this process cannot mount a tmpfs (not root) it is skipped, with the
/// reason in the test report, so a newcomer's run says so out loud; in CI (the CI variable set, as .ci/run does) it
/// is never skipped: it runs, and fails if it cannot mount.
/// </summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.CannotMount is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"NOT RUN, disk failure untested: a small tmpfs needs root (CAP_SYS_ADMIN) to mount: {reason.TrimEnd('.')}. Run the tests as root, as CI does.";
        }
    }
}
