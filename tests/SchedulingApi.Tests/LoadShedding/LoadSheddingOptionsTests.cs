namespace PhoneBooking.SchedulingApi.Tests.LoadShedding;

public sealed class LoadSheddingOptionsTests
{
    [Theory]
    [InlineData("LoadShedding:MaxQueueTime", "00:00:01", "LoadShedding:MaxQueueTime (00:00:01) must be at least 0 and shorter than LoadShedding:RequestDeadline (00:00:00.8000000)")]
    [InlineData("LoadShedding:MaxConcurrentRequests", "0", "LoadShedding:MaxConcurrentRequests must be between 1 and 10000, not 0")]
    [InlineData("LoadShedding:RetryAfterSeconds", "0", "LoadShedding:RetryAfterSeconds must be between 1 and 3600, not 0")]
    [InlineData("LoadShedding:RequestDeadline", "fast", "'fast' at 'LoadShedding:RequestDeadline'")]
    public async Task Start_BadSetting_FailsQuotingIt(string key, string value, string expected)
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(settings => settings[key] = value));

        Assert.NotNull(error);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
