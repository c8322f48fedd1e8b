using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>Twilio's REST API as a loopback Kestrel stub: records each request (path, Basic auth, form) and answers as told.</summary>
public sealed class StubTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubTwilioApi(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Status and JSON body of the next answers (default: 200 with a call resource).</summary>
    public (int Status, string Body) Answer { get; set; } = (200, """{"sid":"CAfeedfeedfeedfeedfeedfeedfeedfeed","status":"in-progress"}""");

    public Uri BaseUrl => new(_app.Urls.Single());

    public static async Task<StubTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubTwilioApi(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            stub.Requests.Enqueue(new RecordedRequest(request.Path, request.Headers.Authorization.ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Content(stub.Answer.Body, "application/json", statusCode: stub.Answer.Status);
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record RecordedRequest(string Path, string Authorization, IReadOnlyDictionary<string, string> Form);
}
