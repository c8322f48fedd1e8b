using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Testing;
using Serilog.Events;
using Serilog.Parsing;

namespace PhoneBooking.IvrHost.Tests.Observability;

public sealed class ObservabilityTests
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";

    [Fact]
    public void Console_InDevelopment_WritesOneReadableLinePerEvent()
    {
        var line = Format(Environments.Development);

        Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] PhoneBooking\.IvrHost\.Voice: Webhook /voice of call CA0123456789abcdef0123456789abcdef\r?\n$", line);
    }

    [Fact]
    public void Console_InProduction_WritesCompactJsonWithUtcTimestamp()
    {
        var json = System.Text.Json.JsonDocument.Parse(Format(Environments.Production)).RootElement;

        Assert.Equal("2026-11-23T14:00:00.0000000Z", json.GetProperty("@t").GetString());
        Assert.Equal("Webhook {Route} of call {CallSid}", json.GetProperty("@mt").GetString());
        Assert.Equal(CallSid, json.GetProperty("CallSid").GetString());
    }

    [Fact]
    public async Task NoOtlpEndpoint_TracesListenButNothingIsExported()
    {
        using var factory = new IvrHostFactory();
        await factory.CreateClient().GetAsync("/health/live");

        Assert.NotNull(factory.Services.GetService<TracerProvider>()); // so a webhook's trace reaches the API
        Assert.DoesNotContain(factory.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
        Assert.NotNull(factory.Services.GetService<IvrMetrics>());
    }

    [Fact]
    public async Task OtlpEndpoint_ExportsMetricsTracesAndLogs_WithoutPhoneNumbers()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        using (var factory = new IvrHostFactory(new Dictionary<string, string?>
        {
            ["Otlp:Endpoint"] = collector.BaseUrl,
            ["Otlp:Protocol"] = OtlpOptions.HttpProtobuf,
        }))
        {
            (await factory.CreateClient().GetAsync("/health/ready")).Dispose();
            (await factory.CreateClient().GetAsync("/voice/no-such-route")).Dispose();
            var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PhoneBooking.IvrHost.Voice");
            WebhookLog.WebhookHandled(logger, CallSid, "/voice", "Start", "Welcome", "call from +14165550123", TimeSpan.FromMilliseconds(4), "ok");
            factory.Services.GetRequiredService<IvrMetrics>().HandedOff("caller +14165550123");
        }

        // Disposing the host disposes the providers, which flush what they hold; the app's own
        // thread may finish that a moment after the factory returns.
        string Exported(string signal) => Encoding.Latin1.GetString(collector.Requests.Where(r => r.Path == signal).SelectMany(r => r.Body).ToArray());
        await Eventually.HoldsAsync(
            () => Exported("/v1/logs").Contains(CallSid, StringComparison.Ordinal)
                && Exported("/v1/metrics").Contains("phonebooking.ivr.handoffs", StringComparison.Ordinal)
                && Exported("/v1/traces").Length > 0,
            "the webhook event, the handoff metric and a trace exported over OTLP");
        var exported = Exported("/v1/logs") + Exported("/v1/metrics") + Exported("/v1/traces");
        Assert.DoesNotContain("5550123", exported, StringComparison.Ordinal);
    }

    private static string Format(string environment)
    {
        var template = new MessageTemplateParser().Parse("Webhook {Route} of call {CallSid}");
        var logEvent = new LogEvent(
            new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), LogEventLevel.Information, null, template,
            [
                new LogEventProperty("Route", new ScalarValue("/voice")),
                new LogEventProperty("CallSid", new ScalarValue(CallSid)),
                new LogEventProperty("SourceContext", new ScalarValue("PhoneBooking.IvrHost.Voice")),
            ]);
        using var output = new StringWriter();
        DefaultLogging.ConsoleFormatter(new HostingEnvironment { EnvironmentName = environment }).Format(logEvent, output);
        return output.ToString();
    }
}
