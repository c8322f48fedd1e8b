using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Tests.Hosting;

namespace PhoneBooking.IvrHost.Tests.Callbacks;

/// <summary>A bad Callbacks setting stops the line at start, and the message quotes it.</summary>
public sealed class CallbackOptionsTests
{
    [Theory]
    [InlineData("Callbacks:PublicBaseUrl", "line.example.org", "Callbacks:PublicBaseUrl ('line.example.org')")]
    [InlineData("Callbacks:CallsPerSecond", "0", "Callbacks:CallsPerSecond (0)")]
    [InlineData("Callbacks:CallingHoursEnd", "08:00:00", "Callbacks:CallingHoursEnd (08:00:00)")]
    [InlineData("Callbacks:RingTimeoutSeconds", "2", "Callbacks:RingTimeoutSeconds (2)")]
    [InlineData("Callbacks:MachineDetection", "Sometimes", "Callbacks:MachineDetection ('Sometimes')")]
    [InlineData("Outbound:AllowedCountries:0", "Canada", "Outbound:AllowedCountries (Canada)")]
    [InlineData("Outbound:TextsPerCall", "0", "Outbound:TextsPerCall (0)")]
    [InlineData("Outbound:CallsPerNumberPerDay", "500", "Outbound:CallsPerNumberPerDay (500)")]
    [InlineData("Callbacks:RetryDelays:0", "-00:01:00", "Callbacks:RetryDelays (-00:01:00)")]
    public void Start_BadSetting_FailsQuotingTheValue(string key, string value, string expected)
    {
        using var line = new IvrHostFactory(new Dictionary<string, string?>(DialerHost.ApiBudgets) { ["Callbacks:DialerEnabled"] = "true", [key] = value });

        var error = Record.Exception(() => line.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DialerOffWithoutAPublicUrl_Starts()
    {
        using var line = new IvrHostFactory(new Dictionary<string, string?>(DialerHost.ApiBudgets) { ["Callbacks:PublicBaseUrl"] = "" });

        using var client = line.CreateClient();

        Assert.NotNull(client);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
