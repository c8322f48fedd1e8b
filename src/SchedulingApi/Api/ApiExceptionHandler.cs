using Microsoft.AspNetCore.Diagnostics;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>
/// Maps the failures that are not the client's fault but are not bugs either (database busy, disk
/// full) to 503 with Retry-After, and framework bad-request errors to 4xx. Anything else is a 500.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageErrors.IsUnavailable(exception))
        {
            logger.DatabaseUnavailable(exception);
            httpContext.Response.Headers.RetryAfter = "1";
            await Problems.DatabaseUnavailable().ExecuteAsync(httpContext);
            return true;
        }

        if (exception is BadHttpRequestException badRequest)
        {
            await (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.PayloadTooLarge(null)
                : (IResult)Problems.Validation("request", "The request could not be read.")).ExecuteAsync(httpContext);
            return true;
        }

        return false;
    }
}
