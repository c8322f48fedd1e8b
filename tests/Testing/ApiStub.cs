using System.Collections.Concurrent;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhoneBooking.Testing;

/// <summary>
/// An HTTP API stand-in on 127.0.0.1 (WireMock.Net) that answers <c>METHOD /path</c> from a script
/// of <see cref="Fault"/>s (the last one repeats) and records what it received: slow, hanging,
/// 5xx, 429/503 with Retry-After, problem details, malformed JSON. Unscripted routes answer 404
/// not-found. Faults WireMock cannot make (a reset mid-body, a refused connection) are
/// <see cref="FaultServer"/>'s.
/// </summary>
public sealed class ApiStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WireMockServer _server;

    private ApiStub()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        _server.Given(Request.Create()).RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public Uri BaseAddress => new(_server.Urls[0].TrimEnd('/') + "/");

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static Task<ApiStub> StartAsync() => Task.FromResult(new ApiStub());

    /// <summary>Answers <c>METHOD /path</c> with these faults in turn; the last repeats.</summary>
    public void Script(string methodAndPath, params Fault[] faults) => _scripts[methodAndPath] = new ConcurrentQueue<Fault>(faults);

    public int CountOf(string methodAndPath) => _received.Count(r => r.Route == methodAndPath);

    /// <summary>Waits (bounded, real time) until one more request has arrived.</summary>
    public async Task WaitForArrivalAsync()
    {
        if (!await _arrivals.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No request reached the API stub within 10 s.");
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _arrivals.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var route = $"{request.Method} {request.Path}";
        _received.Enqueue(new ReceivedRequest(route, Header(request, "Idempotency-Key") ?? string.Empty, request.Body ?? string.Empty, Header(request, "traceparent")));
        _arrivals.Release();

        var fault = !_scripts.TryGetValue(route, out var script) ? Fault.Problem(404, "not-found")
            : script.Count > 1 && script.TryDequeue(out var next) ? next
            : script.TryPeek(out var last) ? last : Fault.Status(500);
        return await fault.AnswerAsync(_stopping.Token);
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
