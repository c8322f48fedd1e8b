using System.Net;

namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>
/// Sends as every client of the API does: a 503 <c>overloaded</c> (load shedding) is retried after its
/// <c>Retry-After</c>, a write with the same <c>Idempotency-Key</c> (the factory makes each attempt's message
/// anew, with the same key). The sheds are counted, and printed with the figures.
/// </summary>
internal sealed class ShedRetry
{
    private int _shed;

    public int Shed => _shed;

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> attempt)
    {
        while (true)
        {
            var response = await client.SendAsync(attempt());
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return response;
            }

            Interlocked.Increment(ref _shed);
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }
}
