using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingApi.Tests.Security;

/// <summary>What every refusal of a trust boundary must show: its problem, its security event, its count.</summary>
internal static class SecurityAsserts
{
    public static MetricRecorder Refusals(TestApi api) =>
        new(api.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SchedulingMetrics.MeterName);

    public static long Count(this MetricRecorder metrics, string reason) => metrics.Sum("scheduling.security.refusals", "reason", reason);

    /// <summary>The refusal was logged as a security event with this reason, naming the client and never what was sent.</summary>
    public static void Logged(TestApi api, string reason, string client, params string[] neverLogged)
    {
        var events = api.Logs.Records.Where(r => r.EventId.Id == 80).ToList();
        Assert.Contains(events, r => Equals(r.Properties["Reason"], reason) && Equals(r.Properties["Client"], client));
        var everything = string.Join("\n", events.Select(r => r.Message));
        foreach (var value in neverLogged)
        {
            Assert.DoesNotContain(value, everything, StringComparison.Ordinal);
        }
    }

    public static async Task<TimeSpan> RetryAfterAsync(this HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        var problem = await response.ProblemAsync(status, slug);
        var wait = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException($"{(int)status} {slug} without Retry-After");
        if (problem.TryGetProperty("retryAfterSeconds", out var seconds))
        {
            Assert.Equal(wait.TotalSeconds, seconds.GetInt32());
        }

        return wait;
    }
}
