namespace PhoneBooking.IvrHost.Health;

public static class HealthTags
{
    /// <summary>Checks reported by <c>/health/ready</c>.</summary>
    public const string Ready = "ready";
}
