using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>The settings of the way to a person: a bad one stops the line at start, quoting it.</summary>
public sealed class LineOptionsValidatorTests
{
    [Theory]
    [InlineData("4165550100", null, null, "Line:AgentNumber ('4165550100')")]
    [InlineData("+1 416 555 0100", null, null, "Line:AgentNumber ('+1 416 555 0100')")]
    [InlineData(null, "agents@pbx.example.org", null, "Line:AgentSip ('agents@pbx.example.org')")]
    [InlineData(null, "https://pbx.example.org", null, "Line:AgentSip ('https://pbx.example.org')")]
    [InlineData("+14165550100", "sip:agents@pbx.example.org", null, "are both set")]
    [InlineData(null, null, "-00:00:01", "Line:QueueCallbackOfferAfter (-00:00:01)")]
    [InlineData(null, null, "02:00:00", "Line:QueueCallbackOfferAfter (02:00:00)")]
    public void Validate_BadAgentSetting_FailsQuotingIt(string? number, string? sip, string? offerAfter, string expected)
    {
        var options = new LineOptions { AgentNumber = number, AgentSip = sip };
        if (offerAfter is not null)
        {
            options.QueueCallbackOfferAfter = TimeSpan.Parse(offerAfter, System.Globalization.CultureInfo.InvariantCulture);
        }

        var result = new LineOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+14165550100", null)]
    [InlineData(null, "sip:agents@pbx.example.org")]
    [InlineData(null, null)]
    public void Validate_OneWayToTheCallCentreOrNone_Passes(string? number, string? sip)
    {
        Assert.True(new LineOptionsValidator().Validate(null, new LineOptions { AgentNumber = number, AgentSip = sip }).Succeeded);
    }
}
