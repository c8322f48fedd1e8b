using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingClient.Tests.Options;

public sealed class SchedulingOptionsValidationTests
{
    private const string Key = "pbk_test_0000000000000000000000000000000000000000";

    [Fact]
    public void Defaults_WithABaseUrl_AreValidAndFitAPhoneCall()
    {
        var options = Resolve(new() { ["Scheduling:BaseUrl"] = "http://127.0.0.1:5090" });

        // A caller hears silence while the webhook waits: the call and its one retry end within 1.5 s.
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.AttemptTimeout);
        Assert.Equal(1, options.RetryCount);
    }

    [Theory]
    [InlineData("AttemptTimeout", "00:00:05", "Scheduling:AttemptTimeout (00:00:05) must be shorter than Scheduling:TotalTimeout (00:00:01.5000000).")]
    [InlineData("TotalTimeout", "00:00:20", "Scheduling:TotalTimeout (00:00:20) must be at least 00:00:00.0100000 and shorter than 00:00:15 (Twilio's webhook limit).")]
    [InlineData("BaseUrl", "api/v1", "Scheduling:BaseUrl (api/v1) must be an absolute http or https URL.")]
    [InlineData("BaseUrl", "ftp://example.org/", "Scheduling:BaseUrl (ftp://example.org/) must be an absolute http or https URL.")]
    [InlineData("RetryCount", "11", "Scheduling:RetryCount (11) must be between 0 and 10.")]
    [InlineData("RetryBaseDelay", "00:00:02", "Scheduling:RetryBaseDelay (00:00:02) must be zero or more and shorter than Scheduling:TotalTimeout (00:00:01.5000000).")]
    [InlineData("BreakerFailureRatio", "1.5", "Scheduling:BreakerFailureRatio (1.5) must be greater than 0 and at most 1.")]
    [InlineData("BreakerMinimumThroughput", "1", "Scheduling:BreakerMinimumThroughput (1) must be between 2 and 10000.")]
    [InlineData("BreakerBreakDuration", "00:00:00.1", "Scheduling:BreakerBreakDuration (00:00:00.1000000) must be at least 00:00:00.5000000.")]
    [InlineData("HealthProbeInterval", "00:00:00", "Scheduling:HealthProbeInterval (00:00:00) must be at least 00:00:01.")]
    [InlineData("DegradedFailureRatio", "0", "Scheduling:DegradedFailureRatio (0) must be greater than 0 and at most 1.")]
    public void BadValue_FailsWithAMessageQuotingIt(string key, string value, string message)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Scheduling:BaseUrl"] = "http://127.0.0.1:5090",
            [$"Scheduling:{key}"] = value,
        }));

        Assert.Equal(message, Assert.Single(exception.Failures));
    }

    [Theory]
    [InlineData(null, "Scheduling:ApiKey is required: the scheduling API refuses requests without this client's key (docs/security.md).")]
    [InlineData("short-key", "Scheduling:ApiKey must be 32-256 printable characters without spaces (it has 9).")]
    [InlineData("pbk_with a space_000000000000000000000000000000000", "Scheduling:ApiKey must be 32-256 printable characters without spaces (it has 50).")]
    public void BadApiKey_FailsNamingTheSettingNeverTheKey(string? key, string message)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Scheduling:BaseUrl"] = "http://127.0.0.1:5090",
            ["Scheduling:ApiKey"] = key,
        }));

        Assert.Equal(message, Assert.Single(exception.Failures));
    }

    [Fact]
    public void MissingBaseUrl_FailsNamingTheSetting()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Resolve([]));

        Assert.Contains("Scheduling:BaseUrl is required", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_WithBadOptions_FailsBeforeTheFirstCall()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduling:BaseUrl"] = "http://127.0.0.1:5090",
            ["Scheduling:ApiKey"] = Key,
            ["Scheduling:AttemptTimeout"] = "00:00:05",
        });
        builder.Services.AddSchedulingClient(builder.Configuration);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scheduling:AttemptTimeout (00:00:05) must be shorter than Scheduling:TotalTimeout (00:00:01.5000000).", exception.Failures);
    }

    private static SchedulingOptions Resolve(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Scheduling:ApiKey", Key);
        var services = new ServiceCollection();
        services.AddSchedulingClient(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }
}
