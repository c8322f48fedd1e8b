using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>Twilio's JSON resources (2010-04-01 API), field for field.</summary>
internal static class RestResources
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Twilio writes "+16135550123" and "+0000" as they are, not as \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CallResource Call(CallContext call, DateTimeOffset created, DateTimeOffset now, DateTimeOffset? ended, TimeSpan? duration)
    {
        var uri = $"/2010-04-01/Accounts/{call.AccountSid}/Calls/{call.CallSid}.json";
        return new CallResource(
            call.AccountSid, null, call.MachineDetectionResult, "2010-04-01", call.CallerName,
            TwilioTime.Rfc2822(created), TwilioTime.Rfc2822(now), call.Direction,
            duration is { } d ? TwilioTime.Seconds(d) : null,
            ended is { } e ? TwilioTime.Rfc2822(e) : null,
            call.ForwardedFrom, call.From, Formatted(call.From), null, null, null, null, "USD", call.CallSid,
            call.AnsweredAt is { } a ? TwilioTime.Rfc2822(a) : null,
            call.Status,
            new Dictionary<string, string>
            {
                ["notifications"] = uri.Replace(".json", "/Notifications.json", StringComparison.Ordinal),
                ["recordings"] = uri.Replace(".json", "/Recordings.json", StringComparison.Ordinal),
                ["events"] = uri.Replace(".json", "/Events.json", StringComparison.Ordinal),
            },
            call.To, Formatted(call.To), null, uri, "0");
    }

    public static MessageResource Message(string accountSid, CloudMessage message, string status)
    {
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}.json";
        var date = TwilioTime.Rfc2822(message.Created);
        return new MessageResource(
            accountSid, "2010-04-01", message.Body, date, null, date, "outbound-api", null, null, message.From,
            message.Request.GetValueOrDefault("MessagingServiceSid"), "0", Segments(message.Body), null, "USD", message.Sid, status,
            new Dictionary<string, string> { ["media"] = uri.Replace(".json", "/Media.json", StringComparison.Ordinal) },
            message.To, uri);
    }

    /// <summary>Twilio's display form of a North American number: (613) 555-0123.</summary>
    public static string Formatted(string number) =>
        number is ['+', '1', .. var rest] && rest.Length == 10 && rest.All(char.IsAsciiDigit)
            ? $"({rest[..3]}) {rest[3..6]}-{rest[6..]}"
            : number;

    private static string Segments(string body) =>
        (body.Length <= 160 ? 1 : (body.Length + 152) / 153).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record CallResource(
    string AccountSid, string? Annotation, string? AnsweredBy, string ApiVersion, string? CallerName,
    string DateCreated, string DateUpdated, string Direction, string? Duration, string? EndTime,
    string? ForwardedFrom, string From, string FromFormatted, string? GroupSid, string? ParentCallSid, string? PhoneNumberSid,
    string? Price, string PriceUnit, string Sid, string? StartTime, string Status, IReadOnlyDictionary<string, string> SubresourceUris,
    string To, string ToFormatted, string? TrunkSid, string Uri, string QueueTime);

internal sealed record MessageResource(
    string AccountSid, string ApiVersion, string Body, string DateCreated, string? DateSent, string DateUpdated, string Direction,
    int? ErrorCode, string? ErrorMessage, string From, string? MessagingServiceSid, string NumMedia, string NumSegments,
    string? Price, string PriceUnit, string Sid, string Status, IReadOnlyDictionary<string, string> SubresourceUris, string To, string Uri);

/// <summary>Twilio's REST error body.</summary>
internal sealed record RestError(int Code, string Message, string MoreInfo, int Status)
{
    public static IResult Result(int status, int code, string message) =>
        Microsoft.AspNetCore.Http.Results.Json(new RestError(code, message, $"https://www.twilio.com/docs/errors/{code}", status), RestResources.Json, statusCode: status);
}
