using Microsoft.Extensions.Options;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// The SDK always calls <c>https://api.twilio.com</c>. When <c>Twilio:ApiBaseUrl</c> points
/// elsewhere (the softphone's LocalTwilioCloud, a test stub), requests for Twilio's API host go
/// there instead, path and query unchanged.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptionsMonitor<TwilioOptions> options) : DelegatingHandler
{
    private static readonly Uri TwilioApi = new(TwilioOptions.DefaultApiBaseUrl);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri
            && string.Equals(uri.Host, TwilioApi.Host, StringComparison.OrdinalIgnoreCase)
            && new Uri(options.CurrentValue.ApiBaseUrl) is var target
            && !string.Equals(target.AbsoluteUri.TrimEnd('/'), TwilioOptions.DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new Uri(target.AbsoluteUri.TrimEnd('/') + uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
