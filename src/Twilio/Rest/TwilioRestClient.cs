using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// Twilio's REST API for Calls and Messages: form-encoded POSTs to
/// <c>{ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/…</c> with Basic auth, JSON back. Errors
/// become <see cref="TwilioApiException"/>; 429/503 are retried by <see cref="TwilioRetryHandler"/>.
/// </summary>
public sealed partial class TwilioRestClient(HttpClient http, IOptionsMonitor<TwilioOptions> options, ILogger<TwilioRestClient> logger)
{
    public async Task<CallResource> CreateCallAsync(CreateCallOptions call, CancellationToken cancellationToken = default)
    {
        var created = await PostAsync<CallResource>("Calls.json", call.ToForm(), cancellationToken);
        LogCallCreated(logger, created.Sid, created.Status);
        return created;
    }

    public async Task<CallResource> UpdateCallAsync(UpdateCallOptions update, CancellationToken cancellationToken = default)
    {
        var form = update.ToForm();
        var updated = await PostAsync<CallResource>($"Calls/{Uri.EscapeDataString(update.PathSid)}.json", form, cancellationToken);
        LogCallUpdated(logger, updated.Sid, updated.Status);
        return updated;
    }

    public async Task<MessageResource> CreateMessageAsync(CreateMessageOptions message, CancellationToken cancellationToken = default)
    {
        var created = await PostAsync<MessageResource>("Messages.json", message.ToForm(), cancellationToken);
        LogMessageCreated(logger, created.Sid, created.Status);
        return created;
    }

    private async Task<T> PostAsync<T>(string resource, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.AccountSid) || string.IsNullOrEmpty(current.AuthToken))
        {
            throw new InvalidOperationException("Twilio:AccountSid and Twilio:AuthToken must be set to call Twilio's REST API.");
        }

        var path = $"2010-04-01/Accounts/{Uri.EscapeDataString(current.AccountSid)}/{resource}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{current.AccountSid}:{current.AuthToken}")));

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await TwilioApiException.FromResponseAsync(response, cancellationToken);
            LogApiError(logger, resource, error.Code, (int)error.Status);
            throw error;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(TwilioJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException)
        {
            LogUnreadableResponse(logger, resource, (int)response.StatusCode);
            throw new TwilioApiException(0, response.StatusCode, "Twilio's response could not be read as JSON.", null);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Twilio created call {CallSid} ({CallStatus})")]
    private static partial void LogCallCreated(ILogger logger, string callSid, string? callStatus);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Twilio updated call {CallSid} ({CallStatus})")]
    private static partial void LogCallUpdated(ILogger logger, string callSid, string? callStatus);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Twilio accepted message {MessageSid} ({MessageStatus})")]
    private static partial void LogMessageCreated(ILogger logger, string messageSid, string? messageStatus);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Twilio refused {Resource}: error {TwilioErrorCode}, HTTP {StatusCode}")]
    private static partial void LogApiError(ILogger logger, string resource, int twilioErrorCode, int statusCode);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Twilio answered {Resource} with HTTP {StatusCode} and a body that is not the expected JSON")]
    private static partial void LogUnreadableResponse(ILogger logger, string resource, int statusCode);
}
