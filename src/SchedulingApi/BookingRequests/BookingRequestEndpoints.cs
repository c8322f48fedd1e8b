using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.BookingRequests;

internal static class BookingRequestEndpoints
{
    public static RouteGroupBuilder MapBookingRequestEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/booking-requests", Submit).WithTags("Booking requests").WithName("SubmitBookingRequest")
            .RequireAuthorization(SecurityPolicies.SubmitRequests)
            .RequireRateLimiting(SecurityPolicies.BookingSubmissions)
            .RequireIdempotencyKey()
            .Accepts<BookingRequestBody>("application/json")
            .Produces<BookingRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapGet("/booking-requests/{requestId}", GetStatus).WithTags("Booking requests").WithName("GetBookingRequest")
            .RequireAuthorization(Scopes.RequestsRead)
            .Produces<BookingRequestStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Submit(
        JsonBody<BookingRequestBody> body,
        ApiClient client,
        BookingRequestService service,
        SecurityRefusals refusals,
        HttpContext http,
        SiteCatalog sites,
        BusinessCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        if (BookingRequestValidator.Validate(body.Value!, calendar.Today, sites, errors) is not { } request)
        {
            return Problems.Validation(errors);
        }

        // The web books for the person at the keyboard; only the phone line books on behalf of others.
        var scope = request.Channel == Channel.Web ? Scopes.RequestsSubmit : Scopes.RequestsSubmitOnBehalf;
        if (!client.Scopes.Contains(scope))
        {
            refusals.Record(http, StatusCodes.Status403Forbidden, SecurityReasons.ChannelNotAllowed);
            return Problems.ChannelNotAllowed(request.Channel.ToString().ToLowerInvariant(), scope);
        }

        if (await service.SubmitAsync(request, client, cancellationToken) is not { } accepted)
        {
            refusals.Record(http, StatusCodes.Status409Conflict, SecurityReasons.DuplicatePerson);
            return Problems.DuplicateRequest();
        }

        return TypedResults.Accepted($"/v1/booking-requests/{accepted.RequestId}", accepted);
    }

    private static async Task<IResult> GetStatus(string requestId, ApiClient client, BookingRequestService service, CancellationToken cancellationToken) =>
        await service.GetStatusAsync(requestId, client, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : Problems.NotFound("No booking request has this id.");
}
