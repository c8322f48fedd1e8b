using Microsoft.AspNetCore.Http.Features;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>Gives the framework's own problems (unknown route, wrong method, unhandled error) the contract's type URIs.</summary>
internal static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is null || !problem.Type.StartsWith(Problems.TypeBase, StringComparison.Ordinal))
        {
            problem.Type = Problems.TypeBase + problem.Status switch
            {
                StatusCodes.Status400BadRequest => "validation",
                StatusCodes.Status404NotFound => "not-found",
                StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
                StatusCodes.Status413PayloadTooLarge => "payload-too-large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
                StatusCodes.Status503ServiceUnavailable => "unavailable",
                _ => "internal",
            };
        }

        // Never echo exception details to a client.
        problem.Extensions.Remove("exception");
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
        {
            problem.Extensions["traceId"] = activity.TraceId.ToString();
        }
    }
}
