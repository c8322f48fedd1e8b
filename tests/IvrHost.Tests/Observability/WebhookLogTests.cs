using Microsoft.Extensions.Logging;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Observability;

public sealed class WebhookLogTests
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private readonly InMemoryLoggerProvider _logs = new();

    [Fact]
    public void WebhookHandled_WritesOneStructuredEventWithEveryField()
    {
        WebhookLog.WebhookHandled(Logger(), CallSid, "/voice/input", "AskBirthDate", "ConfirmBirthDate", "digits", TimeSpan.FromMilliseconds(12.3456), "ok");

        var record = Assert.Single(_logs.Records);
        Assert.Equal((WebhookLog.EventId, WebhookLog.EventName), (record.EventId.Id, record.EventId.Name));
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(CallSid, record.Properties["CallSid"]);
        Assert.Equal("/voice/input", record.Properties["Route"]);
        Assert.Equal("AskBirthDate", record.Properties["StateFrom"]);
        Assert.Equal("ConfirmBirthDate", record.Properties["StateTo"]);
        Assert.Equal("digits", record.Properties["Trigger"]);
        Assert.Equal(12.35, record.Properties["LatencyMs"]);
        Assert.Equal("ok", record.Properties["Outcome"]);
    }

    [Fact]
    public void WebhookHandled_LabelsCarryingNumbers_NeverReachTheLog()
    {
        WebhookLog.WebhookHandled(Logger(), CallSid, "/voice/input", "AskCallbackNumber", "ConfirmCallbackNumber",
            "typed +1 416 555 0123", TimeSpan.FromMilliseconds(3), "birth date 1950-03-23");

        var record = Assert.Single(_logs.Records);
        var everything = record.Message + string.Join('|', record.Properties.Values);
        Assert.DoesNotContain("555", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("1950", everything, StringComparison.Ordinal);
        Assert.Equal("typed [digits]", record.Properties["Trigger"]);
    }

    private ILogger Logger() => new LoggerFactory([_logs]).CreateLogger("PhoneBooking.IvrHost.Voice");
}
