using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.Testing;

/// <summary>
/// A raw Kestrel server on 127.0.0.1 that answers each path from a script of <see cref="Fault"/>s
/// (the last one repeats), and records what it received. Kept only for what WireMock.Net 1.25
/// cannot do: drop the connection mid-body (<see cref="Fault.ResetMidBody"/>) and answer from the
/// request itself (<see cref="Fault.From"/>); and <see cref="ClosedPort"/>, a refused connection.
/// Everything else runs on <see cref="ApiStub"/>.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<FaultServer> StartAsync()
    {
        var server = new FaultServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return server;
    }

    /// <summary>A loopback address nothing listens on: connecting is refused at once.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Answers <c>METHOD /path</c> with these faults in turn; the last repeats.</summary>
    public void Script(string methodAndPath, params Fault[] faults) => _scripts[methodAndPath] = new ConcurrentQueue<Fault>(faults);

    public int CountOf(string methodAndPath) => _received.Count(r => r.Route == methodAndPath);

    /// <summary>Waits (bounded, real time) until one more request has arrived.</summary>
    public async Task WaitForArrivalAsync()
    {
        if (!await _arrivals.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No request reached the fault server within 10 s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(stopping.Token);
            await _app.DisposeAsync();
        }

        _arrivals.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var route = $"{context.Request.Method} {context.Request.Path}";
        using var body = new StreamReader(context.Request.Body);
        _received.Enqueue(new ReceivedRequest(route, context.Request.Headers["Idempotency-Key"].ToString(), await body.ReadToEndAsync()));
        _arrivals.Release();

        if (!_scripts.TryGetValue(route, out var script))
        {
            await Fault.Problem(404, "not-found").RespondAsync(context);
            return;
        }

        var fault = script.Count > 1 && script.TryDequeue(out var next) ? next : script.TryPeek(out var last) ? last : Fault.Status(500);
        try
        {
            await fault.RespondAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing left to answer.
        }
    }
}

/// <param name="IdempotencyKey">Empty when the request carried none.</param>
/// <param name="Traceparent">The W3C trace context the request carried, if any.</param>
public sealed record ReceivedRequest(string Route, string IdempotencyKey, string Body, string? Traceparent = null);
