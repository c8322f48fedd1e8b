using System.Text.Json.Nodes;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests;

/// <summary>Corners of the mapping the real API does not produce on demand; the usual outcomes are tested against it (Api/).</summary>
public sealed class ResponseMappingTests : IAsyncLifetime
{
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
    public async Task NotFoundWithoutProblemDetails_IsNotFound()
    {
        _server.Script("GET /v1/group-visits/gv_1", Fault.Json("", 404));

        var result = await _harness.Client.GetGroupVisitAsync("gv_1");

        Assert.Equal(SchedulingOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task ProblemTheContractDoesNotList_IsAnUnexpectedResponseFailure()
    {
        _server.Script("POST /v1/offers/of_1/accept", Fault.Problem(400, "idempotency-key-missing"));

        var result = await _harness.Client.AcceptOfferAsync("of_1", IdempotencyKey.For("phone", "CA1", "accept", "of_1"));

        Assert.Equal(BackendFailureReason.UnexpectedResponse, result.Failure!.Reason);
        Assert.Equal("accept-offer: HTTP 400 idempotency-key-missing", result.Failure.Detail);
    }

    [Fact]
    public async Task SuccessWithJsonNull_IsAMalformedResponse()
    {
        _server.Script("GET /v1/sites", Fault.Json("null"));

        var result = await _harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.MalformedResponse, result.Failure!.Reason);
    }

    [Fact]
    public async Task UnknownEnumValue_IsAMalformedResponseNamingThePath()
    {
        _server.Script("GET /v1/group-visits/gv_1", Fault.Json("""{"groupVisitId":"gv_1","reference":"731904","status":"postponed"}"""));

        var result = await _harness.Client.GetGroupVisitAsync("gv_1");

        Assert.Equal(BackendFailureReason.MalformedResponse, result.Failure!.Reason);
        Assert.Contains("$.status", result.Failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_503_IsAnAnswerNotAFailure()
    {
        _server.Script("GET /health/ready", Fault.Status(503));

        var result = await _harness.Client.CheckReadinessAsync();

        Assert.True(result.IsSuccess);
        Assert.False(result.Value.IsReady);
    }

    [Fact]
    public async Task Writes_SendTheContractsJson()
    {
        _server.Script("POST /v1/booking-requests", Fault.Json("""{"requestId":"br_1","status":"queued","queuePosition":1}""", 202));
        var submission = Submissions.Phone(preferences: [new Preference(PartOfDay.Morning, Date: new DateOnly(2026, 11, 24)), new Preference(PartOfDay.Afternoon, DayOfWeek: DayOfWeek.Thursday)]);

        await _harness.Client.SubmitBookingRequestAsync(submission, IdempotencyKey.For("phone", "CA1", "submit"));

        var expected = JsonNode.Parse(
            """{"person":{"birthDate":"1950-03-23","name":"Ada Lovelace","healthCardNumber":"1234-567-890-AB","language":"en-CA"},"preferences":[{"partOfDay":"morning","date":"2026-11-24"},{"partOfDay":"afternoon","dayOfWeek":"thursday"}],"channel":"phone","contactPhone":"+14165550123","holdStart":"onDelivery"}""");
        var sent = JsonNode.Parse(Assert.Single(_server.Received).Body);
        Assert.True(JsonNode.DeepEquals(expected, sent), sent?.ToJsonString());
    }
}
