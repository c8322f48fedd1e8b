namespace PhoneBooking.SchedulingApi.GroupVisits;

public enum GroupVisitStatus
{
    Queued,
    Scheduled,
    Unavailable,
}

public sealed record GroupVisit(
    long Seq,
    string Id,
    string Reference,
    string FacilityId,
    int ResidentCount,
    int StaffCount,
    IReadOnlyList<DateOnly> PreferredDates,
    string ContactPhone,
    string Language,
    GroupVisitStatus Status,
    DateOnly? VisitDate,
    DateTimeOffset CreatedAt);
