using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Tests.Support;

namespace PhoneBooking.SchedulingClient.Tests.Api;

/// <summary>A submit repeated by the pipeline, or by a restarted line, creates one request on the real API.</summary>
public sealed class IdempotentSubmitTests : IAsyncLifetime
{
    private readonly IdempotencyKey _key = IdempotencyKey.For("phone", "CA" + Guid.NewGuid().ToString("N"), "submit");
    private RealApi _api = null!;

    public async Task InitializeAsync() => _api = await RealApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Submit_ResponseLostAfterTheApiCommitted_RetryIsReplayedAndOneRequestExists()
    {
        var dropper = new DropFirstResponseHandler();
        await using var harness = ClientHarness.Create(_api.BaseAddress, http: builder => builder.AddHttpMessageHandler(() => dropper));

        var result = await harness.Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), _key);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal([false, true], dropper.Replayed);
        await AssertOneRequestOfferedAsync(harness.Client, result.Value.RequestId);
    }

    [Fact]
    public async Task Submit_RepeatedAfterARestartOfTheLine_ReturnsTheSameRequest()
    {
        string firstId;
        await using (var before = ClientHarness.Create(_api.BaseAddress))
        {
            firstId = (await before.Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), _key)).Value!.RequestId;
        }

        await using var after = ClientHarness.Create(_api.BaseAddress);
        var again = await after.Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), _key);

        Assert.Equal(firstId, again.Value!.RequestId);
        await AssertOneRequestOfferedAsync(after.Client, firstId);
    }

    [Fact]
    public async Task Submit_AnotherStep_IsAnotherRequest()
    {
        await using var harness = ClientHarness.Create(_api.BaseAddress);

        var first = await harness.Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate), _key);
        var second = await harness.Client.SubmitBookingRequestAsync(Submissions.Phone(RealApi.SeniorBirthDate, contactPhone: "+14165550124"), IdempotencyKey.For("phone", "CA-other", "submit"));

        Assert.NotEqual(first.Value!.RequestId, second.Value!.RequestId);
    }

    /// <summary>The matcher offers every queued request: one offer.made event means one request.</summary>
    private async Task AssertOneRequestOfferedAsync(ISchedulingClient client, string requestId)
    {
        await _api.MatchAsync();
        var events = (await client.GetEventsAsync(after: 0)).Value!.Events;
        Assert.Equal(requestId, Assert.Single(events, e => e.Type == SchedulingEventTypes.OfferMade).RequestId);
    }

    /// <summary>Inner to the resilience handler: lets the first attempt reach the API, then loses its answer, as a dropped connection would.</summary>
    private sealed class DropFirstResponseHandler : DelegatingHandler
    {
        public List<bool> Replayed { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Replayed.Add(response.Headers.TryGetValues("Idempotency-Replayed", out var values) && values.Contains("true"));
            if (Replayed.Count == 1)
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection dropped after the request was sent");
            }

            return response;
        }
    }
}
