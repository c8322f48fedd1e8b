using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PhoneBooking.Twilio.Security;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>
/// Decides whether a request carries Twilio's signature: the form way (URL + sorted form fields)
/// or, when the URL carries <c>bodySHA256</c>, the JSON way (URL alone + body hash).
/// </summary>
public sealed class TwilioRequestVerifier(IOptionsMonitor<TwilioOptions> options)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>Leaves the form and body readable for the endpoint.</summary>
    public async Task<TwilioRequestVerdict> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.AuthToken))
        {
            return new(WebhookRejection.NoAuthToken, null);
        }

        var url = WebhookUrl.Reconstruct(request, current.BaseUrlOverride);
        var bodyHash = TwilioSignature.BodyHashOf(url);
        string? body = null;
        List<KeyValuePair<string, string>> parameters = [];
        try
        {
            if (bodyHash is not null)
            {
                body = await ReadBodyAsync(request, cancellationToken);
            }
            else if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                parameters.AddRange(form.SelectMany(field => field.Value.Select(value => KeyValuePair.Create(field.Key, value ?? string.Empty))));
            }
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new(WebhookRejection.UnreadableBody, null);
        }

        var callSid = parameters.FirstOrDefault(p => p.Key == "CallSid").Value;
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return new(WebhookRejection.MissingSignature, callSid);
        }

        var check = new TwilioSignature(current.AuthToken);
        WebhookRejection? rejection = body is null
            ? check.IsValid(url, parameters, signature) ? null : WebhookRejection.SignatureMismatch
            : !check.IsValid(url, [], signature) ? WebhookRejection.SignatureMismatch
            : !TwilioSignature.BodyMatches(body, bodyHash!) ? WebhookRejection.BodyHashMismatch
            : null;
        return new(rejection, callSid);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // ValidateTwilioRequest() buffered the body before binding read it: rewind, read, rewind again.
        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        return body;
    }
}

/// <summary>The outcome: <see cref="Rejection"/> is null for a genuine Twilio request.</summary>
public sealed record TwilioRequestVerdict(WebhookRejection? Rejection, string? CallSid);
