using PhoneBooking.ServiceDefaults;

namespace PhoneBooking.IvrHost.Health;

public static class HealthTags
{
    /// <summary>Checks reported by <c>/health/ready</c> (mapped by ServiceDefaults' <c>MapDefaultEndpoints</c>).</summary>
    public const string Ready = ServiceDefaultsExtensions.ReadyTag;
}
