using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Tests.Hosting;

namespace PhoneBooking.IvrHost.Tests.Observability;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Console_WritesJsonWithUtcTimestampsAndScopes()
    {
        using var factory = new IvrHostFactory();
        await factory.CreateClient().GetAsync("/health/live");

        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.UseUtcTimestamp);
        Assert.True(json.IncludeScopes);
    }

    [Fact]
    public async Task NoOtlpEndpoint_RegistersNoExporter()
    {
        using var factory = new IvrHostFactory();
        await factory.CreateClient().GetAsync("/health/live");

        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.Null(factory.Services.GetService<TracerProvider>());
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
            (await factory.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();
            var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PhoneBooking.IvrHost.Voice");
            WebhookLog.WebhookHandled(logger, "CA0123456789abcdef0123456789abcdef", "/voice", "Start", "Welcome", "call from +14165550123", TimeSpan.FromMilliseconds(4), "ok");
            factory.Services.GetRequiredService<IvrMetrics>().HandedOff("caller +14165550123");
        }

        // Disposing the host disposes the providers, which flush what they hold; the app's own
        // thread may finish that a moment after the factory returns.
        string[] signals = ["/v1/logs", "/v1/metrics", "/v1/traces"];
        for (var i = 0; i < 200 && !signals.All(s => collector.Requests.Any(r => r.Path == s)); i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(signals, collector.Requests.Select(r => r.Path).Distinct().Order());
        var exported = collector.Requests.SelectMany(r => r.Body).ToArray();
        Assert.Contains("phonebooking.ivr.handoffs", Encoding.Latin1.GetString(exported), StringComparison.Ordinal);
        Assert.Contains("CA0123456789abcdef0123456789abcdef", Encoding.Latin1.GetString(exported), StringComparison.Ordinal);
        Assert.DoesNotContain("5550123", Encoding.Latin1.GetString(exported), StringComparison.Ordinal);
    }
}
