namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>Body of <c>POST /v1/eligibility</c>; the birth date travels in the body, never the URL.</summary>
public sealed record EligibilityQuery(DateOnly BirthDate, string? PostalCode = null);

/// <param name="OpensOn">When the person's group opens; null when it has no date yet.</param>
public sealed record Eligibility(bool Eligible, string? Cohort, DateOnly? OpensOn);
