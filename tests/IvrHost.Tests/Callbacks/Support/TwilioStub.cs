using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Support;

/// <summary>A request the line made to Twilio's REST API.</summary>
internal sealed record TwilioRequest(string Resource, IReadOnlyDictionary<string, string> Form, string? Sid)
{
    public string this[string field] => Form[field];

    /// <summary>The callback id in the call's Url (the only thing the URL carries besides the attempt).</summary>
    public string CallbackId => System.Web.HttpUtility.ParseQueryString(new Uri(Form["Url"]).Query)["callback"]!;
}

/// <summary>
/// Twilio's REST API at the HTTP boundary of the line's TwilioRestClient: records every create (calls and
/// messages) and answers as Twilio does, or as a test scripts it (an error, a dropped connection).
/// </summary>
internal sealed class TwilioStub : HttpMessageHandler
{
    private readonly ConcurrentQueue<TwilioRequest> _requests = new();
    private int _sequence;

    /// <summary>Decides the answer to a create-call; null answers 201 with a new call sid.</summary>
    public Func<TwilioRequest, HttpResponseMessage?>? OnCall { get; set; }

    public IReadOnlyList<TwilioRequest> Requests => [.. _requests];

    public IReadOnlyList<TwilioRequest> Calls => [.. _requests.Where(r => r.Resource == "Calls.json")];

    public IReadOnlyList<TwilioRequest> Messages => [.. _requests.Where(r => r.Resource == "Messages.json")];

    public static HttpResponseMessage Error(HttpStatusCode status, int code) =>
        Json(status, new { code, message = $"error {code}", more_info = $"https://www.twilio.com/docs/errors/{code}", status = (int)status });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var form = System.Web.HttpUtility.ParseQueryString(body);
        var fields = form.AllKeys.ToDictionary(k => k!, k => form[k]!, StringComparer.Ordinal);
        var resource = request.RequestUri!.Segments[^1];
        var sid = (resource == "Calls.json" ? "CA" : "SM") + Interlocked.Increment(ref _sequence).ToString("D32", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = new TwilioRequest(resource, fields, sid);
        _requests.Enqueue(recorded);
        if (resource == "Calls.json" && OnCall?.Invoke(recorded) is { } scripted)
        {
            return scripted;
        }

        return resource == "Calls.json"
            ? Json(HttpStatusCode.Created, new { sid, account_sid = "AC00000000000000000000000000000000", status = "queued", direction = "outbound-api" })
            : Json(HttpStatusCode.Created, new { sid, account_sid = "AC00000000000000000000000000000000", status = "queued" });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}
