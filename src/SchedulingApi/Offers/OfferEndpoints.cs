using PhoneBooking.SchedulingApi.Idempotency;

namespace PhoneBooking.SchedulingApi.Offers;

internal static class OfferEndpoints
{
    public static RouteGroupBuilder MapOfferEndpoints(this RouteGroupBuilder v1)
    {
        var offers = v1.MapGroup("/offers/{offerId}").WithTags("Offers");
        offers.MapPost("/accept", (string offerId, OfferService service, CancellationToken ct) => service.AcceptAsync(offerId, ct))
            .WithName("AcceptOffer").RequireIdempotencyKey().Produces<AcceptOfferResponse>().WithOfferProblems();
        offers.MapPost("/decline", (string offerId, OfferService service, CancellationToken ct) => service.DeclineAsync(offerId, ct))
            .WithName("DeclineOffer").RequireIdempotencyKey().Produces<DeclineOfferResponse>().WithOfferProblems();
        offers.MapPost("/hold", (string offerId, OfferService service, CancellationToken ct) => service.StartHoldAsync(offerId, ct))
            .WithName("StartOfferHold").RequireIdempotencyKey().Produces<OfferResponse>().WithOfferProblems();
        return v1;
    }

    private static RouteHandlerBuilder WithOfferProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
