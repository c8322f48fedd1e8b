using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage;

/// <summary>Queue positions come from per-block counts kept by triggers; they must equal a plain count.</summary>
public sealed class QueuePositionTests : ApiTest
{
    [Fact]
    public async Task Position_ManyBlocksWithGaps_EqualsCountOfQueuedAhead()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var store = scope.ServiceProvider.GetRequiredService<IBookingRequestStore>();
        await unitOfWork.BeginAsync(CancellationToken.None);

        var requests = new List<(string Id, long Seq)>();
        for (var i = 0; i < 3000; i++)
        {
            var request = new BookingRequest(
                0, $"br_test{i}", i % 50 == 0 ? RequestStatus.AwaitingEligibility : RequestStatus.Queued, Channel.Web, HoldStart.OnOffer,
                "en-CA", new DateOnly(1950, 1, 1), null, null, null, "+14165550123", [Preference.Anything], "seniors", null, 0, null, null, TestSettings.Start);
            requests.Add((request.Id, await store.InsertAsync(request, CancellationToken.None)));
        }

        foreach (var (id, _) in requests.Where((_, i) => i % 3 == 1))
        {
            await store.MarkOfferedAsync(id, "of_x", TestSettings.Start, CancellationToken.None);
        }

        foreach (var (id, _) in requests.Where((_, i) => i % 9 == 1))
        {
            await store.ReturnFromOfferAsync(id, RequestStatus.Queued, TestSettings.Start, CancellationToken.None);
        }

        var queued = requests.Select((r, i) => (r.Seq, Queued: i % 50 != 0 && (i % 3 != 1 || i % 9 == 1))).ToList();
        Assert.Equal(queued.Count(q => q.Queued), await store.CountQueuedAsync(CancellationToken.None));
        foreach (var (seq, isQueued) in queued.Where((_, i) => i % 37 == 0 || i > 2990))
        {
            if (isQueued)
            {
                Assert.Equal(queued.Count(q => q.Queued && q.Seq <= seq), await store.GetQueuePositionAsync(seq, CancellationToken.None));
            }
        }

        await unitOfWork.RollbackAsync();
    }
}
