namespace PhoneBooking.SchedulingApi.Tests.Api;

/// <summary>A value the configuration binder cannot convert stops the start, quoting it — never silently ignored.</summary>
public sealed class UnparsableSettingTests
{
    [Theory]
    [InlineData("Eligibility:Cohorts:0:OpensOn", "soon", "Eligibility:Cohorts:0:OpensOn 'soon'")]
    [InlineData("Sites:0:OpenHour", "nine", "Sites:0:OpenHour 'nine'")]
    [InlineData("Matching:HoldMinutes", "ten", "Matching:HoldMinutes")]
    [InlineData("Throttling:ConfirmationCodes:MaxDelay", "a minute", "'a minute' at 'Throttling:ConfirmationCodes:MaxDelay'")]
    [InlineData("ApiClients:web:Role", "Admin", "ApiClients:web:Role 'Admin' is not a valid one of PhoneLine, Web, Bench")]
    public async Task Start_UnparsableValue_FailsQuotingIt(string key, string value, string expected)
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(settings => settings[key] = value));

        Assert.NotNull(error);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnparsableSecret_FailsWithoutQuotingIt()
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(settings => settings["Security:GenerateHmacKey"] = "s3cret-ish"));

        Assert.NotNull(error);
        Assert.Contains("Security:GenerateHmacKey", error.ToString(), StringComparison.Ordinal);
    }
}
