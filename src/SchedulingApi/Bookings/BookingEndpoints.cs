using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Idempotency;

namespace PhoneBooking.SchedulingApi.Bookings;

internal static class BookingEndpoints
{
    public static RouteGroupBuilder MapBookingEndpoints(this RouteGroupBuilder v1)
    {
        // POSTs, so the code and the birth date never appear in a URL or an access log.
        v1.MapPost("/bookings/lookup", Lookup).WithTags("Bookings").WithName("LookUpBooking")
            .Accepts<BookingLookupBody>("application/json")
            .Produces<BookingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/bookings/cancel", Cancel).WithTags("Bookings").WithName("CancelBooking")
            .RequireIdempotencyKey()
            .Accepts<BookingLookupBody>("application/json")
            .Produces<BookingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<IResult> Lookup(JsonBody<BookingLookupBody> body, BookingService service, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        if (Validate(body, calendar, out var code, out var birthDate) is { } problem)
        {
            return problem;
        }

        return await service.FindAsync(code, birthDate, cancellationToken) is { } booking
            ? TypedResults.Ok(await service.ViewAsync(booking, cancellationToken))
            : Problems.NotFound("No booking matches this confirmation code and birth date.");
    }

    private static async Task<IResult> Cancel(JsonBody<BookingLookupBody> body, BookingService service, BusinessCalendar calendar, CancellationToken cancellationToken) =>
        Validate(body, calendar, out var code, out var birthDate) ?? await service.CancelAsync(code, birthDate, cancellationToken);

    private static IResult? Validate(JsonBody<BookingLookupBody> body, BusinessCalendar calendar, out string code, out DateOnly birthDate)
    {
        code = "";
        birthDate = default;
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var validCode = FieldRules.Digits(errors, "confirmationCode", body.Value!.ConfirmationCode, 6, 8);
        var validBirthDate = FieldRules.BirthDate(errors, "birthDate", body.Value.BirthDate, calendar.Today);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        code = validCode!;
        birthDate = validBirthDate!.Value;
        return null;
    }
}
