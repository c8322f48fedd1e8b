using Microsoft.AspNetCore.Http.Features;
using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Idempotency;

/// <summary>
/// Makes a write safe to retry. The key lookup, the handler's changes and the stored response share
/// one transaction (SQLite: one writer at a time), so two concurrent requests with one key can never
/// both run the handler, and a crash never leaves a change without its stored response.
/// Keys are scoped per client and endpoint; the fingerprint is an HMAC (under the API's key) of the concrete
/// path (which offer) and the body bytes — so a stored fingerprint cannot be brute-forced back to a PIN.
/// Not stored: 400 (the client may fix the body and retry with the same key) and "come back later"
/// (423, 429): the same key must work once the wait is over.
/// </summary>
internal static class IdempotencyFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotency-Replayed";
    private const int MaxKeyLength = 200;

    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(InvokeAsync).WithMetadata(new RequiresIdempotencyKey());

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.Request.Headers[HeaderName];
        if (keys.Count == 0 || string.IsNullOrEmpty(keys[0]))
        {
            return Problems.IdempotencyKeyMissing();
        }

        var key = keys[0]!;
        if (keys.Count > 1 || key.Length > MaxKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            return Problems.Validation(HeaderName, "must be one value of 1-200 printable ASCII characters.");
        }

        var body = await RequestBody.ReadAsync(http);
        if (body.TooLarge)
        {
            return Problems.PayloadTooLarge(body.MaxBytes);
        }

        var services = http.RequestServices;
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var store = services.GetRequiredService<IIdempotencyStore>();
        var client = http.User.Identity?.Name ?? SecurityRefusals.Anonymous;
        var scope = $"{client} {http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
        var secrets = services.GetRequiredService<ApiSecrets>();
        var path = http.Request.Path.Value ?? "";
        var cancellationToken = http.RequestAborted;

        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            if (await store.FindAsync(scope, key, cancellationToken) is { } stored)
            {
                if (!secrets.FingerprintMatches(stored.Fingerprint, path, body.Bytes))
                {
                    return Problems.IdempotencyKeyReused();
                }

                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotencyFilter).FullName!).IdempotentReplay(scope);
                return new StoredResponse(stored.StatusCode, stored.ContentType, stored.Location, stored.Body, Replayed: true);
            }

            var response = await CaptureAsync(http, await next(context));
            if (response.StatusCode is not (StatusCodes.Status400BadRequest or StatusCodes.Status423Locked or StatusCodes.Status429TooManyRequests) and < 500)
            {
                var fingerprint = secrets.Fingerprint(path, body.Bytes);
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                await store.SaveAsync(
                    new IdempotencyRecord(scope, key, fingerprint, response.StatusCode, response.ContentType, response.Location, response.Body, now),
                    cancellationToken);
            }

            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        finally
        {
            await unitOfWork.RollbackAsync();
        }
    }

    /// <summary>Runs the handler's result into a buffer, so the exact bytes can be stored before anything reaches the client.</summary>
    private static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(http);
            }
            else if (result is not null)
            {
                await http.Response.WriteAsJsonAsync(result, result.GetType());
            }

            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        var location = http.Response.Headers.Location;
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, location.Count == 0 ? null : location.ToString(), buffer.ToArray(), Replayed: false);
    }
}

/// <summary>Endpoint metadata: the endpoint requires an Idempotency-Key (also documents the header in OpenAPI).</summary>
internal sealed class RequiresIdempotencyKey;

/// <summary>A response written from stored bytes: the first answer to a key, or its replay.</summary>
internal sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body, bool Replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyFilter.ReplayedHeaderName] = "true";
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
