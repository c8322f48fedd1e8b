namespace PhoneBooking.Twilio.Rest;

/// <summary>The parts of Twilio's Call resource the line reads (JSON is snake_case).</summary>
public sealed record CallResource(
    string Sid,
    string? AccountSid,
    string? Status,
    string? Direction,
    string? AnsweredBy,
    string? ParentCallSid)
{
    /// <summary>Twilio's call statuses (SDK: <c>CallResource.StatusEnum</c>).</summary>
    public static class Statuses
    {
        public const string Queued = "queued";
        public const string Ringing = "ringing";
        public const string InProgress = "in-progress";
        public const string Completed = "completed";
        public const string Busy = "busy";
        public const string Failed = "failed";
        public const string NoAnswer = "no-answer";
        public const string Canceled = "canceled";
    }
}
