using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Deferred;

public enum DeferredStatus
{
    /// <summary>Saved while the scheduling API was down; not yet accepted by it.</summary>
    Pending,

    /// <summary>The API accepted it (202): <see cref="DeferredRequest.RequestId"/> is set.</summary>
    Submitted,

    /// <summary>The API refused it for good (validation, a key reused with another body): a person calls back instead.</summary>
    Rejected,
}

/// <summary>
/// A booking request taken while the scheduling API was down (by the phone line or an agent): the
/// exact submission and the idempotency key it would have been sent with, submitted when the API is
/// back. Holds personal data (birth date, phone): never logged; logs carry the key and the CallSid.
/// </summary>
public sealed record DeferredRequest(
    string IdempotencyKey,
    string CallSid,
    BookingRequestSubmission Submission,
    DeferredStatus Status,
    string? RequestId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);
