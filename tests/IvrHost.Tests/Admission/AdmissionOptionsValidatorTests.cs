using PhoneBooking.IvrHost.Admission;

namespace PhoneBooking.IvrHost.Tests.Admission;

public sealed class AdmissionOptionsValidatorTests
{
    private readonly AdmissionOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new AdmissionOptions()).Succeeded);
    }

    public static TheoryData<AdmissionOptions, string> Bad() => new()
    {
        { new AdmissionOptions { MaxCallsInProgress = 0 }, "Admission:MaxCallsInProgress '0'" },
        { new AdmissionOptions { ActiveWithin = TimeSpan.FromSeconds(30) }, "Admission:ActiveWithin '00:00:30'" },
        { new AdmissionOptions { MaxWebhooksInFlight = -3 }, "Admission:MaxWebhooksInFlight '-3'" },
        { new AdmissionOptions { MaxWebhookLatency = TimeSpan.Zero }, "Admission:MaxWebhookLatency '00:00:00'" },
        { new AdmissionOptions { MaxWebhookLatency = TimeSpan.FromSeconds(20) }, "Admission:MaxWebhookLatency '00:00:20'" },
        { new AdmissionOptions { LatencyWindow = TimeSpan.FromMinutes(5) }, "Admission:LatencyWindow '00:05:00'" },
        { new AdmissionOptions { UnhealthyBackendShare = 1.5 }, "Admission:UnhealthyBackendShare '1.5'" },
        { new AdmissionOptions { UnhealthyBackendShare = double.NaN }, "Admission:UnhealthyBackendShare 'NaN'" },
        { new AdmissionOptions { MaxHandoffsWaiting = -1 }, "Admission:MaxHandoffsWaiting '-1'" },
        { new AdmissionOptions { CountsRefresh = TimeSpan.FromMinutes(2) }, "Admission:CountsRefresh '00:02:00'" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadValue_FailsQuotingIt(AdmissionOptions options, string expected)
    {
        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
