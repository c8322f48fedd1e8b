using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Bookings;

internal static class BookingEndpoints
{
    public static RouteGroupBuilder MapBookingEndpoints(this RouteGroupBuilder v1)
    {
        // POSTs, so the code and the birth date never appear in a URL or an access log. Both are guesses
        // of a birth date for a code (or of a code): slowed per code and per client, in a transaction.
        v1.MapPost("/bookings/lookup", Lookup).WithTags("Bookings").WithName("LookUpBooking")
            .RequireAuthorization(Scopes.BookingsLookup)
            .InWriteTransaction()
            .Accepts<BookingLookupBody>("application/json")
            .Produces<BookingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapPost("/bookings/cancel", Cancel).WithTags("Bookings").WithName("CancelBooking")
            .RequireAuthorization(Scopes.BookingsCancel)
            .RequireIdempotencyKey()
            .Accepts<BookingLookupBody>("application/json")
            .Produces<BookingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return v1;
    }

    private static async Task<IResult> Lookup(
        JsonBody<BookingLookupBody> body, ApiClient client, BookingService service, GuessThrottle throttle, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        if (Validate(body, calendar, out var code, out var birthDate) is { } problem)
        {
            return problem;
        }

        var (booking, refusal) = await FindAsync(code, birthDate, client, service, throttle, cancellationToken);
        return booking is null ? refusal! : TypedResults.Ok(await service.ViewAsync(booking, cancellationToken));
    }

    private static async Task<IResult> Cancel(
        JsonBody<BookingLookupBody> body, ApiClient client, BookingService service, GuessThrottle throttle, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        if (Validate(body, calendar, out var code, out var birthDate) is { } problem)
        {
            return problem;
        }

        var (booking, refusal) = await FindAsync(code, birthDate, client, service, throttle, cancellationToken);
        return booking is null ? refusal! : await service.CancelAsync(booking, cancellationToken);
    }

    /// <summary>The booking these match, or why not: the guess must wait (429), or it was wrong (404, counted).</summary>
    private static async Task<(Booking? Booking, IResult? Refusal)> FindAsync(
        string code, DateOnly birthDate, ApiClient client, BookingService service, GuessThrottle throttle, CancellationToken cancellationToken)
    {
        if (await throttle.CheckAsync(GuessKind.ConfirmationCode, code, client, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        if (await service.FindAsync(code, birthDate, cancellationToken) is not { } booking)
        {
            await throttle.FailedAsync(GuessKind.ConfirmationCode, code, client, cancellationToken);
            return (null, Problems.NotFound("No booking matches this confirmation code and birth date."));
        }

        await throttle.SucceededAsync(GuessKind.ConfirmationCode, code, cancellationToken);
        return (booking, null);
    }

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
