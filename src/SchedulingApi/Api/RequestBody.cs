using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>The raw request body, read once with a size cap and kept for the JSON binder and the idempotency fingerprint.</summary>
internal sealed record RequestBody(byte[] Bytes, bool TooLarge, int MaxBytes)
{
    private static readonly object ItemKey = new();

    public static async ValueTask<RequestBody> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is RequestBody body)
        {
            return body;
        }

        var maxBytes = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        body = context.Request.ContentLength > maxBytes
            ? new RequestBody([], true, maxBytes)
            : await ReadCappedAsync(context.Request.Body, maxBytes, context.RequestAborted);
        context.Items[ItemKey] = body;
        return body;
    }

    private static async Task<RequestBody> ReadCappedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new RequestBody([], true, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return new RequestBody(buffer.ToArray(), false, maxBytes);
    }
}
