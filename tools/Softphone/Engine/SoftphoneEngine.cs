using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Interpreter;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Queues;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Engine;

/// <summary>
/// The softphone's engine: plays Twilio's part against the line. Dial a voice URL with a caller (a script,
/// a person at the console, an answering machine), get the transcript back. One engine runs any number of
/// calls at once; the REST stand-in (<see cref="Cloud.LocalTwilioCloud"/>) places outbound calls through it.
/// </summary>
public sealed class SoftphoneEngine : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly bool _ownsMetrics;
    private readonly SessionServices _services;

    public SoftphoneEngine(SoftphoneOptions? options = null, HttpClient? http = null, TimeProvider? time = null, ILoggerFactory? loggers = null, SoftphoneMetrics? metrics = null)
    {
        Options = options ?? new SoftphoneOptions();
        var validation = new SoftphoneOptionsValidator().Validate(null, Options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        Time = time ?? TimeProvider.System;
        _ownsHttp = http is null;
        _http = http ?? CreateHttpClient();
        _ownsMetrics = metrics is null;
        Metrics = metrics ?? new SoftphoneMetrics();
        var webhooks = new WebhookClient(_http, Options, Time);
        _services = new SessionServices(Options, webhooks, new DocumentLoader(webhooks), Queues, Metrics,
            (loggers ?? NullLoggerFactory.Instance).CreateLogger<SoftphoneEngine>());
    }

    public SoftphoneOptions Options { get; }

    public TimeProvider Time { get; }

    public SoftphoneMetrics Metrics { get; }

    /// <summary>Calls in progress (inbound and outbound), by CallSid.</summary>
    public LiveCallRegistry Calls { get; } = new();

    public CallQueues Queues { get; } = new();

    internal SessionServices Services => _services;

    internal WebhookClient Webhooks => _services.Webhooks;

    /// <summary>
    /// An incoming call: requests the voice URL with CallStatus=ringing, executes the TwiML with the caller
    /// until someone hangs up, then posts the status callback.
    /// </summary>
    public async Task<CallResult> DialAsync(DialRequest request, ICaller caller, CancellationToken cancellationToken = default)
    {
        var context = new CallContext(Sid.New("CA"), Options.AccountSid, request.From, request.To, CallDirections.Inbound, request.Profile)
        {
            CallerName = request.CallerName,
            ForwardedFrom = request.ForwardedFrom,
        };
        var run = new CallRun(this, context, caller, request.TimeMode, request.OnTranscript);
        run.Add(TranscriptKind.Call, $"{context.CallSid} ringing the line at {request.VoiceUrl}");
        var fallback = request.FallbackUrl is null ? null : new CallSession.Fallback(request.FallbackUrl, request.FallbackMethod);
        var ending = await run.ConverseAsync(new FetchInstruction("voice url", request.VoiceUrl, request.VoiceMethod, []), fallback, request.DialPolicy, cancellationToken);
        if (request.StatusCallbackUrl is not null)
        {
            // Stopping the softphone is the caller hanging up: Twilio still reports the call's end.
            await run.PostStatusAsync(request.StatusCallbackUrl, request.StatusCallbackMethod, CancellationToken.None);
        }

        return run.Result(ending);
    }

    /// <summary>Dials with a scripted caller and returns the call together with the script's verdict.</summary>
    public async Task<ScriptRun> RunScriptAsync(DialRequest request, CallScript script, CancellationToken cancellationToken = default)
    {
        var caller = new ScriptedCaller(script);
        var call = await DialAsync(request, caller, cancellationToken);
        return new ScriptRun(call, caller.Verdict);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        if (_ownsMetrics)
        {
            Metrics.Dispose();
        }
    }

    /// <summary>Twilio follows redirects and keeps cookies itself (re-signing each hop), so the handler must not.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
