using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Offers;

internal static class OfferEndpoints
{
    public static RouteGroupBuilder MapOfferEndpoints(this RouteGroupBuilder v1)
    {
        // Only offers made to the client's own requests: another's look like an unknown id.
        var offers = v1.MapGroup("/offers/{offerId}").WithTags("Offers").RequireAuthorization(Scopes.OffersDecide);
        offers.MapPost("/accept", (string offerId, ApiClient client, OfferService service, CancellationToken ct) => service.AcceptAsync(offerId, client, ct))
            .WithName("AcceptOffer").RequireIdempotencyKey().Produces<AcceptOfferResponse>().WithOfferProblems();
        offers.MapPost("/decline", (string offerId, ApiClient client, OfferService service, CancellationToken ct) => service.DeclineAsync(offerId, client, ct))
            .WithName("DeclineOffer").RequireIdempotencyKey().Produces<DeclineOfferResponse>().WithOfferProblems();
        offers.MapPost("/hold", (string offerId, ApiClient client, OfferService service, CancellationToken ct) => service.StartHoldAsync(offerId, client, ct))
            .WithName("StartOfferHold").RequireIdempotencyKey().Produces<OfferResponse>().WithOfferProblems();
        return v1;
    }

    private static RouteHandlerBuilder WithOfferProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
