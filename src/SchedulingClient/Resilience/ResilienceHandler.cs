using Polly;

namespace PhoneBooking.SchedulingClient.Resilience;

/// <summary>The one DelegatingHandler that runs every scheduling request through <see cref="SchedulingPipeline"/>.</summary>
internal sealed class ResilienceHandler(SchedulingPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(request.GetOperation(), cancellationToken);
        try
        {
            pipeline.Attach(context, request);
            var outcome = await pipeline.Pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Handler.SendAttemptAsync(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.CountAttempt();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            // Read the body inside the attempt: a connection reset mid-body is then timed,
            // retried and counted by the breaker like any other transport failure.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }
}
