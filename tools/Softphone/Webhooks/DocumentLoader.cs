using System.Net;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Webhooks;

/// <summary>A TwiML fetch and its outcome: the document to execute, or what Twilio would report.</summary>
public sealed record DocumentLoad(WebhookExchange Exchange, TwimlDocument? Document, TwilioNotification? Failure);

/// <summary>
/// Fetches TwiML and reads the response as Twilio does by Content-Type: text/xml, application/xml and
/// text/html are TwiML; audio is played then the call hangs up; text/plain is said then the call hangs up;
/// anything else (or none) is 12300. A non-2xx status is 11200.
/// </summary>
public sealed class DocumentLoader(WebhookClient client)
{
    private static readonly HashSet<string> TwimlTypes = ["text/xml", "application/xml", "text/html"];

    public async Task<DocumentLoad> LoadAsync(WebhookRequest request, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var exchange = await client.SendAsync(request, cookies, cancellationToken);
        return Interpret(exchange);
    }

    public static DocumentLoad Interpret(WebhookExchange exchange)
    {
        if (exchange.Failure is not null)
        {
            return new DocumentLoad(exchange, null, exchange.Failure);
        }

        if (!exchange.IsSuccess)
        {
            return Fail(TwilioErrors.HttpRetrievalFailure, $"the line answered HTTP {exchange.StatusCode} ({(HttpStatusCode)exchange.StatusCode!})");
        }

        var type = exchange.ContentType?.ToLowerInvariant();
        if (type is null)
        {
            return Fail(TwilioErrors.InvalidContentType, "the response has no Content-Type");
        }

        if (TwimlTypes.Contains(type))
        {
            try
            {
                return new DocumentLoad(exchange, TwimlParser.Parse(exchange.Body, exchange.Url), null);
            }
            catch (TwimlSchemaException exception)
            {
                return new DocumentLoad(exchange, null, exception.Notification);
            }
        }

        if (type.StartsWith("audio/", StringComparison.Ordinal))
        {
            return new DocumentLoad(exchange, new TwimlDocument([new PlayVerb(0, exchange.Url.AbsoluteUri, null, 1), new HangupVerb(0)], []), null);
        }

        if (type == "text/plain")
        {
            return new DocumentLoad(exchange, new TwimlDocument([new SayVerb(0, exchange.Body.Trim(), null, "en-US", 1), new HangupVerb(0)], []), null);
        }

        return Fail(TwilioErrors.InvalidContentType, $"Content-Type '{type}' is neither TwiML (text/xml, application/xml, text/html), audio, nor text/plain");

        DocumentLoad Fail(int code, string detail) => new(exchange, null, TwilioErrors.Error(code, detail, exchange.Url));
    }
}
