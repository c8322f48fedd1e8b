using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.Events;

public sealed record EventResponse(long Id, string Type, DateTimeOffset OccurredAt, string? RequestId, string? OfferId, Channel? Channel, string? GroupVisitId);

/// <summary><c>nextCursor</c>: pass it as <c>after</c> next time (it stays at <c>after</c> when there is nothing new).</summary>
public sealed record EventPage(IReadOnlyList<EventResponse> Events, long NextCursor);

internal static class EventEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/events", Read).WithTags("Events").WithName("ReadEvents").RequireAuthorization(Scopes.EventsRead)
            .Produces<EventPage>()
            .ProducesValidationProblem();
        return v1;
    }

    /// <summary>Only the events of the client's own requests and group visits: another's ids are not its to follow.</summary>
    private static async Task<IResult> Read(string? after, string? limit, ApiClient client, IEventStore events, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValues.TryLong(after, "after", 0, long.MaxValue, errors, out var afterId);
        QueryValues.TryLong(limit, "limit", 1, MaxLimit, errors, out var pageSize);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var cursor = afterId ?? 0;
        var page = await events.ReadAsync(cursor, (int)(pageSize ?? DefaultLimit), client.Name, cancellationToken);
        return TypedResults.Ok(new EventPage(
            [.. page.Select(e => new EventResponse(e.Id, e.Type, e.OccurredAt, e.RequestId, e.OfferId, e.Channel, e.GroupVisitId))],
            page.Count == 0 ? cursor : page[^1].Id));
    }
}
