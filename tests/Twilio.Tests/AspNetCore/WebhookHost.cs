using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.Testing;
using PhoneBooking.Twilio.AspNetCore;
using Twilio.TwiML;

namespace PhoneBooking.Twilio.Tests.AspNetCore;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with a <c>/voice</c> webhook group, set up the way the host should
/// (forwarded headers first, antiforgery on for the rest of the app).
/// </summary>
public sealed class WebhookHost : IAsyncDisposable
{
    public const string Token = "test-auth-token";

    private readonly WebApplication _app;
    private int _handled;

    private WebhookHost(WebApplication app, InMemoryLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        BaseUrl = app.Urls.Single();
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public InMemoryLoggerProvider Logs { get; }

    /// <summary>How many times an endpoint body ran: a refused request must leave it unchanged.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public static async Task<WebhookHost> StartAsync(Dictionary<string, string?>? settings = null, string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new() { ["Twilio:AuthToken"] = Token });
        var logs = new InMemoryLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddTwilio(builder.Configuration);
        builder.Services.AddAntiforgery();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix);

        var app = builder.Build();
        WebhookHost? host = null;
        app.UseForwardedHeaders();
        app.UseAntiforgery();
        var voice = app.MapGroup("/voice").ValidateTwilioRequest();
        voice.MapPost("/answer", ([FromForm(Name = "CallSid")] string callSid) =>
        {
            Interlocked.Increment(ref host!._handled);
            return Results.Extensions.TwiML(new VoiceResponse().Say($"Call {callSid}"));
        });
        voice.MapPost("/events", (StudioEvent body) =>
        {
            Interlocked.Increment(ref host!._handled);
            return Results.Ok(new { received = body.Name });
        });
        await app.StartAsync();
        host = new WebhookHost(app, logs);
        return host;
    }

    /// <summary>POSTs a form signed for <paramref name="signedUrl"/> (default: the URL actually requested).</summary>
    public Task<HttpResponseMessage> PostFormAsync(
        string pathAndQuery,
        IReadOnlyList<KeyValuePair<string, string>> form,
        string? signedUrl = null,
        string token = Token,
        Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        var signature = TwilioSigner.Sign(token, signedUrl ?? BaseUrl + pathAndQuery, form);
        request.Headers.Add(TwilioRequestVerifier.SignatureHeader, signature);
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    public sealed record StudioEvent(string Name);
}
