using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace PhoneBooking.Dialer.Bench;

/// <summary>Twilio's Calls.json on loopback: answers 201 at once and notes when each create arrived.</summary>
internal sealed class TwilioCallsStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly WebApplication _app;
    private int _sequence;

    private TwilioCallsStub(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Stopwatch timestamps of the creates, in arrival order.</summary>
    public IReadOnlyList<long> Arrivals => [.. _arrivals];

    public int Count => _arrivals.Count;

    public static async Task<TwilioCallsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioCallsStub(app);
        app.MapPost("/2010-04-01/Accounts/{account}/Calls.json", () =>
        {
            stub._arrivals.Enqueue(Stopwatch.GetTimestamp());
            var sid = "CA" + Interlocked.Increment(ref stub._sequence).ToString("D32", System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { sid, status = "queued" }, statusCode: StatusCodes.Status201Created);
        });
        await app.StartAsync();
        stub.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
