using System.Net;
using System.Text;

namespace PhoneBooking.Twilio.Tests.Rest;

/// <summary>Stands in for Twilio's cloud at the HttpMessageHandler: records each wire request, answers from a script.</summary>
public sealed class StubTwilioApi : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public StubTwilioApi Answer(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        _answers.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    /// <summary>Waits (bounded by real time, as a guard only) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (Requests.Count < count)
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"Expected {count} request(s), saw {Requests.Count}.");
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType,
                ParseForm(body)));
        }

        _arrived.Release();
        Func<HttpResponseMessage> answer;
        lock (_answers)
        {
            answer = _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException("The stub has no answer left.");
        }

        return answer();
    }

    // Parsed by hand, in order, so repeated fields (StatusCallbackEvent) stay visible.
    private static List<KeyValuePair<string, string>> ParseForm(string body) =>
    [
        .. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split('=', 2);
            return KeyValuePair.Create(WebUtility.UrlDecode(parts[0]), WebUtility.UrlDecode(parts.ElementAtOrDefault(1) ?? string.Empty));
        }),
    ];

    protected override void Dispose(bool disposing)
    {
        _arrived.Dispose();
        base.Dispose(disposing);
    }
}

public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Form);
