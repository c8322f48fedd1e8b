using System.Diagnostics.Metrics;
using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// Every refusal of a trust boundary (401, 403, 429, a duplicate person): one security event in the
/// log, one count in <c>scheduling.security.refusals</c> (tags: status, reason, client). Ids and
/// fixed words only: the route pattern, never the path, the key, a code or a birth date.
/// </summary>
public sealed partial class SecurityRefusals
{
    public const string Anonymous = "(anonymous)";

    private readonly Counter<long> _refusals;
    private readonly ILogger<SecurityRefusals> _logger;

    public SecurityRefusals(IMeterFactory meterFactory, ILogger<SecurityRefusals> logger)
    {
        _refusals = meterFactory.Create(SchedulingMetrics.MeterName)
            .CreateCounter<long>("scheduling.security.refusals", "{request}", "Requests refused by authentication, authorization, rate limits, guess throttles or the one-request-per-person rule.");
        _logger = logger;
    }

    public void Record(HttpContext http, int status, string reason) =>
        Record(status, reason, http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name! : Anonymous, EndpointOf(http));

    public void Record(int status, string reason, string client, string endpoint)
    {
        _refusals.Add(1, new("status", status), new("reason", reason), new("client", client));
        LogRefused(_logger, status, reason, client, endpoint);
    }

    /// <summary>Records the refusal, then writes its problem response.</summary>
    public Task WriteAsync(HttpContext http, int status, string reason, IResult problem)
    {
        Record(http, status, reason);
        return problem.ExecuteAsync(http);
    }

    private static string EndpointOf(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)"}";

    [LoggerMessage(EventId = 80, EventName = "SecurityRefusal", Level = LogLevel.Warning,
        Message = "Security: refused {Status} ({Reason}) for client {Client} on {Endpoint}")]
    private static partial void LogRefused(ILogger logger, int status, string reason, string client, string endpoint);
}
