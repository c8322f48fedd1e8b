using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>
/// Maps the failures that are not the client's fault but are not bugs either (database busy, disk
/// full) to 503 with Retry-After, and framework bad-request errors to 4xx. Anything else is a 500.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case StorageBusyException:
            case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteFull or SqliteCantOpen }:
                logger.DatabaseUnavailable(exception);
                httpContext.Response.Headers.RetryAfter = "1";
                await Problems.DatabaseUnavailable().ExecuteAsync(httpContext);
                return true;
            case BadHttpRequestException badRequest:
                await (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? Problems.PayloadTooLarge(null)
                    : (IResult)Problems.Validation("request", "The request could not be read.")).ExecuteAsync(httpContext);
                return true;
            default:
                return false;
        }
    }
}
