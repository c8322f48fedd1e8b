using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.Twilio;
using PhoneBooking.Twilio.Rest;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The booking's text copy through Twilio's Messages API, only where the outbound policy allows
/// (the same number rules as calls; once per booking per call, however often 2 is pressed; a cap
/// per number and per call). A number that cannot take texts (a landline: Twilio error 21614) or
/// any sending failure is a "cannot text" the caller hears, never a failed call: the code was
/// already read twice.
/// </summary>
public sealed partial class TwilioBookingTexts(
    ITwilioRestClient twilio,
    LineSpeaker speaker,
    OutboundTexts outbound,
    LineClock lineClock,
    IOptionsMonitor<TwilioOptions> options,
    ILogger<TwilioBookingTexts> logger) : IBookingTexts
{
    public async Task<TextOutcome> SendConfirmationAsync(CallSession session, CancellationToken cancellationToken)
    {
        var to = session.CallbackNumber ?? session.CallerId;
        if (to is null || options.CurrentValue.PhoneNumber is not { Length: > 0 } from || session.Booking is null)
        {
            return TextOutcome.CannotText;
        }

        var clearance = await outbound.ClearAsync(session.CallSid, to, session.Booking.ConfirmationCode, cancellationToken);
        if (!clearance.Allowed)
        {
            return clearance.Refusal == TextClearance.AlreadySent ? TextOutcome.AlreadySent : TextOutcome.Refused;
        }

        var body = speaker.Text(Required.Value(Lines.SmsBody.For(session, lineClock.Context())), session.Locale);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = await MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(from), Body = body }, client: twilio);
            LogSent(logger, session.CallSid, message.Sid);
            return TextOutcome.Sent;
        }
        catch (TwilioException exception) when (exception is ApiException or ApiConnectionException)
        {
            // Twilio's own message can quote the number: only the code and status are logged.
            LogNotSent(logger, session.CallSid, TwilioFailure.Describe(exception));
            await outbound.NotSentAsync(clearance, CancellationToken.None);
            return TextOutcome.CannotText;
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Booking text for call {CallSid} sent as {MessageSid}")]
    private static partial void LogSent(ILogger logger, string callSid, string messageSid);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Booking text for call {CallSid} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string callSid, string reason);
}
