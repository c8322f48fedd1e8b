using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Twilio.Tests.AspNetCore;

public class TwilioOptionsTests
{
    [Fact]
    public async Task Start_ProductionWithoutAuthToken_StopsTheHostWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync("Production", new()));

        Assert.Contains("Twilio:AuthToken is missing in environment 'Production'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadValues_AreQuotedButTheTokenNeverIs()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync("Production", new()
        {
            ["Twilio:AuthToken"] = "super-secret-token",
            ["Twilio:AccountSid"] = "XY123",
            ["Twilio:PhoneNumber"] = "514-555-0100",
            ["Twilio:BaseUrlOverride"] = "line.example.org",
            ["Twilio:ApiBaseUrl"] = "ftp://api.twilio.com",
            ["Twilio:RequestTimeout"] = "00:00:00.5",
        }));

        Assert.Contains("Twilio:AccountSid 'XY123'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:PhoneNumber '514-555-0100'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:BaseUrlOverride 'line.example.org'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:ApiBaseUrl 'ftp://api.twilio.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:RequestTimeout '00:00:00.5000000'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidProductionSettings_Starts()
    {
        using var host = await StartHostAsync("Production", new()
        {
            ["Twilio:AuthToken"] = "token",
            ["Twilio:AccountSid"] = "AC" + new string('0', 32),
            ["Twilio:PhoneNumber"] = "+15145550100",
            ["Twilio:BaseUrlOverride"] = "https://line.example.org/phone",
        });

        Assert.Equal(TwilioOptions.DefaultApiBaseUrl, host.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public async Task Webhook_DevelopmentWithoutAuthToken_StartsButRefusesEveryWebhookLoudly()
    {
        await using var host = await WebhookHost.StartAsync(new(), environment: "Development");

        using var response = await host.PostFormAsync("/voice/answer", [new("CallSid", "CA1")], token: "anything");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Handled);
        var error = Assert.Single(host.Logs.Records, r => r.EventId.Id == 4002);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("Twilio:AuthToken is not configured", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IHost> StartHostAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTwilio(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
