using System.Net;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.Twilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>What became of one create-call request.</summary>
public abstract record PlaceResult
{
    public sealed record Placed(string CallSid) : PlaceResult;

    /// <summary>Twilio did not act (rate limit, outage, our credentials): try again later, not a miss.</summary>
    public sealed record Declined(string Reason, TimeSpan RetryAfter) : PlaceResult;

    /// <summary>Twilio will not call this number (invalid, unreachable, not permitted).</summary>
    public sealed record Rejected(string Reason) : PlaceResult;

    /// <summary>Twilio refused this one request as a failed call would be: counts as a miss.</summary>
    public sealed record Failed(string Reason) : PlaceResult;

    /// <summary>No answer from the API: the call may or may not exist. Never dialled again blindly.</summary>
    public sealed record InDoubt(string Reason) : PlaceResult;
}

/// <summary>
/// Asks Twilio to place one callback call: from the line's number, our answer, status and machine
/// detection URLs (callback id and attempt only), asynchronous machine detection, the ring timeout.
/// </summary>
public sealed class OutboundCallPlacer(IServiceProvider services, OutboundUrls urls, IOptionsMonitor<CallbackOptions> options, IOptionsMonitor<TwilioOptions> twilio)
{
    /// <summary>Twilio's "this number cannot be called" codes: invalid To, unreachable, geo permission, blocked, invalid format.</summary>
    private static readonly HashSet<int> NumberRejected = [13223, 13224, 21211, 21214, 21215, 21216, 21217];

    public CreateCallOptions Options(ClaimedAttempt attempt)
    {
        var current = options.CurrentValue;
        return new CreateCallOptions(new PhoneNumber(attempt.Phone), new PhoneNumber(twilio.CurrentValue.PhoneNumber!))
        {
            Url = urls.Answer(attempt.CallbackId, attempt.Number),
            Method = HttpMethod.Post,
            FallbackUrl = urls.Fallback,
            StatusCallback = urls.Status(attempt.CallbackId, attempt.Number),
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            StatusCallbackMethod = HttpMethod.Post,
            MachineDetection = current.MachineDetection,
            AsyncAmd = "true",
            AsyncAmdStatusCallback = urls.Amd(attempt.CallbackId, attempt.Number),
            AsyncAmdStatusCallbackMethod = HttpMethod.Post,
            Timeout = current.RingTimeoutSeconds,
        };
    }

    public async Task<PlaceResult> PlaceAsync(ClaimedAttempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = await CallResource.CreateAsync(Options(attempt), client: services.GetRequiredService<ITwilioRestClient>());
            return new PlaceResult.Placed(call.Sid);
        }
        catch (ApiException e) when (NumberRejected.Contains(e.Code))
        {
            return new PlaceResult.Rejected($"{RefusalReasons.TwilioRejected}-{e.Code}");
        }
        catch (ApiException e) when (e.Status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable)
        {
            return new PlaceResult.Declined($"twilio-http-{e.Status}", TimeSpan.FromMinutes(1));
        }
        catch (ApiException e) when (e.Status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound)
        {
            return new PlaceResult.Declined($"twilio-http-{e.Status}", TimeSpan.FromMinutes(5));
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
            return new PlaceResult.Failed($"twilio-error-{e.Code}");
        }
        catch (ApiException e)
        {
            // A 5xx, or a body that was not Twilio's error JSON (the SDK then knows no status): the call may exist.
            return new PlaceResult.InDoubt($"twilio-http-{e.Status}");
        }
        catch (ApiConnectionException e)
        {
            // No answer after the request left: Twilio may have placed the call.
            return new PlaceResult.InDoubt(e.InnerException?.GetType().Name ?? e.GetType().Name);
        }
        catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Twilio:AccountSid or AuthToken missing: nothing was sent.
            return new PlaceResult.Declined(e.Message, TimeSpan.FromMinutes(5));
        }
    }
}
