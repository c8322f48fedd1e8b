using System.Net.Http.Json;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Resilience;
using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Resilience;

public sealed class RetryTests : IAsyncLifetime
{
    private const string Sites = "GET /v1/sites";
    private const string SitesJson = """[{"id":"north-york","name":"North York Civic Centre","spokenName":"North York Civic Centre","address":"5100 Yonge St","timeZone":"America/Toronto"}]""";
    private const string AcceptedJson = """{"requestId":"br_1","status":"queued","queuePosition":4,"estimatedOfferAt":null,"eligibleFrom":null}""";

    private ApiStub _server = null!;
    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiStub.StartAsync();
        _harness = ClientHarness.Create(_server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Get_TransientFailuresThenSuccess_RetriesUntilSuccess()
    {
        _server.Script(Sites, Fault.Status(503), Fault.Status(500), Fault.Json(SitesJson));

        var result = await _harness.Client.GetSitesAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("North York Civic Centre", Assert.Single(result.Value).SpokenName);
        Assert.Equal(3, _server.CountOf(Sites));
    }

    [Fact]
    public async Task Get_ServerKeepsFailing_StopsAfterRetryCountWithServerError()
    {
        _server.Script(Sites, Fault.Status(500));

        var result = await _harness.Client.GetSitesAsync();

        Assert.Equal(SchedulingOutcome.BackendFailure, result.Outcome);
        Assert.Equal(BackendFailureReason.ServerError, result.Failure!.Reason);
        Assert.Equal("get-sites: HTTP 500 after 3 attempts", result.Failure.Detail);
        Assert.Equal(3, _server.CountOf(Sites));
    }

    [Fact]
    public async Task PostWithoutKey_ServerError_IsNeverRetried()
    {
        _server.Script("POST /v1/booking-requests", Fault.Status(503));

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/booking-requests") { Content = JsonContent.Create(new { channel = "phone" }) };
        using var response = await _harness.Http.SendAsync(request);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal(1, _server.CountOf("POST /v1/booking-requests"));
    }

    [Fact]
    public async Task PostWithoutKey_ConnectionRefused_IsNeverRetried()
    {
        await using var harness = ClientHarness.Create(FaultServer.ClosedPort());
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/offers/of_1/accept");

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Http.SendAsync(request));

        Assert.Equal(1, request.GetAttempts());
    }

    [Fact]
    public async Task Submit_TransientFailure_RetriesWithTheSameIdempotencyKey()
    {
        _server.Script("POST /v1/booking-requests", Fault.Status(503), Fault.Json(AcceptedJson, 202));
        var key = IdempotencyKey.For("phone", "CA0123456789abcdef0123456789abcdef", "submit");

        var result = await _harness.Client.SubmitBookingRequestAsync(Submissions.Phone(), key);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("br_1", result.Value.RequestId);
        var attempts = _server.Received.Where(r => r.Route == "POST /v1/booking-requests").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(key.Value, a.IdempotencyKey));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task ReadOnlyPost_TransientFailure_IsRetriedWithoutKey()
    {
        _server.Script("POST /v1/eligibility", Fault.Status(502), Fault.Json("""{"eligible":true,"cohort":"born-1956-or-earlier","opensOn":"2026-11-01"}"""));

        var result = await _harness.Client.CheckEligibilityAsync(new EligibilityQuery(new DateOnly(1950, 3, 23)));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(new DateOnly(2026, 11, 1), result.Value.OpensOn);
        var attempts = _server.Received.Where(r => r.Route == "POST /v1/eligibility").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("", a.IdempotencyKey));
    }

    [Theory]
    [InlineData(400, "validation")]
    [InlineData(401, "facility-credentials-invalid")]
    [InlineData(404, "not-found")]
    [InlineData(409, "offer-expired")]
    [InlineData(422, "idempotency-key-reused")]
    [InlineData(423, "facility-locked")]
    public async Task Get_ClientError_IsNotRetried(int status, string slug)
    {
        _server.Script(Sites, Fault.Problem(status, slug));

        var result = await _harness.Client.GetSitesAsync();

        Assert.False(result.IsBackendFailure);
        Assert.Equal(slug, result.Problem!.Slug);
        Assert.Equal(1, _server.CountOf(Sites));
    }

    [Theory]
    [InlineData(408, BackendFailureReason.ServerError)]
    [InlineData(429, BackendFailureReason.Throttled)]
    public async Task Get_RequestTimeoutOrTooManyRequests_IsRetried(int status, BackendFailureReason reason)
    {
        _server.Script(Sites, Fault.Status(status));

        var result = await _harness.Client.GetSitesAsync();

        Assert.Equal(reason, result.Failure!.Reason);
        Assert.Equal(3, _server.CountOf(Sites));
    }

    [Fact]
    public async Task Get_ResetMidBody_IsRetriedBecauseTheBodyIsReadInsideTheAttempt()
    {
        // WireMock cannot drop a connection mid-body: the raw fault server can.
        await using var server = await FaultServer.StartAsync();
        server.Script(Sites, Fault.ResetMidBody(), Fault.ResetMidBody(), Fault.Json(SitesJson));
        await using var harness = ClientHarness.Create(server.BaseAddress);

        var result = await harness.Client.GetSitesAsync();
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(3, server.CountOf(Sites));
    }

    [Fact]
    public async Task Get_MalformedJson_IsAMalformedResponseFailureWithoutRetry()
    {
        _server.Script("GET /v1/booking-requests/br_1", Fault.MalformedJson());

        var result = await _harness.Client.GetBookingRequestAsync("br_1");

        Assert.Equal(BackendFailureReason.MalformedResponse, result.Failure!.Reason);
        Assert.StartsWith("get-booking-request: HTTP 200 body is not a BookingRequestStatus", result.Failure.Detail);
        Assert.Equal(1, _server.CountOf("GET /v1/booking-requests/br_1"));
    }

    [Fact]
    public async Task Get_ConnectionRefused_IsRetriedThenAConnectionFailure()
    {
        await using var harness = ClientHarness.Create(FaultServer.ClosedPort());

        var result = await harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.ConnectionFailed, result.Failure!.Reason);
        Assert.Equal("get-sites: connection failed (ConnectionRefused) after 3 attempts", result.Failure.Detail);
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanTheBudgetLeft_FailsAtOnceWithoutWaiting()
    {
        _server.Script(Sites, Fault.Status(503, retryAfterSeconds: 30));
        var started = TimeProvider.System.GetTimestamp();

        var result = await _harness.Client.GetSitesAsync();

        Assert.Equal("get-sites: HTTP 503 (Retry-After 30 s) after 1 attempt", result.Failure!.Detail);
        Assert.Equal(1, _server.CountOf(Sites));
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(6), "waited out the 12 s budget instead of failing fast");
    }
}
