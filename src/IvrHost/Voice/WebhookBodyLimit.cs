namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Twilio's webhooks are small forms. Anything larger is refused with 413 before the signature
/// check reads it — whether it declares its length or streams past the limit — instead of
/// surfacing as a 500 from deep inside form parsing.
/// </summary>
public sealed class WebhookBodyLimit : IEndpointFilter
{
    public const long MaxBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        try
        {
            // A body of undeclared length is read here, so running past the limit is a 413: the signature
            // check reads the form too, but turns any read failure into a 403. Later reads hit the cached form.
            if (request.ContentLength is null && request.HasFormContentType)
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }

            return await next(context);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge();
        }
    }

    private static IResult TooLarge() => TypedResults.Problem(
        title: "Request body too large.", detail: $"Voice webhooks are at most {MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}
