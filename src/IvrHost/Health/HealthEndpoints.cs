using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneBooking.IvrHost.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /health/live</c>: the process answers (no checks run).
    /// <c>GET /health/ready</c>: the session store answers; the scheduling backend is reported but
    /// never makes the line unready, because the line still serves callers when the backend is down.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", Options(_ => false));
        endpoints.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(HealthTags.Ready)));
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthJsonWriter.WriteAsync,
        AllowCachingResponses = false,
    };
}
