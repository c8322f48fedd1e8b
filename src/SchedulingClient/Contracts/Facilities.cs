namespace PhoneBooking.SchedulingClient.Contracts;

public sealed record FacilityCredentials(string FacilityCode, string Pin);

public sealed record Facility(string FacilityId, string Name, string SpokenName);

/// <summary>Body of <c>POST /v1/group-visits</c>.</summary>
/// <param name="PreferredDates">1–5, ranked.</param>
public sealed record GroupVisitSubmission(
    string FacilityCode,
    string Pin,
    int ResidentCount,
    int StaffCount,
    IReadOnlyList<DateOnly> PreferredDates,
    string ContactPhone,
    string Language);

/// <param name="Reference">6 digits the coordinator can quote.</param>
public sealed record GroupVisitAccepted(string GroupVisitId, string Reference, GroupVisitStatus Status, int? QueuePosition);

public sealed record GroupVisit(string GroupVisitId, string Reference, GroupVisitStatus Status, DateOnly? VisitDate, string? FacilityName);
