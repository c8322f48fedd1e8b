using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Offers;

/// <summary>Builds offer and booking responses: joins the window and the site, renders times in the site's zone.</summary>
internal sealed class Views(IWindowStore windows, SiteCatalog sites, IOptions<MatchingOptions> matching)
{
    public async Task<OfferResponse> OfferAsync(Offer offer, CancellationToken cancellationToken)
    {
        var window = await windows.GetAsync(offer.WindowId, cancellationToken)
            ?? throw new InvalidOperationException($"Offer {offer.Id} refers to missing window {offer.WindowId}.");
        var site = sites.Get(window.SiteId);
        return new OfferResponse(
            offer.Id,
            site.Site.Id,
            site.Site.Name,
            site.Site.SpokenName,
            site.ToLocal(window.Start),
            site.ToLocal(window.End),
            offer.OfferedAt,
            offer.HoldStartedAt,
            offer.ExpiresAt,
            matching.Value.HoldMinutes,
            offer.Status);
    }

    public async Task<BookingResponse> BookingAsync(Booking booking, CancellationToken cancellationToken)
    {
        var window = await windows.GetAsync(booking.WindowId, cancellationToken)
            ?? throw new InvalidOperationException($"A booking refers to missing window {booking.WindowId}.");
        var site = sites.Get(window.SiteId);
        return new BookingResponse(
            booking.ConfirmationCode,
            booking.RequestId,
            site.Site.Id,
            site.Site.Name,
            site.Site.SpokenName,
            site.ToLocal(window.Start),
            site.ToLocal(window.End),
            booking.Status);
    }
}
