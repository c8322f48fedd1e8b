using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.Softphone.Engine;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>
/// Twilio's REST API on loopback (point <c>Twilio:ApiBaseUrl</c> at <see cref="BaseUrl"/>): Calls.json
/// rings the softphone, call update redirects or ends a live call, Messages.json records and shows the
/// SMS. Basic auth with the engine's AccountSid and AuthToken. <see cref="Ledger"/> keeps what happened.
/// </summary>
public sealed class LocalTwilioCloud : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OutboundCalls _outbound;

    private LocalTwilioCloud(WebApplication app, OutboundCalls outbound, CloudLedger ledger, Uri baseUrl)
    {
        _app = app;
        _outbound = outbound;
        Ledger = ledger;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public CloudLedger Ledger { get; }

    public static async Task<LocalTwilioCloud> StartAsync(SoftphoneEngine engine, CloudSettings? settings = null, CancellationToken cancellationToken = default)
    {
        settings ??= new CloudSettings();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalTwilioCloud).Assembly.GetName().Name });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        builder.Logging.ClearProviders();
        if (settings.Loggers is not null)
        {
            builder.Services.AddSingleton(settings.Loggers);
        }

        var ledger = new CloudLedger();
        var outbound = new OutboundCalls(engine, settings, ledger);
        var app = builder.Build();
        CloudEndpoints.Map(app, new CloudState(engine, settings, ledger, outbound));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LocalTwilioCloud(app, outbound, ledger, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _outbound.StopAsync();
        _outbound.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record CloudState(SoftphoneEngine Engine, CloudSettings Settings, CloudLedger Ledger, OutboundCalls Outbound);
