using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Sessions;

public sealed class SessionsOptionsValidatorTests
{
    private readonly SessionsOptionsValidator _validator = new(Options.Create(new StorageOptions()));

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new SessionsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_RetentionShorterThanADay_QuotesIt()
    {
        var result = _validator.Validate(null, new SessionsOptions { Retention = TimeSpan.FromHours(2), PurgeInterval = TimeSpan.FromMinutes(5) });

        Assert.Contains("Sessions:Retention '02:00:00'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PurgeIntervalLongerThanRetention_QuotesIt()
    {
        var result = _validator.Validate(null, new SessionsOptions { PurgeInterval = TimeSpan.FromDays(8) });

        Assert.Contains("Sessions:PurgeInterval '8.00:00:00'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortSecret_GivesItsLengthButNeverTheSecret()
    {
        var result = _validator.Validate(null, new SessionsOptions { CallerKeySecret = "hunter2" });

        Assert.Contains("7 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecretOnPostgres_RequiresOne()
    {
        var onPostgres = new SessionsOptionsValidator(Options.Create(new StorageOptions { Provider = "Postgres" }));

        Assert.Contains("Sessions:CallerKeySecret is required with Storage:Provider 'Postgres'", onPostgres.Validate(null, new SessionsOptions()).FailureMessage, StringComparison.Ordinal);
        Assert.True(onPostgres.Validate(null, new SessionsOptions { CallerKeySecret = new string('k', 32) }).Succeeded);
    }
}
