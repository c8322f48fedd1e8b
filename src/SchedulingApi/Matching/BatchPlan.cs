using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Matching;

/// <summary>
/// The windows chosen for one batch of queued requests, worked out in memory from the open windows read once
/// for the batch, so a batch costs the same few statements however many it offers. Each request, in arrival
/// order, gets the earliest window with room of its best-ranked preference that has one, else the earliest
/// window with room anywhere — never one it was offered before. Places are counted down as they are chosen.
/// What was read may be stale where other instances write at the same time, so the chosen windows are then
/// claimed (<see cref="Settle"/>): a window another instance holds is dropped from this batch, one with fewer
/// places than chosen keeps its earliest arrivals, and the requests that lost their window choose again.
/// </summary>
internal sealed class BatchPlan(IReadOnlyList<OpenWindow> windows, ILookup<string, long> offeredBefore)
{
    private readonly Dictionary<long, int> _room = windows.ToDictionary(w => w.Id, w => w.Remaining);
    private readonly HashSet<long> _claimed = [];
    private readonly SortedList<long, (BookingRequest Request, long WindowId)> _placed = []; // by arrival (seq)

    /// <summary>Requests with a window, in arrival order.</summary>
    public IEnumerable<(BookingRequest Request, long WindowId)> Placements => _placed.Values;

    /// <summary>Places this batch takes from each window.</summary>
    public IReadOnlyDictionary<long, int> PlacesTaken => _placed.Values.GroupBy(p => p.WindowId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>False once every window the batch saw is full or held elsewhere: the rest of the queue would find nothing either.</summary>
    public bool AnyRoomLeft => _room.Values.Any(places => places > 0);

    /// <summary>Windows chosen and not claimed yet.</summary>
    public IReadOnlyCollection<long> Unclaimed => [.. _placed.Values.Select(p => p.WindowId).Distinct().Where(id => !_claimed.Contains(id))];

    /// <summary>Chooses a window for each of <paramref name="requests"/> (in arrival order) that can have one.</summary>
    public void Place(IEnumerable<BookingRequest> requests)
    {
        foreach (var request in requests)
        {
            if (Choose(request) is { } windowId)
            {
                _room[windowId]--;
                _placed[request.Seq] = (request, windowId);
            }
        }
    }

    /// <summary>
    /// Applies a claim of <paramref name="asked"/>: <paramref name="claimed"/> holds the places each window really has
    /// (now locked by this transaction); a window missing from it is held by another instance. Returns the requests
    /// that lost their window, in arrival order, to place again.
    /// </summary>
    public IReadOnlyList<BookingRequest> Settle(IReadOnlyCollection<long> asked, IReadOnlyDictionary<long, int> claimed)
    {
        var displaced = new List<BookingRequest>();
        foreach (var windowId in asked)
        {
            var places = claimed.GetValueOrDefault(windowId); // held elsewhere: none for this batch
            var chosen = _placed.Values.Where(p => p.WindowId == windowId).Select(p => p.Request).ToList(); // arrival order
            foreach (var request in chosen.Skip(places))
            {
                _placed.Remove(request.Seq);
                displaced.Add(request);
            }

            _room[windowId] = Math.Max(0, places - chosen.Count);
            _claimed.Add(windowId);
        }

        return [.. displaced.OrderBy(r => r.Seq)];
    }

    private long? Choose(BookingRequest request)
    {
        var before = offeredBefore[request.Id];
        foreach (var preference in request.Preferences.Append(Preference.Anything))
        {
            foreach (var window in windows)
            {
                if (_room[window.Id] > 0 && Matches(window, preference) && !before.Contains(window.Id))
                {
                    return window.Id;
                }
            }
        }

        return null;
    }

    private static bool Matches(OpenWindow window, Preference preference) =>
        (preference.SiteId is null || string.Equals(window.SiteId, preference.SiteId, StringComparison.Ordinal))
        && (preference.Date is null || window.LocalDate == preference.Date)
        && (preference.DayOfWeek is null || window.LocalDay == preference.DayOfWeek)
        && preference.PartOfDay switch
        {
            PartOfDay.Morning => window.LocalHour < 12,
            PartOfDay.Afternoon => window.LocalHour is >= 12 and < 17,
            PartOfDay.Evening => window.LocalHour >= 17,
            _ => true,
        };
}
