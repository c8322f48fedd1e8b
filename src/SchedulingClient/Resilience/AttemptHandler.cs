namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>
/// Sits inside the resilience handler, so it runs once per attempt: counts it, reads the whole
/// body within it (a connection reset mid-body is timed, retried and counted by the breaker like
/// any other transport failure), and marks the answers that are refusals of this request rather
/// than failures of the backend (<see cref="ExpectedRefusals"/>), before the retry and the breaker see them.
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
            request.MarkAnswer(await ExpectedRefusals.IsExpectedAsync(response, cancellationToken).ConfigureAwait(false));
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
