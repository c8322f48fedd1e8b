using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.Softphone.Tests.Support;

/// <summary>A request the stub line received: what Twilio (the softphone) sent.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string Url, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, string> Form, string? Signature, string? Cookie)
{
    public string this[string name] => Parameters[name];
}

/// <summary>
/// A stand-in for the line on 127.0.0.1 (real Kestrel): serves hand-written TwiML per path and records every
/// request, so tests see exactly what Twilio's side sent.
/// </summary>
public sealed class LineStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LineStub(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    public static async Task<LineStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LineStub? stub = null;
        app.Map("/{**path}", async context => await stub!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        stub = new LineStub(app, new Uri(address));
        return stub;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public void Twiml(string path, string xml) => Respond(path, "text/xml", xml);

    public void Respond(string path, string? contentType, string body, int status = 200) =>
        On(path, async (_, context) =>
        {
            context.Response.StatusCode = status;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            await context.Response.WriteAsync(body);
        });

    /// <summary>TwiML computed per request (e.g. from the posted Digits).</summary>
    public void Twiml(string path, Func<RecordedRequest, string> xml) =>
        On(path, async (request, context) =>
        {
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(xml(request));
        });

    public void On(string path, Func<RecordedRequest, HttpContext, Task> handler) => _routes[path] = handler;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        var parameters = new Dictionary<string, string>(form, StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var recorded = new RecordedRequest(request.Method, request.Path, url, parameters, form, request.Headers["X-Twilio-Signature"].FirstOrDefault(), request.Headers.Cookie.FirstOrDefault());
        _requests.Enqueue(recorded);
        if (_routes.TryGetValue(request.Path, out var handler))
        {
            await handler(recorded, context);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }
}
