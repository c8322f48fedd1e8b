using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>Outside Development nothing is defaulted: a missing or malformed credential stops the start, saying which setting.</summary>
public sealed class SecurityStartupTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "ApiClients:web:KeySha256:0", "abc", "ApiClients:web:KeySha256:0 must be 64 lower-case hex digits (the SHA-256 of the key, never the key itself), not 'abc'" },
        { "ApiClients:web:KeySha256:0", ApiKeys.Sha256Hex(DevelopmentKeys.Web), "ApiClients:web:KeySha256:0 is a development key" },
        { "ApiClients:web:Scopes:0", "admin", "ApiClients:web:Scopes has 'admin', which is not a scope" },
        { "ApiClients:web:Role", null, "ApiClients:web:Role is required" },
        { "ApiClients:Web Site:Role", "Web", "the client name 'Web Site' must be" },
        { "Security:HmacKey", null, "Security:HmacKey is required in Production" },
        { "Security:HmacKey", "c2hvcnQ=", "Security:HmacKey must be base64 of at least 32 bytes (it decodes to 5)" },
        { "Throttling:ConfirmationCodes:MaxDelay", "1.00:00:00", "Throttling:ConfirmationCodes:FirstDelay (00:00:01) must be at least 00:00:00.1 and at most Throttling:ConfirmationCodes:MaxDelay (1.00:00:00)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSecuritySetting_FailsNamingIt(string key, string? value, string expected)
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(settings => settings[key] = value));

        Assert.NotNull(error);
        Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoClientConfigured_FailsSayingEveryRequestWouldBeRefused()
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(settings =>
        {
            foreach (var key in settings.Keys.Where(k => k.StartsWith("ApiClients:", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(key);
            }
        }));

        Assert.NotNull(error);
        Assert.Contains("ApiClients: no client is configured, so every request would be refused", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DevelopmentKeysInDevelopment_Allowed()
    {
        await using var api = await TestApi.StartAsync(settings => settings["ApiClients:web:KeySha256:0"] = ApiKeys.Sha256Hex(DevelopmentKeys.Web), environment: "Development");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.ClientWithKey(DevelopmentKeys.Web).GetAsync("/v1/sites")).StatusCode);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
