using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage;
using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.IvrHost.EmbeddedApi;

/// <summary>
/// The reference scheduling API run inside this process as its own web application on Kestrel at
/// 127.0.0.1, reached over HTTP exactly as a remote API would be. It starts on first demand (the
/// scheduling client's options ask for its address) and is built only after the line's own host
/// was built: building another host first would be taken for the app by WebApplicationFactory.
/// It knows one client, the line, by a key made afresh at every start and never written down, and
/// keeps its HMAC key in the line's data folder: `dotnet run` needs no credentials set up.
/// </summary>
public sealed partial class EmbeddedSchedulingApi(
    IConfiguration configuration,
    IHostEnvironment environment,
    DataDirectory data,
    IOptions<EmbeddedApiOptions> options,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<EmbeddedSchedulingApi>();
    private WebApplication? _app;
    private bool _stopped;

    /// <summary>The line runs the API itself only when no <c>Scheduling:BaseUrl</c> is configured.</summary>
    public bool IsEnabled => string.IsNullOrWhiteSpace(configuration["Scheduling:BaseUrl"]);

    /// <summary>The client name the line has at this API (its requests, offers and events are the line's).</summary>
    public const string ClientName = "phone-line";

    /// <summary>The line's key for this API: random, for this process only.</summary>
    public string ApiKey { get; } = ApiKeys.New();

    /// <summary>Where the API listens once started (<c>http://127.0.0.1:port/</c>); null before.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Starts the API unless it already runs, and returns its address.</summary>
    public Uri EnsureStarted()
    {
        lock (_gate)
        {
            if (BaseAddress is not null)
            {
                return BaseAddress;
            }

            ObjectDisposedException.ThrowIf(_stopped, this);

            var port = options.Value.Port;
            var app = SchedulingApiApp.Create(["--environment", environment.EnvironmentName, "--contentRoot", environment.ContentRootPath], builder => Configure(builder, port));
            try
            {
                // Synchronous on purpose: it runs while options are first read, during host start.
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                ((IDisposable)app).Dispose();
                throw ex is IOException
                    ? new InvalidOperationException($"The embedded scheduling API could not listen on 127.0.0.1:{port} (EmbeddedApi:Port '{port}'): {ex.Message}", ex)
                    : new InvalidOperationException($"The embedded scheduling API failed to start: {ex.Message}", ex);
            }

            _app = app;
            BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
            LogStarted(_logger, BaseAddress, data.Path);
            return BaseAddress;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WebApplication? app;
        lock (_gate)
        {
            (app, _app, _stopped) = (_app, null, true);
        }

        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token);
    }

    private void Configure(WebApplicationBuilder builder, int port)
    {
        // One configuration for the whole process (appsettings, environment, test overrides), then
        // what only this copy differs in: its data folder and its address. The line's own URLs and
        // Kestrel endpoints are not the API's.
        var url = $"http://127.0.0.1:{port}";
        builder.WebHost.UseUrls(url);
        builder.Configuration.AddConfiguration(configuration);
        var own = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data.Path,
            [$"{ApiClientsOptions.SectionName}:{ClientName}:Role"] = nameof(ApiClientRole.PhoneLine),
            [$"{ApiClientsOptions.SectionName}:{ClientName}:KeySha256:0"] = ApiKeys.Sha256Hex(ApiKey),
            [WebHostDefaults.ServerUrlsKey] = url,
            [WebHostDefaults.HttpPortsKey] = "",
            [WebHostDefaults.HttpsPortsKey] = "",
        };
        if (configuration.GetStorageProvider() == StorageProvider.Sqlite)
        {
            // A key made in the data folder would be this instance's alone: on PostgreSQL (several instances) Security:HmacKey is configured.
            own[$"{SecurityOptions.SectionName}:{nameof(SecurityOptions.GenerateHmacKey)}"] = "true";
        }

        builder.Configuration.AddInMemoryCollection(own);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Configure(new ConfigurationBuilder().Build()));

        // Its logs join the line's: same JSON console, same OTLP export, same sinks in tests.
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
    }

    [LoggerMessage(EventId = 2301, EventName = "EmbeddedApiStarted", Level = LogLevel.Information,
        Message = "Embedded scheduling API listening on {BaseAddress} with data in {DataDirectory}")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress, string dataDirectory);
}
