namespace PhoneBooking.SchedulingApi.Api;

public sealed class ApiOptions : IValidatableOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted; every request of the contract fits in a few KB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public IEnumerable<string> Validate()
    {
        if (MaxBodyBytes is < 1024 or > 10 * 1024 * 1024)
        {
            yield return $"Api:MaxBodyBytes must be between 1024 and 10485760, not {MaxBodyBytes}.";
        }
    }
}
