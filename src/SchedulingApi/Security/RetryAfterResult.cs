using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>A refusal that says when to come back: <c>Retry-After</c> in whole seconds, then the problem body.</summary>
internal sealed class RetryAfterResult(IResult problem, TimeSpan wait) : IResult
{
    public TimeSpan Wait => wait;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Problems.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem.ExecuteAsync(httpContext);
    }
}
