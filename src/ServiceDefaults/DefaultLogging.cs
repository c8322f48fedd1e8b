using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// Serilog for every service: readable lines on the console in Development, compact JSON (CLEF)
/// elsewhere, Seq when <c>Seq:ServerUrl</c> is set. Levels come from <c>Logging:LogLevel</c> (as
/// before Serilog) and then the <c>Serilog</c> section, which wins. Other logger providers (OTLP
/// logs, tests' in-memory sinks) still receive every event (<c>writeToProviders</c>).
/// </summary>
public static class DefaultLogging
{
    public const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static TBuilder AddDefaultLogging<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        // Serilog's console replaces the default providers; providers added later (OTLP logs, tests' sinks) stay.
        builder.Logging.ClearProviders();
        // The host's own logger, never the static Log.Logger: several hosts in one process (tests, the
        // embedded API) would otherwise write into whichever was built last.
        builder.Services.AddSerilog((_, logger) => Configure(logger, configuration, environment), preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }

    /// <summary>What the console writes: a line a person reads in Development, one JSON object per event elsewhere.</summary>
    public static ITextFormatter ConsoleFormatter(IHostEnvironment environment) =>
        environment.IsDevelopment()
            ? new MessageTemplateTextFormatter(ReadableTemplate, CultureInfo.InvariantCulture)
            : new CompactJsonFormatter();

    internal static void Configure(LoggerConfiguration logger, IConfiguration configuration, IHostEnvironment environment)
    {
        var levels = configuration.GetSection("Logging:LogLevel");
        logger.MinimumLevel.Is(Level(levels["Default"]) ?? LogEventLevel.Information);

        // Polly logs every attempt at Information; its retries and breaker changes are Warning and up,
        // and our clients log those in their own words.
        logger.MinimumLevel.Override("Polly", LogEventLevel.Warning);
        foreach (var category in levels.GetChildren().Where(c => c.Key != "Default"))
        {
            if (Level(category.Value) is { } level)
            {
                logger.MinimumLevel.Override(category.Key, level);
            }
        }

        logger.ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(ConsoleFormatter(environment));
        if (configuration["Seq:ServerUrl"] is { Length: > 0 } seq)
        {
            logger.WriteTo.Seq(seq, apiKey: configuration["Seq:ApiKey"], formatProvider: CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// One event per HTTP request, at Debug when it went well: the line already writes one
    /// Information event per webhook (WebhookHandled). Failures surface: 5xx as Error, 4xx as Warning.
    /// The path is logged without its query string.
    /// </summary>
    internal static void UseDefaultRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options => options.GetLevel = (context, _, exception) =>
            exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : context.Response.StatusCode >= StatusCodes.Status400BadRequest ? LogEventLevel.Warning
            : LogEventLevel.Debug);

    // Microsoft's level names, as in Logging:LogLevel.
    private static LogEventLevel? Level(string? name) => name switch
    {
        "Trace" => LogEventLevel.Verbose,
        "Debug" => LogEventLevel.Debug,
        "Information" => LogEventLevel.Information,
        "Warning" => LogEventLevel.Warning,
        "Error" => LogEventLevel.Error,
        "Critical" or "None" => LogEventLevel.Fatal,
        _ => null,
    };
}
