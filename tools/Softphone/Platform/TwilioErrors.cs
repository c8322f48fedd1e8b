namespace PhoneBooking.Softphone.Platform;

/// <summary>The Twilio error codes the softphone reports, with Twilio's own titles (twilio.com/docs/errors).</summary>
public static class TwilioErrors
{
    public const int InvalidUrlFormat = 11100;
    public const int HttpRetrievalFailure = 11200;
    public const int HttpConnectionFailure = 11205;
    public const int HttpBadHostName = 11210;
    public const int HttpTooManyRedirects = 11215;
    public const int HttpInvalidRedirect = 11216;
    public const int SslTlsHandshakeError = 11220;
    public const int ResponseBodyTooLarge = 11750;
    public const int DocumentParseFailure = 12100;
    public const int RootMustBeResponse = 12102;
    public const int SchemaValidation = 12200;
    public const int InvalidContentType = 12300;
    public const int GatherInvalidFinishOnKey = 13310;
    public const int GatherInvalidTimeout = 13313;
    public const int GatherInvalidNumDigits = 13314;
    public const int CallbackWarningResponse = 15003;

    private static readonly Dictionary<int, string> Titles = new()
    {
        [InvalidUrlFormat] = "Invalid URL format",
        [HttpRetrievalFailure] = "HTTP retrieval failure",
        [HttpConnectionFailure] = "HTTP connection failure",
        [HttpBadHostName] = "HTTP bad host name",
        [HttpTooManyRedirects] = "HTTP too many redirects",
        [HttpInvalidRedirect] = "HTTP invalid redirect",
        [SslTlsHandshakeError] = "SSL/TLS Handshake Error",
        [ResponseBodyTooLarge] = "TwiML response body too large",
        [DocumentParseFailure] = "Document parse failure",
        [RootMustBeResponse] = "The root element must be Response",
        [SchemaValidation] = "Schema validation warning",
        [InvalidContentType] = "Invalid Content-Type",
        [GatherInvalidFinishOnKey] = "Gather: Invalid finishOnKey value",
        [GatherInvalidTimeout] = "Gather: Invalid timeout value",
        [GatherInvalidNumDigits] = "Gather: Invalid numDigits value",
        [CallbackWarningResponse] = "Call Progress: Warning Response to Callback URL",
    };

    public static TwilioNotification Error(int code, string detail, Uri? url = null) =>
        new(code, NotificationLevel.Error, Titles[code], detail, url);

    public static TwilioNotification Warning(int code, string detail, Uri? url = null) =>
        new(code, NotificationLevel.Warning, Titles[code], detail, url);
}
