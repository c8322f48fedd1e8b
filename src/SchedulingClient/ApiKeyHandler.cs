using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingClient;

/// <summary>
/// Sends <see cref="SchedulingOptions.ApiKey"/> as <c>X-Api-Key</c> on every request (and every retry):
/// the scheduling API knows its clients (docs/security.md).
/// </summary>
internal sealed class ApiKeyHandler(IOptions<SchedulingOptions> options) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, options.Value.ApiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
