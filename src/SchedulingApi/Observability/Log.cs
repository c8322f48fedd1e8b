using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Observability;

/// <summary>Every log line of the API, structured, with ids only: no birth date, name, health card, phone, code or PIN.</summary>
internal static partial class Log
{
    [LoggerMessage(2, LogLevel.Information, "Seed applied: {SiteCount} sites, {WindowsAdded} new windows, {FacilitiesAdded} new facilities")]
    public static partial void SeedApplied(this ILogger logger, int siteCount, int windowsAdded, int facilitiesAdded);

    [LoggerMessage(10, LogLevel.Information, "Booking request {RequestId} accepted via {Channel} as {Status}")]
    public static partial void RequestAccepted(this ILogger logger, string requestId, Channel channel, RequestStatus status);

    [LoggerMessage(11, LogLevel.Information, "Booking request {RequestId} closed after {OffersMade} offers")]
    public static partial void RequestClosed(this ILogger logger, string requestId, int offersMade);

    [LoggerMessage(12, LogLevel.Information, "{Count} booking requests queued: their group opened")]
    public static partial void RequestsEligible(this ILogger logger, int count);

    [LoggerMessage(20, LogLevel.Information, "Offer {OfferId} made to request {RequestId} for window {WindowId}")]
    public static partial void OfferMade(this ILogger logger, string offerId, string requestId, long windowId);

    [LoggerMessage(21, LogLevel.Information, "Offer {OfferId} of request {RequestId} released as {Outcome}")]
    public static partial void OfferReleased(this ILogger logger, string offerId, string requestId, string outcome);

    [LoggerMessage(22, LogLevel.Information, "Offer {OfferId} hold started for request {RequestId}")]
    public static partial void HoldStarted(this ILogger logger, string offerId, string requestId);

    [LoggerMessage(30, LogLevel.Information, "Booking confirmed for request {RequestId} (offer {OfferId})")]
    public static partial void BookingConfirmed(this ILogger logger, string requestId, string offerId);

    [LoggerMessage(31, LogLevel.Information, "Booking of request {RequestId} cancelled")]
    public static partial void BookingCancelled(this ILogger logger, string requestId);

    [LoggerMessage(40, LogLevel.Warning, "Facility sign-in failed ({AttemptsBeforeDelay} attempts left before each must wait, known facility: {KnownFacility})")]
    public static partial void FacilitySignInFailed(this ILogger logger, int attemptsBeforeDelay, bool knownFacility);

    [LoggerMessage(50, LogLevel.Information, "Group visit {GroupVisitId} queued for facility {FacilityId}")]
    public static partial void GroupVisitQueued(this ILogger logger, string groupVisitId, string facilityId);

    [LoggerMessage(51, LogLevel.Information, "Group visit {GroupVisitId} is now {Status}")]
    public static partial void GroupVisitCompleted(this ILogger logger, string groupVisitId, string status);

    [LoggerMessage(60, LogLevel.Debug, "Matcher pass: {Expired} expired, {Promoted} eligible, {Offered} offered, {GroupVisits} group visits in {ElapsedMs} ms")]
    public static partial void MatcherPass(this ILogger logger, int expired, int promoted, int offered, int groupVisits, long elapsedMs);

    [LoggerMessage(61, LogLevel.Error, "Matcher pass failed; retrying on the next wake-up")]
    public static partial void MatcherFailed(this ILogger logger, Exception exception);

    [LoggerMessage(70, LogLevel.Information, "Replayed the stored response of an idempotency key on {Scope}")]
    public static partial void IdempotentReplay(this ILogger logger, string scope);

    [LoggerMessage(71, LogLevel.Warning, "Database busy or unavailable; answered 503")]
    public static partial void DatabaseUnavailable(this ILogger logger, Exception exception);
}
