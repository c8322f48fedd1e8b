using System.Net;
using Microsoft.AspNetCore.Http;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>Messages.json: records the SMS, shows it, answers with Twilio's message resource, and reports delivery.</summary>
internal static class MessageEndpoints
{
    public static async Task<IResult> CreateAsync(HttpRequest request, CloudState state)
    {
        var form = await request.ReadFormAsync();
        string Value(string name) => form[name].ToString().Trim();

        if (Value("To").Length == 0)
        {
            return RestError.Result(400, 21604, "A 'To' phone number is required.");
        }

        if (Value("From").Length == 0 && Value("MessagingServiceSid").Length == 0)
        {
            return RestError.Result(400, 21603, "A 'From' phone number is required.");
        }

        if (Value("Body").Length == 0 && Value("MediaUrl").Length == 0)
        {
            return RestError.Result(400, 21602, "Message body is required.");
        }

        var message = new CloudMessage(
            Sid.New("SM"), Value("From"), Value("To"), Value("Body"),
            form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), state.Engine.Time.GetUtcNow());
        state.Ledger.Add(message);
        state.Settings.OnMessage?.Invoke(message);
        if (Uri.TryCreate(Value("StatusCallback"), UriKind.Absolute, out var callback))
        {
            _ = ReportDeliveryAsync(message, callback, state);
        }

        return Results.Json(RestResources.Message(state.Engine.Options.AccountSid, message, "queued"), RestResources.Json, statusCode: StatusCodes.Status201Created);
    }

    public static IResult Fetch(string messageSid, CloudState state) => state.Ledger.FindMessage(messageSid) is { } message
        ? Results.Json(RestResources.Message(state.Engine.Options.AccountSid, message, "delivered"), RestResources.Json)
        : RestError.Result(404, 20404, $"The requested resource /2010-04-01/Accounts/{state.Engine.Options.AccountSid}/Messages/{messageSid}.json was not found");

    /// <summary>Twilio posts each status change of the message: sent, then delivered.</summary>
    private static async Task ReportDeliveryAsync(CloudMessage message, Uri callback, CloudState state)
    {
        foreach (var status in new[] { "sent", "delivered" })
        {
            List<KeyValuePair<string, string>> parameters =
            [
                new("AccountSid", state.Engine.Options.AccountSid),
                new("ApiVersion", "2010-04-01"),
                new("From", message.From),
                new("MessageSid", message.Sid),
                new("MessageStatus", status),
                new("SmsSid", message.Sid),
                new("SmsStatus", status),
                new("To", message.To),
            ];
            await state.Engine.Webhooks.SendAsync(new Webhooks.WebhookRequest("message status callback", callback, HttpMethod.Post, parameters), new CookieContainer(), CancellationToken.None);
        }
    }
}
