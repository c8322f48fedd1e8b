using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Tests.Support;

namespace PhoneBooking.SchedulingClient.Tests.Api;

/// <summary>The answers the call flow must speak, typed, as the real API gives them.</summary>
public sealed class ExpectedOutcomeTests : IAsyncLifetime
{
    private readonly string _callSid = "CA" + Guid.NewGuid().ToString("N");
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
    public async Task UnknownIds_AreNotFound()
    {
        Assert.Equal(SchedulingOutcome.NotFound, (await Client.GetBookingRequestAsync("br_unknown")).Outcome);
        Assert.Equal(SchedulingOutcome.NotFound, (await Client.AcceptOfferAsync("of_unknown", Key("accept", "of_unknown"))).Outcome);
        Assert.Equal(SchedulingOutcome.NotFound, (await Client.GetGroupVisitAsync("gv_unknown")).Outcome);
        Assert.Equal(SchedulingOutcome.NotFound, (await Client.LookUpBookingAsync(new BookingLookup("12345678", RealApi.SeniorBirthDate))).Outcome);
    }

    [Fact]
    public async Task Submit_SamePersonAgainUnderANewKey_IsDuplicateRequestNotAFailure()
    {
        await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), Key("submit"));

        var again = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), Key("submit", "again"));

        Assert.Equal(SchedulingOutcome.DuplicateRequest, again.Outcome);
        Assert.False(again.IsBackendFailure);
    }

    [Fact]
    public async Task Accept_AfterTheHoldRanOut_IsOfferExpired()
    {
        var offer = await OfferAsync();
        await Client.StartHoldAsync(offer.OfferId, Key("hold", offer.OfferId));
        _api.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var result = await Client.AcceptOfferAsync(offer.OfferId, Key("accept", offer.OfferId));

        Assert.Equal(SchedulingOutcome.OfferExpired, result.Outcome);
        Assert.Equal((409, "offer-expired"), (result.Problem!.Status, result.Problem.Slug));
    }

    [Fact]
    public async Task Decline_AfterAccept_IsOfferDecided()
    {
        var offer = await OfferAsync();
        await Client.AcceptOfferAsync(offer.OfferId, Key("accept", offer.OfferId));

        var result = await Client.DeclineOfferAsync(offer.OfferId, Key("decline", offer.OfferId));

        Assert.Equal(SchedulingOutcome.OfferDecided, result.Outcome);
    }

    [Fact]
    public async Task Cancel_TwiceWithDifferentKeys_IsBookingCancelled()
    {
        var offer = await OfferAsync();
        var booking = (await Client.AcceptOfferAsync(offer.OfferId, Key("accept", offer.OfferId))).Value!.Booking;
        var lookup = new BookingLookup(booking.ConfirmationCode, RealApi.SeniorBirthDate);
        await Client.CancelBookingAsync(lookup, Key("cancel"));

        var result = await Client.CancelBookingAsync(lookup, Key("cancel-2"));

        Assert.Equal(SchedulingOutcome.BookingCancelled, result.Outcome);
    }

    [Fact]
    public async Task Submit_SixPreferences_IsValidationNamingTheField()
    {
        var preferences = Enumerable.Repeat(new Preference(PartOfDay.Any), 6).ToArray();

        var result = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate, preferences), Key("submit"));

        Assert.Equal(SchedulingOutcome.Validation, result.Outcome);
        Assert.Contains("preferences", result.ValidationErrors.Keys);
    }

    [Fact]
    public async Task Eligibility_BirthDateInTheFuture_IsValidationOnBirthDate()
    {
        var result = await Client.CheckEligibilityAsync(new EligibilityQuery(new DateOnly(2030, 1, 1)));

        Assert.Equal(SchedulingOutcome.Validation, result.Outcome);
        Assert.Contains("birthDate", result.ValidationErrors.Keys);
    }

    [Fact]
    public async Task Submit_SameKeyOtherBody_IsIdempotencyKeyReused()
    {
        await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), Key("submit"));

        var result = await Client.SubmitBookingRequestAsync(Submissions.Phone(new DateOnly(1951, 1, 1)), Key("submit"));

        Assert.Equal(SchedulingOutcome.IdempotencyKeyReused, result.Outcome);
    }

    [Fact]
    public async Task Facility_WrongPins_CountDownThenWaitUntilATime()
    {
        var wrong = new FacilityCredentials(RealApi.FacilityCode, "0000");

        var first = await Client.VerifyFacilityAsync(wrong);
        for (var i = 0; i < 4; i++)
        {
            await Client.VerifyFacilityAsync(wrong);
        }

        var locked = await Client.VerifyFacilityAsync(new FacilityCredentials(RealApi.FacilityCode, RealApi.FacilityPin));

        Assert.Equal((SchedulingOutcome.FacilityCredentialsInvalid, 4), (first.Outcome, first.Problem!.AttemptsRemaining));
        Assert.Equal(SchedulingOutcome.FacilityLocked, locked.Outcome);
        Assert.Equal(_api.Clock.GetUtcNow().AddSeconds(2), locked.Problem!.LockedUntil); // a short delay that doubles, never a long lock
    }

    private IdempotencyKey Key(string step, params string[] qualifiers) => IdempotencyKey.For("phone", _callSid, step, qualifiers);

    private async Task<Offer> OfferAsync()
    {
        var submitted = await Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), Key("submit"));
        await _api.MatchAsync();
        return (await Client.GetBookingRequestAsync(submitted.Value!.RequestId)).Value!.Offer!;
    }
}
