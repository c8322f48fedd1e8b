using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Facilities;

public sealed record FacilityCredentialsBody(string? FacilityCode, string? Pin);

public sealed record FacilityResponse(string FacilityId, string Name, string SpokenName);

internal static class FacilityEndpoints
{
    public static RouteGroupBuilder MapFacilityEndpoints(this RouteGroupBuilder v1)
    {
        // No Idempotency-Key (it is a check), but a transaction: wrong PINs are counted.
        v1.MapPost("/facilities/verify", Verify).WithTags("Facilities").WithName("VerifyFacility")
            .RequireAuthorization(Scopes.FacilitiesVerify)
            .InWriteTransaction()
            .Accepts<FacilityCredentialsBody>("application/json")
            .Produces<FacilityResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return v1;
    }

    /// <summary>Validates the code and PIN format: digits typed on a phone keypad.</summary>
    public static void ValidateCredentials(Dictionary<string, string[]> errors, string? code, string? pin)
    {
        FieldRules.Digits(errors, "facilityCode", code, 4, 10);
        FieldRules.Digits(errors, "pin", pin, 4, 8);
    }

    private static async Task<IResult> Verify(JsonBody<FacilityCredentialsBody> body, ApiClient client, FacilityAuthenticator authenticator, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        ValidateCredentials(errors, body.Value!.FacilityCode, body.Value.Pin);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var signIn = await authenticator.SignInAsync(body.Value.FacilityCode!, body.Value.Pin!, client, cancellationToken);
        return signIn.Facility is { } facility
            ? TypedResults.Ok(new FacilityResponse(facility.Id, facility.Name, facility.SpokenName))
            : signIn.Problem!;
    }
}
