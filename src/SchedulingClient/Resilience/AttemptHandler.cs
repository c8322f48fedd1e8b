namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>
/// Sits inside the resilience handler, so it runs once per attempt: counts it, and reads the whole
/// body within it, so a connection reset mid-body is timed, retried and counted by the breaker like
/// any other transport failure.
/// </summary>
internal sealed class AttemptHandler(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.CountAttempt(time);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
