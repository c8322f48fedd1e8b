using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Eligibility;

public sealed record EligibilityRequest(DateOnly? BirthDate, string? PostalCode);

public sealed record EligibilityResponse(bool Eligible, string Cohort, DateOnly? OpensOn);

internal static class EligibilityEndpoints
{
    public static RouteGroupBuilder MapEligibilityEndpoints(this RouteGroupBuilder v1)
    {
        // A read-only POST: the birth date travels in the body, never in a URL.
        v1.MapPost("/eligibility", Check).WithTags("Eligibility").WithName("CheckEligibility").RequireAuthorization(Scopes.CatalogRead)
            .Accepts<EligibilityRequest>("application/json")
            .Produces<EligibilityResponse>()
            .ProducesValidationProblem();
        return v1;
    }

    private static IResult Check(JsonBody<EligibilityRequest> body, EligibilityPolicy policy, BusinessCalendar calendar)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var birthDate = FieldRules.BirthDate(errors, "birthDate", body.Value!.BirthDate, calendar.Today);
        var postalCode = FieldRules.PostalCode(errors, "postalCode", body.Value.PostalCode);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var decision = policy.Decide(birthDate!.Value, postalCode);
        return TypedResults.Ok(new EligibilityResponse(decision.Eligible, decision.Cohort, decision.OpensOn));
    }
}
