using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PhoneBooking.Softphone.Engine;

namespace PhoneBooking.Softphone.Tests.Calls;

public sealed class SoftphoneOptionsTests
{
    [Fact]
    public void AddSoftphone_BindsTheSoftphoneSection()
    {
        using var services = Provider(new() { ["Softphone:AuthToken"] = "token-from-config", ["Softphone:WebhookTimeout"] = "00:00:05" });

        var engine = services.GetRequiredService<SoftphoneEngine>();

        Assert.Equal(("token-from-config", TimeSpan.FromSeconds(5), SoftphoneOptions.LocalAccountSid), (engine.Options.AuthToken, engine.Options.WebhookTimeout, engine.Options.AccountSid));
    }

    [Fact]
    public void AddSoftphone_InvalidSettings_FailWithMessagesQuotingTheValues()
    {
        using var services = Provider(new() { ["Softphone:AccountSid"] = "AC123", ["Softphone:AuthToken"] = " ", ["Softphone:HoldPacing"] = "-00:00:01" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SoftphoneOptions>>().Value);

        Assert.Contains("Softphone:AccountSid 'AC123' must be 'AC' followed by 32 hex digits.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Softphone:AuthToken must not be empty", StringComparison.Ordinal));
        Assert.Contains("Softphone:HoldPacing '-00:00:01' must be positive.", error.Failures);
    }

    [Fact]
    public void Engine_RefusesInvalidOptions()
    {
        Assert.Throws<ArgumentException>(() => new SoftphoneEngine(new SoftphoneOptions { MaxDocumentsPerCall = 0 }));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSoftphone();
        return services.BuildServiceProvider();
    }
}
