namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>
/// Sits inside the resilience handler, so it runs once per attempt: counts it, reads the whole
/// body within it (a connection reset mid-body is timed, retried and counted by the breaker like
/// any other transport failure), and marks what a 429 or 503 means (<see cref="AnswerKind"/>) before the
/// retry and the breaker see it.
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
            request.MarkAnswer(await AnswerKinds.ClassifyAsync(response, cancellationToken).ConfigureAwait(false));
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
