using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Twilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// After the last unanswered retry: one text with the line's number (callback.final_sms), sent at most
/// once, and only where the outbound policy allows (its per-number cap counts these too). The offer
/// itself is left to the API, which expires it on its own clock: we neither decline it nor guess its
/// fate. A landline that cannot take texts is recorded, not retried.
/// </summary>
public sealed class FinalNotices(
    IServiceProvider services,
    ICallbackQueue queue,
    OutboundTexts outbound,
    PromptCatalog prompts,
    IOptionsMonitor<CallbackOptions> options,
    IOptionsMonitor<TwilioOptions> twilio,
    DialerMetrics metrics,
    ILogger<FinalNotices> logger)
{
    public async Task SendAsync(DueCallback callback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await queue.TryStartNoticeAsync(callback.Id, now, cancellationToken))
        {
            return;
        }

        var result = options.CurrentValue.FinalSms ? await TextAsync(callback, cancellationToken) : "final-sms-off";
        await queue.NoticeDoneAsync(callback.Id, result, now, cancellationToken);
        metrics.Notice(result);
        DialerLog.FinalNotice(logger, callback.Id, result);
    }

    private async Task<string> TextAsync(DueCallback callback, CancellationToken cancellationToken)
    {
        var clearance = await outbound.ClearAsync(callback.Id, callback.Phone, "final-notice", cancellationToken);
        if (!clearance.Allowed)
        {
            return $"final-sms-refused-{clearance.Refusal}";
        }

        var line = twilio.CurrentValue.PhoneNumber!;
        var text = Lines.LineNumber(Lines.FinalText, line);
        var body = prompts.RenderText(text.Id, callback.Locale, text.Arguments);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await MessageResource.CreateAsync(
                new CreateMessageOptions(new PhoneNumber(callback.Phone)) { From = new PhoneNumber(line), Body = body },
                client: services.GetRequiredService<ITwilioRestClient>());
            return "final-sms-sent";
        }
        catch (TwilioException e) when (e is ApiException or ApiConnectionException)
        {
            await outbound.NotSentAsync(clearance, CancellationToken.None);
            return e is ApiException { Code: > 0 } twilioError ? $"final-sms-failed-{twilioError.Code}" : "final-sms-failed";
        }
    }
}
