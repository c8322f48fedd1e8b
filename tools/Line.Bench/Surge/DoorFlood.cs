using System.Diagnostics;
using System.Globalization;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// Unique, correctly signed new-call webhooks (Twilio's first request of a call: POST /voice, CallStatus
/// ringing, a CallSid never seen) from <paramref name="connections"/> connections at once, as fast as the line
/// answers: a crowd at the door. The priority figure is what callers already in the flow get meanwhile.
/// </summary>
internal sealed class DoorFlood(Uri line, string authToken, int connections)
{
    private readonly WebhookSigner _signer = new(authToken);

    public sealed record Result(int Connections, int Requests, int ServerErrors, int Failures, TimeSpan Elapsed, LatencySummary Latency)
    {
        public double PerSecond => Requests / Elapsed.TotalSeconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Requests} new-call webhooks from {Connections} connections in {Elapsed.TotalSeconds:F1} s = {PerSecond:F0}/s; {Latency}; 5xx {ServerErrors}, no answer {Failures}");
    }

    public async Task<Result> RunAsync(TimeSpan length, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(15) };
        var url = new Uri(line, "voice");
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        int serverErrors = 0, failures = 0, sequence = 0;
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(length);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var parameters = NewCall(n);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
                request.Headers.Add("X-Twilio-Signature", _signer.Sign(url.ToString(), parameters));
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                    latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return new Result(connections, latencies.Count, serverErrors, failures, Stopwatch.GetElapsedTime(started), new LatencySummary(latencies));
    }

    /// <summary>The parameters of a call's first webhook: each flood call its own CallSid and number.</summary>
    private static List<KeyValuePair<string, string>> NewCall(int n)
    {
        var from = string.Create(CultureInfo.InvariantCulture, $"+1819{3000000 + (n % 7_000_000):D7}");
        return
        [
            new("AccountSid", Softphone.Engine.SoftphoneOptions.LocalAccountSid),
            new("ApiVersion", "2010-04-01"),
            new("CallSid", Softphone.Platform.Sid.New("CA")),
            new("CallStatus", "ringing"),
            new("Called", "+15550100000"),
            new("Caller", from),
            new("Direction", "inbound"),
            new("From", from),
            new("To", "+15550100000"),
        ];
    }
}
