using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Web;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace PhoneBooking.Testing;

/// <summary>
/// Twilio's REST API on loopback (WireMock.Net): <c>Calls.json</c>, <c>Calls/{Sid}.json</c> and
/// <c>Messages.json</c> under <c>/2010-04-01/Accounts/{AccountSid}/</c>. Records every request
/// (fields in wire order, Basic auth) and answers as Twilio does: 201 with a new resource for a
/// create, 200 for an update, or what the test scripts (<see cref="Script"/>, <see cref="OnCall"/>):
/// an error JSON, a Retry-After, or no answer at all. Point <c>Twilio:ApiBaseUrl</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed class TwilioApiStub : IDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000000";

    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<TwilioRequest> _requests = new();
    private readonly ConcurrentQueue<TwilioAnswer> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private int _sequence;

    private TwilioApiStub()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        _server
            .Given(Request.Create().UsingPost().WithPath(new WireMock.Matchers.RegexMatcher("^/2010-04-01/Accounts/[^/]+/.+\\.json$")))
            .RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public Uri BaseUrl => new(_server.Urls[0].TrimEnd('/') + "/");

    /// <summary>Decides the answer to a create-call; null answers as Twilio would. Scripted answers come first.</summary>
    public Func<TwilioRequest, TwilioAnswer?>? OnCall { get; set; }

    public IReadOnlyList<TwilioRequest> Requests => [.. _requests];

    public IReadOnlyList<TwilioRequest> Calls => [.. _requests.Where(r => r.Resource == "Calls.json")];

    public IReadOnlyList<TwilioRequest> Messages => [.. _requests.Where(r => r.Resource == "Messages.json")];

    /// <summary>Call updates (<c>Calls/{Sid}.json</c>).</summary>
    public IReadOnlyList<TwilioRequest> Updates => [.. _requests.Where(r => r.Resource.StartsWith("CA", StringComparison.Ordinal))];

    public static TwilioApiStub Start() => new();

    /// <summary>The next requests (any resource) get these answers, in turn; then the defaults again.</summary>
    public TwilioApiStub Script(params TwilioAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }

        return this;
    }

    /// <summary>Waits (bounded by real time, as a guard only) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (_requests.Count < count)
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"Expected {count} request(s) at the Twilio stub, saw {_requests.Count}.");
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _arrived.Dispose();
        _stopping.Dispose();
    }

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage request)
    {
        var resource = request.Path[(request.Path.LastIndexOf('/') + 1)..];
        var isCreate = resource is "Calls.json" or "Messages.json";
        var sid = isCreate
            ? (resource == "Calls.json" ? "CA" : "SM") + Interlocked.Increment(ref _sequence).ToString("D32", CultureInfo.InvariantCulture)
            : resource[..^".json".Length];
        var recorded = new TwilioRequest(
            request.Path,
            resource,
            ParseForm(request.Body ?? string.Empty),
            Header(request, "Authorization"),
            Header(request, "Content-Type"),
            sid);
        _requests.Enqueue(recorded);
        _arrived.Release();

        var answer = _script.TryDequeue(out var scripted) ? scripted
            : resource == "Calls.json" && OnCall?.Invoke(recorded) is { } chosen ? chosen
            : isCreate ? TwilioAnswer.Json(201, JsonSerializer.Serialize(new { sid, account_sid = AccountSid, status = "queued", direction = resource == "Calls.json" ? "outbound-api" : null }))
            : TwilioAnswer.Json(200, JsonSerializer.Serialize(new { sid, account_sid = AccountSid, status = "in-progress" }));
        if (answer is TwilioAnswer.Silence)
        {
            // WireMock 1.25 cannot drop a connection (its "faults" are well-formed responses, and it
            // ignores a Content-Length it was given): say nothing until the client's timeout
            // (Twilio:RequestTimeout) gives up, as an unreachable Twilio would.
            await Task.Delay(TimeSpan.FromMinutes(5), _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return answer.ToResponse();
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // In wire order, so repeated fields (StatusCallbackEvent) stay visible.
    private static List<KeyValuePair<string, string>> ParseForm(string body) =>
    [
        .. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return KeyValuePair.Create(HttpUtility.UrlDecode(parts[0]), HttpUtility.UrlDecode(parts.ElementAtOrDefault(1) ?? string.Empty));
        }),
    ];
}

/// <summary>A request the code under test made to Twilio's REST API.</summary>
/// <param name="Resource">The last path segment: <c>Calls.json</c>, <c>Messages.json</c>, or <c>{CallSid}.json</c> for an update.</param>
/// <param name="Sid">The SID of the resource created or updated.</param>
public sealed record TwilioRequest(
    string Path,
    string Resource,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string? Authorization,
    string? ContentType,
    string Sid)
{
    /// <summary>A form field (repeated values joined with commas).</summary>
    public string this[string field] => Form[field];

    /// <summary>Fields by name; a repeated name's values joined with commas (as <c>HttpUtility.ParseQueryString</c> reads a form).</summary>
    public IReadOnlyDictionary<string, string> Form => Fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => string.Join(',', g.Select(f => f.Value)));

    /// <summary>A query parameter of a URL field (e.g. the callback id in <c>Url</c>).</summary>
    public string? QueryOf(string field, string name) => HttpUtility.ParseQueryString(new Uri(this[field]).Query)[name];
}

/// <summary>How the stub answers one request.</summary>
public abstract record TwilioAnswer
{
    /// <summary>Twilio's error JSON (code, message, more_info, status).</summary>
    public static TwilioAnswer Error(int status, int code, int? retryAfterSeconds = null) =>
        new JsonAnswer(status, JsonSerializer.Serialize(new { code, message = $"error {code}", more_info = $"https://www.twilio.com/docs/errors/{code}", status }), retryAfterSeconds);

    public static TwilioAnswer Json(int status, string json, int? retryAfterSeconds = null) => new JsonAnswer(status, json, retryAfterSeconds);

    /// <summary>
    /// The request arrives and no answer ever comes: the client's timeout ends it, and the caller
    /// cannot know what Twilio did. The test ends it by moving the Twilio client's clock past
    /// <c>Twilio:RequestTimeout</c> once the request has arrived (never a short timeout in real time: it races the arrival).
    /// </summary>
    public static TwilioAnswer NoResponse { get; } = new Silence();

    internal abstract IResponseMessage ToResponse();

    private sealed record JsonAnswer(int Status, string Body, int? RetryAfterSeconds) : TwilioAnswer
    {
        internal override IResponseMessage ToResponse()
        {
            var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
            if (RetryAfterSeconds is { } seconds)
            {
                headers["Retry-After"] = new(seconds.ToString(CultureInfo.InvariantCulture));
            }

            return new ResponseMessage
            {
                StatusCode = Status,
                Headers = headers,
                BodyData = new BodyData { BodyAsString = Body, DetectedBodyType = BodyType.String },
            };
        }
    }

    internal sealed record Silence : TwilioAnswer
    {
        internal override IResponseMessage ToResponse() => new ResponseMessage { StatusCode = 504 };
    }
}
