using Microsoft.Extensions.Configuration.Memory;

namespace PhoneBooking.SchedulingApi;

/// <summary>
/// Builds the scheduling API, standalone (<c>Program</c>) or embedded: the phone line starts it
/// in-process and passes <c>configure</c> to pick a loopback port and a data folder.
/// </summary>
public static class SchedulingApiApp
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    // Lowest-priority defaults: any appsettings, environment variable or argument overrides them.
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configure?.Invoke(builder);
        builder.AddSchedulingApi();

        var app = builder.Build();
        app.MapSchedulingApi();
        return app;
    }

    private static bool HasConfiguredUrls(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]);
}
