using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Tests.Support;

namespace PhoneBooking.SchedulingClient.Tests.Api;

/// <summary>Each operation of the contract against the real API, through the real client.</summary>
public sealed class HappyPathTests : IAsyncLifetime
{
    private RealApi _api = null!;
    private ClientHarness _harness = null!;

    private ISchedulingClient Client => _harness.Client;

    public async Task InitializeAsync()
    {
        _api = await RealApi.StartAsync();
        _harness = ClientHarness.Create(_api.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Eligibility_Senior_IsEligibleWithTheCohortOpeningDate()
    {
        var result = await Client.CheckEligibilityAsync(new EligibilityQuery(RealApi.SeniorBirthDate, "M5V 2T6"));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new Eligibility(true, "seniors", new DateOnly(2026, 11, 1)), result.Value);
    }

    [Fact]
    public async Task SitesAndAvailability_ListTheConfiguredSiteAndItsWindows()
    {
        var sites = await Client.GetSitesAsync();
        var windows = await Client.GetAvailabilityAsync(new AvailabilityQuery(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), RealApi.SiteId));

        var site = Assert.Single(sites.Value!);
        Assert.Equal((RealApi.SiteId, "America/Toronto"), (site.Id, site.TimeZone));
        Assert.True(windows.IsSuccess, windows.ToString());
        Assert.NotEmpty(windows.Value);
        Assert.All(windows.Value, w => Assert.Equal((RealApi.SiteId, TimeSpan.FromHours(1)), (w.SiteId, w.End - w.Start)));
    }

    [Fact]
    public async Task Booking_SubmitHoldAcceptLookUpCancel_EachStepAnswersTyped()
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var submitted = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), IdempotencyKey.For("phone", callSid, "submit"));
        Assert.True(submitted.IsSuccess, submitted.ToString());
        Assert.Equal(RequestStatus.Queued, submitted.Value.Status);

        await _api.MatchAsync();
        var status = await Client.GetBookingRequestAsync(submitted.Value.RequestId);
        var offer = status.Value!.Offer!;
        Assert.Equal((RequestStatus.Offered, Channel.Phone, OfferStatus.Pending), (status.Value.Status, status.Value.Channel, offer.Status));
        Assert.Null(offer.HoldStartedAt);

        var held = await Client.StartHoldAsync(offer.OfferId, IdempotencyKey.For("phone", callSid, "hold", offer.OfferId));
        Assert.Equal(_api.Clock.GetUtcNow(), held.Value!.HoldStartedAt);
        Assert.Equal(_api.Clock.GetUtcNow().AddMinutes(10), held.Value.ExpiresAt);

        var accepted = await Client.AcceptOfferAsync(offer.OfferId, IdempotencyKey.For("phone", callSid, "accept", offer.OfferId));
        Assert.True(accepted.IsSuccess, accepted.ToString());
        var booking = accepted.Value.Booking;
        Assert.Matches("^[0-9]{8}$", booking.ConfirmationCode);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);

        var lookup = new BookingLookup(booking.ConfirmationCode, RealApi.SeniorBirthDate);
        var found = await Client.LookUpBookingAsync(lookup);
        Assert.Equal((booking.ConfirmationCode, submitted.Value.RequestId, offer.WindowStart), (found.Value!.ConfirmationCode, found.Value.RequestId, found.Value.WindowStart));

        var cancelled = await Client.CancelBookingAsync(lookup, IdempotencyKey.For("phone", callSid, "cancel", booking.ConfirmationCode));
        Assert.Equal(BookingStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(BookingStatus.Cancelled, (await Client.LookUpBookingAsync(lookup)).Value!.Status);
    }

    [Fact]
    public async Task Decline_ReleasesTheOfferAndRequeuesTheRequest()
    {
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var submitted = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), IdempotencyKey.For("phone", callSid, "submit"));
        await _api.MatchAsync();
        var offer = (await Client.GetBookingRequestAsync(submitted.Value!.RequestId)).Value!.Offer!;

        var declined = await Client.DeclineOfferAsync(offer.OfferId, IdempotencyKey.For("phone", callSid, "decline", offer.OfferId));

        Assert.True(declined.IsSuccess, declined.ToString());
        Assert.Equal(new OfferDeclined(submitted.Value.RequestId, RequestStatus.Queued, 2), declined.Value);
    }

    [Fact]
    public async Task GroupVisit_VerifySubmitAndStatus()
    {
        var credentials = new FacilityCredentials(RealApi.FacilityCode, RealApi.FacilityPin);
        var verified = await Client.VerifyFacilityAsync(credentials);
        Assert.Equal("Maple Grove Residence", verified.Value!.SpokenName);

        var submission = new GroupVisitSubmission(RealApi.FacilityCode, RealApi.FacilityPin, 40, 12, [new DateOnly(2026, 12, 1)], "+14165550123", "en-CA");
        var submitted = await Client.SubmitGroupVisitAsync(submission, IdempotencyKey.For("phone", "CA" + Guid.NewGuid().ToString("N"), "group-visit"));
        Assert.True(submitted.IsSuccess, submitted.ToString());
        Assert.Matches("^[0-9]{6}$", submitted.Value.Reference);

        var visit = await Client.GetGroupVisitAsync(submitted.Value.GroupVisitId);
        Assert.Equal((submitted.Value.Reference, "Maple Grove Residence"), (visit.Value!.Reference, visit.Value.FacilityName));
    }

    [Fact]
    public async Task Events_AfterAnOffer_CarryIdsAndAdvanceTheCursor()
    {
        var submitted = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), IdempotencyKey.For("phone", "CA" + Guid.NewGuid().ToString("N"), "submit"));
        await _api.MatchAsync();

        var page = await Client.GetEventsAsync(after: 0);
        var made = Assert.Single(page.Value!.Events, e => e.Type == SchedulingEventTypes.OfferMade);
        Assert.Equal((submitted.Value!.RequestId, Channel.Phone), (made.RequestId, made.Channel));
        Assert.Empty((await Client.GetEventsAsync(page.Value.NextCursor)).Value!.Events);
    }

    [Fact]
    public async Task Readiness_DatabaseAnswers_IsReady()
    {
        var result = await Client.CheckReadinessAsync();

        Assert.True(result.Value!.IsReady);
    }
}
