using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.BookingRequests;

internal static class BookingRequestEndpoints
{
    public static RouteGroupBuilder MapBookingRequestEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/booking-requests", Submit).WithTags("Booking requests").WithName("SubmitBookingRequest")
            .RequireIdempotencyKey()
            .Accepts<BookingRequestBody>("application/json")
            .Produces<BookingRequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        v1.MapGet("/booking-requests/{requestId}", GetStatus).WithTags("Booking requests").WithName("GetBookingRequest")
            .Produces<BookingRequestStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> Submit(
        JsonBody<BookingRequestBody> body,
        BookingRequestService service,
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

        var accepted = await service.SubmitAsync(request, cancellationToken);
        return TypedResults.Accepted($"/v1/booking-requests/{accepted.RequestId}", accepted);
    }

    private static async Task<IResult> GetStatus(string requestId, BookingRequestService service, CancellationToken cancellationToken) =>
        await service.GetStatusAsync(requestId, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : Problems.NotFound("No booking request has this id.");
}
