using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PhoneBooking.SchedulingApi.Health;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // live: the process answers; ready: the database answers too (503 otherwise).
        // Anonymous: a load balancer has no key.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
