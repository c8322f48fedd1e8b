using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>
/// The console on real sockets (Kestrel on 127.0.0.1), so each client can come from its own source
/// address (any 127.0.0.x on Linux): what the per-address throttling, the trusted-proxy rule and
/// the audit's source column see. The in-memory test server has no peer address at all.
/// </summary>
public sealed class TcpConsole : IAsyncDisposable
{
    private readonly IvrHostFactory _factory;
    private readonly WebApplicationFactory<Program> _app;
    private readonly TwilioApiStub _twilio;

    private TcpConsole(IvrHostFactory factory, WebApplicationFactory<Program> app, TwilioApiStub twilio, Uri address)
    {
        (_factory, _app, _twilio, Address) = (factory, app, twilio, address);
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IvrHostFactory Factory => _factory;

    public static async Task<TcpConsole> StartAsync(ManualTimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var twilio = TwilioApiStub.Start();
        var all = ConsoleAccounts.Settings(settings);
        all["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        var factory = new IvrHostFactory(all);
        var app = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TcpConsole(factory, app, twilio, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A browser at <paramref name="source"/> (e.g. 127.0.0.7): its own cookies, redirects not followed.</summary>
    public ConsoleClient From(string source)
    {
        var cookies = new CookieContainer();
        return new ConsoleClient(Browser(source, cookies), cookies);
    }

    private HttpClient Browser(string source, CookieContainer cookies) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = cookies,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        _twilio.Dispose();
    }
}
