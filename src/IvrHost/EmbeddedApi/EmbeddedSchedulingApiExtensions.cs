using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.EmbeddedApi;

public static class EmbeddedSchedulingApiExtensions
{
    /// <summary>
    /// Without <c>Scheduling:BaseUrl</c>, runs the reference scheduling API alongside on loopback and
    /// points the scheduling client at it; with it, starts nothing. Call before the registrations
    /// that use the API, so it starts before them and stops after them (hosted services stop in reverse).
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSchedulingApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<EmbeddedApiOptions, EmbeddedApiOptionsValidator>(builder.Configuration, EmbeddedApiOptions.SectionName);
        builder.Services.AddLineStorage(builder.Configuration);
        builder.Services.AddSingleton<EmbeddedSchedulingApi>();
        builder.Services.AddSingleton<IPostConfigureOptions<SchedulingOptions>, PointClientAtEmbeddedApi>();
        builder.Services.AddHostedService<EmbeddedSchedulingApiLifetime>();
        return builder;
    }

    /// <summary>
    /// The first read of the client's options starts the API, wherever that read happens (start-up
    /// validation, first call), and gives the client the key this API knows it by.
    /// </summary>
    private sealed class PointClientAtEmbeddedApi(EmbeddedSchedulingApi api) : IPostConfigureOptions<SchedulingOptions>
    {
        public void PostConfigure(string? name, SchedulingOptions options)
        {
            if (options.BaseUrl is null && api.IsEnabled)
            {
                options.BaseUrl = api.EnsureStarted();
                options.ApiKey = api.ApiKey;
            }
        }
    }

    /// <summary>Registered first among the services that need the API: started before them, stopped after them.</summary>
    private sealed class EmbeddedSchedulingApiLifetime(EmbeddedSchedulingApi api) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (api.IsEnabled)
            {
                api.EnsureStarted();
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => api.StopAsync(cancellationToken);
    }
}
