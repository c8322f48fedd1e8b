extern alias IvrHost;
extern alias SchedulingApi;

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PhoneBooking.Operations.Tests.Metrics;

/// <summary>
/// Every instrument the line and the scheduling API declare, found by running them: both hosts start
/// (in this process, on loopback Kestrel ports), every singleton of ours is built (instruments are
/// created by their classes' constructors), and a listener collects what was published. Shared by the
/// tests of this assembly (xunit collection fixture).
/// </summary>
public sealed class MetricCatalog : IAsyncLifetime
{
    /// <summary>Names from outside our code that the rules, the dashboard and the runbooks may use.</summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.Ordinal)
    {
        "up", // Prometheus: the scrape answered
        "http_server_request_duration_seconds_bucket", "http_server_request_duration_seconds_count", "http_server_request_duration_seconds_sum", // ASP.NET Core
    };

    /// <summary>
    /// Names work still to come brings and the rules and dashboard already use (docs/slo.md, "Metrics"); none now
    /// (issue 16's calls admitted/shed are emitted). <see cref="MetricCatalogTests.AwaitedNames_AreNotDeclaredYet"/>
    /// fails the day one is declared: then delete it from here.
    /// </summary>
    public static readonly IReadOnlySet<string> Awaited = new HashSet<string>(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly string _data = Directory.CreateTempSubdirectory("ops-catalog-").FullName;

    public Host<SchedulingApi::Program> Api { get; private set; } = null!;

    public Host<IvrHost::Program> Line { get; private set; } = null!;

    /// <summary>Prometheus names of every instrument of ours (meters <c>PhoneBooking.*</c>).</summary>
    public IReadOnlySet<string> Names { get; private set; } = new HashSet<string>();

    public async Task InitializeAsync()
    {
        Api = new Host<SchedulingApi::Program>(new() { ["Storage:DataDirectory"] = Path.Combine(_data, "api") });
        Api.Start();
        Line = new Host<IvrHost::Program>(new()
        {
            ["Storage:DataDirectory"] = Path.Combine(_data, "line"),
            ["Scheduling:BaseUrl"] = Api.BaseAddress.ToString(),
        });
        Line.Start();
        Api.BuildEverySingletonOfOurs();
        Line.BuildEverySingletonOfOurs();

        // Start publishes every instrument created so far; later ones as they come.
        _listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name.StartsWith("PhoneBooking.", StringComparison.Ordinal))
            {
                _instruments.TryAdd(instrument.Name, instrument);
            }
        };
        _listener.Start();
        Names = _instruments.Values.SelectMany(PrometheusNames.Of).ToHashSet(StringComparer.Ordinal);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await Line.DisposeAsync();
        await Api.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>A host of ours in Development on a loopback Kestrel port, its registrations kept to build them all.</summary>
    public sealed class Host<TProgram> : WebApplicationFactory<TProgram>
        where TProgram : class
    {
        private readonly Dictionary<string, string?> _settings;
        private IServiceCollection? _registrations;

        public Host(Dictionary<string, string?> settings)
        {
            _settings = settings;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public Uri BaseAddress { get; private set; } = null!;

        public void Start()
        {
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/");
        }

        /// <summary>Instruments are created by their classes' constructors: build every singleton of ours.</summary>
        public void BuildEverySingletonOfOurs()
        {
            foreach (var registration in _registrations!.Where(d => d.Lifetime == ServiceLifetime.Singleton && !d.ServiceType.ContainsGenericParameters
                && ((d.ImplementationType ?? d.ServiceType).Namespace?.StartsWith("PhoneBooking.", StringComparison.Ordinal) ?? false)))
            {
                _ = Services.GetServices(registration.ServiceType).ToList();
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => _registrations = services);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MetricCatalogCollection : ICollectionFixture<MetricCatalog>
{
    public const string Name = "metric catalog";
}
