using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Testing;

namespace PhoneBooking.Prompts.Tests;

/// <summary>AddPrompts in a real host: configuration, validation and loading happen at start.</summary>
public sealed class AddPromptsTests : IDisposable
{
    private readonly PromptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Start_ShippedPrompts_CatalogReadyAndLoggedOnce()
    {
        var logs = new InMemoryLoggerProvider();
        using var host = BuildHost(new Dictionary<string, string?>(), logs);

        await host.StartAsync();

        var catalog = host.Services.GetRequiredService<PromptCatalog>();
        Assert.Equal(["en-CA", "fr-CA"], catalog.Locales);
        var loaded = Assert.Single(logs.Records, r => r.EventId.Id == 1 && r.Category == typeof(PromptCatalog).FullName);
        Assert.Equal(catalog.Ids.Count, loaded.Properties["PromptCount"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BrokenPromptFile_StopsStartUpNamingFileLineAndId()
    {
        _folder.Write("en-CA", "welcome: Hello {nmae}.");
        using var host = BuildHost(new Dictionary<string, string?> { ["Prompts:Directory"] = _folder.Path });

        var error = await Assert.ThrowsAsync<PromptFileException>(() => host.StartAsync());

        Assert.Equal("welcome", error.PromptId);
        Assert.EndsWith("en-CA.yaml", error.File, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public async Task Start_VoiceThatDoesNotSpeakItsLanguage_FailsValidation()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Prompts:Voices:fr-CA:Name"] = "Polly.Lea-Neural",
            ["Prompts:Voices:fr-CA:Language"] = "fr-CA",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'Polly.Lea-Neural' speaks fr-FR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_InAHost_CountsRendersBySourceAndFallback()
    {
        using var host = BuildHost(new Dictionary<string, string?>());
        await host.StartAsync();
        var measurements = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "PhoneBooking.Prompts")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        host.Services.GetRequiredService<PromptCatalog>().Render("goodbye", "fr");

        var measurement = Assert.Single(measurements);
        Assert.Equal(1, measurement.Value);
        Assert.Equal("fr-CA", measurement.Tags["locale"]);
        Assert.Equal("voice", measurement.Tags["source"]);
        Assert.Equal(true, measurement.Tags["fallback"]);
        await host.StopAsync();
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, InMemoryLoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddPrompts(builder.Configuration);
        return builder.Build();
    }
}
