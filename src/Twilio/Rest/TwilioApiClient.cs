using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Twilio.Clients;
using global::Twilio.Exceptions;
using global::Twilio.Http;
using TwilioHttpClient = global::Twilio.Http.HttpClient;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// The SDK's <see cref="ITwilioRestClient"/> over the named HttpClient <see cref="HttpClientName"/>
/// from <see cref="IHttpClientFactory"/> (never the static <c>TwilioClient.Init</c>): each request
/// takes a fresh HttpClient (our resilience handler, the stand-in's address) and the current
/// credentials. Pass it to the resources: <c>CallResource.CreateAsync(options, client: twilio)</c>.
/// </summary>
/// <remarks>
/// Errors stay the SDK's: <see cref="ApiException"/> when Twilio answered (its <c>Message</c> can
/// quote the numbers we sent: log <c>Code</c> and <c>Status</c> only, as here), and
/// <see cref="ApiConnectionException"/> when no answer came, which after a create means the call
/// or text may exist. Missing credentials throw <see cref="InvalidOperationException"/> before
/// anything is sent.
/// </remarks>
public sealed partial class TwilioApiClient(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<TwilioOptions> options,
    ILogger<TwilioApiClient> logger) : ITwilioRestClient
{
    public const string HttpClientName = "Twilio";

    public string AccountSid => Credentials().AccountSid;

    public string Region => null!;

    public TwilioHttpClient HttpClient => new SystemNetHttpClient(httpClientFactory.CreateClient(HttpClientName));

    public Response Request(Request request) => RequestAsync(request).GetAwaiter().GetResult();

    public async Task<Response> RequestAsync(Request request)
    {
        var (accountSid, authToken) = Credentials();
        var sdk = new TwilioRestClient(accountSid, authToken, accountSid, httpClient: HttpClient);
        try
        {
            return await sdk.RequestAsync(request);
        }
        catch (ApiException e)
        {
            LogApiError(logger, request.Uri.Segments[^1], e.Code, e.Status);
            throw;
        }
    }

    private (string AccountSid, string AuthToken) Credentials()
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.AccountSid) || string.IsNullOrEmpty(current.AuthToken))
        {
            throw new InvalidOperationException("Twilio:AccountSid and Twilio:AuthToken must be set to call Twilio's REST API.");
        }

        return (current.AccountSid, current.AuthToken);
    }

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Twilio refused {Resource}: error {TwilioErrorCode}, HTTP {StatusCode}")]
    private static partial void LogApiError(ILogger logger, string resource, int twilioErrorCode, int statusCode);
}
