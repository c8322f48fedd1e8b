using System.Net;
using System.Text.Json;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// Twilio answered with an error (SDK: <c>ApiException</c>). <see cref="Exception.Message"/> holds only
/// the code and status, safe to log; Twilio's own text may quote the numbers we sent, so it is kept
/// apart in <see cref="ApiMessage"/>.
/// </summary>
public sealed class TwilioApiException : Exception
{
    public TwilioApiException(int code, HttpStatusCode status, string? apiMessage, Uri? moreInfo)
        : base($"Twilio API error {code} (HTTP {(int)status}).{(moreInfo is null ? string.Empty : $" See {moreInfo}")}")
    {
        Code = code;
        Status = status;
        ApiMessage = apiMessage;
        MoreInfo = moreInfo;
    }

    /// <summary>Twilio's error code (e.g. 21211 invalid 'To'); 0 when the body was not Twilio's error JSON.</summary>
    public int Code { get; }

    public HttpStatusCode Status { get; }

    /// <summary>Twilio's message: may contain phone numbers, so keep it out of logs.</summary>
    public string? ApiMessage { get; }

    public Uri? MoreInfo { get; }

    internal static async Task<TwilioApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var error = JsonSerializer.Deserialize<ErrorBody>(body, TwilioJson.Options);
            if (error is { Code: > 0 })
            {
                var moreInfo = Uri.TryCreate(error.MoreInfo, UriKind.Absolute, out var uri) ? uri : null;
                return new TwilioApiException(error.Code, response.StatusCode, error.Message, moreInfo);
            }
        }
        catch (JsonException)
        {
            // Not Twilio's JSON (a proxy's HTML page, say): the status alone is what we know.
        }

        return new TwilioApiException(0, response.StatusCode, null, null);
    }

    private sealed record ErrorBody(int Code, string? Message, string? MoreInfo, int? Status);
}
