using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.GroupVisits;

internal static class GroupVisitEndpoints
{
    private const int MaxPreferredDates = 5;
    private const int MaxPeople = 1000;

    public static RouteGroupBuilder MapGroupVisitEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/group-visits", Submit).WithTags("Group visits").WithName("SubmitGroupVisit")
            .RequireAuthorization(Scopes.GroupVisits)
            .RequireIdempotencyKey()
            .Accepts<GroupVisitBody>("application/json")
            .Produces<GroupVisitAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapGet("/group-visits/{groupVisitId}", Get).WithTags("Group visits").WithName("GetGroupVisit")
            .RequireAuthorization(Scopes.GroupVisits)
            .Produces<GroupVisitResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Submit(JsonBody<GroupVisitBody> body, ApiClient client, GroupVisitService service, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var visit = Validate(body.Value!, calendar.Today, errors);
        return visit is null ? Problems.Validation(errors) : await service.SubmitAsync(visit, client, cancellationToken);
    }

    private static async Task<IResult> Get(string groupVisitId, ApiClient client, GroupVisitService service, CancellationToken cancellationToken) =>
        await service.GetAsync(groupVisitId, client, cancellationToken) is { } visit
            ? TypedResults.Ok(visit)
            : Problems.NotFound("No group visit has this id.");

    private static ValidGroupVisit? Validate(GroupVisitBody body, DateOnly today, Dictionary<string, string[]> errors)
    {
        FacilityEndpoints.ValidateCredentials(errors, body.FacilityCode, body.Pin);
        Count(errors, "residentCount", body.ResidentCount);
        Count(errors, "staffCount", body.StaffCount);
        if (body.ResidentCount + body.StaffCount == 0)
        {
            errors["residentCount"] = ["residents and staff together must be at least 1."];
        }

        var dates = new List<DateOnly>();
        if (body.PreferredDates is null || body.PreferredDates.Count is 0 or > MaxPreferredDates)
        {
            errors["preferredDates"] = [$"must list 1 to {MaxPreferredDates} dates."];
        }
        else
        {
            for (var i = 0; i < body.PreferredDates.Count; i++)
            {
                if (body.PreferredDates[i] is not { } date || date <= today || date > today.AddDays(366))
                {
                    errors[$"preferredDates[{i}]"] = ["must be a date (yyyy-MM-dd) from tomorrow to a year ahead."];
                }
                else
                {
                    dates.Add(date);
                }
            }
        }

        var phone = FieldRules.ContactPhone(errors, "contactPhone", body.ContactPhone);
        var language = FieldRules.Language(errors, "language", body.Language);
        return errors.Count > 0
            ? null
            : new ValidGroupVisit(body.FacilityCode!, body.Pin!, body.ResidentCount ?? 0, body.StaffCount ?? 0, [.. dates.Distinct()], phone!, language);
    }

    private static void Count(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is null or < 0 or > MaxPeople)
        {
            errors[field] = [$"is required: a whole number from 0 to {MaxPeople}."];
        }
    }
}
