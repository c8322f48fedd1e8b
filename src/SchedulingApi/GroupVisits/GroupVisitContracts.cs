namespace PhoneBooking.SchedulingApi.GroupVisits;

public sealed record GroupVisitBody(
    string? FacilityCode,
    string? Pin,
    int? ResidentCount,
    int? StaffCount,
    List<DateOnly?>? PreferredDates,
    string? ContactPhone,
    string? Language);

public sealed record GroupVisitAccepted(string GroupVisitId, string Reference, GroupVisitStatus Status, int QueuePosition);

public sealed record GroupVisitResponse(string GroupVisitId, string Reference, GroupVisitStatus Status, DateOnly? VisitDate, string FacilityName);
