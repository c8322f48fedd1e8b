using System.Globalization;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage.Integrity;

namespace PhoneBooking.SchedulingApi.Reconciliation;

/// <summary>
/// The scheduling API's data checked against the rules its transactions keep (docs/operations.md,
/// "Reconcile"): places, offers, bookings and the events consumers read. Each check is one read-only
/// statement, so it sees one consistent state of the database even while the API runs. The SQL is the
/// same on SQLite and PostgreSQL.
/// </summary>
internal sealed class SchedulingReconciler(IStoreSession db)
{
    public async Task<IReadOnlyList<IntegrityCheck>> RunAsync(CancellationToken cancellationToken) =>
    [
        await CheckAsync("capacity", "bookings and held offers of a window within its capacity", WindowsAsync(overbooked: true, cancellationToken)),
        await CheckAsync("remaining", "a window's remaining places = capacity - bookings - held offers", WindowsAsync(overbooked: false, cancellationToken)),
        await CheckAsync("one-offer", "at most one pending offer per request, and it is the offer of a request in 'offered'", OneOfferAsync(cancellationToken)),
        await CheckAsync("offers-bookings", "an accepted offer has its booking, a booking its accepted offer, a booked request its confirmed booking", OffersAndBookingsAsync(cancellationToken)),
        await CheckAsync("events", "every offer, booking, cancellation, decline and expiry has its event, and every event its offer", EventsAsync(cancellationToken)),
    ];

    private static async Task<IntegrityCheck> CheckAsync(string name, string rule, Task<IEnumerable<string>> findings) =>
        new(name, rule, [.. await findings]);

    private async Task<IEnumerable<string>> WindowsAsync(bool overbooked, CancellationToken cancellationToken)
    {
        var used = "coalesce(b.n, 0) + coalesce(o.n, 0)";
        var rows = await db.QueryAsync<WindowRow>(
            $"""
            SELECT w.id AS Id, w.site_id AS SiteId, w.start_ms AS StartMs, w.capacity AS Capacity, w.remaining AS Remaining,
                   coalesce(b.n, 0) AS Booked, coalesce(o.n, 0) AS Held
            FROM windows w
            LEFT JOIN (SELECT window_id, count(*) AS n FROM bookings WHERE status = 'confirmed' GROUP BY window_id) b ON b.window_id = w.id
            LEFT JOIN (SELECT window_id, count(*) AS n FROM offers WHERE status = 'pending' GROUP BY window_id) o ON o.window_id = w.id
            WHERE {(overbooked ? $"{used} > w.capacity" : $"w.remaining <> w.capacity - ({used})")}
            ORDER BY w.start_ms, w.site_id
            """,
            null,
            cancellationToken);
        return rows.Select(w => overbooked
            ? Inv($"window {w.Id} ({w.SiteId}, {DateTimeOffset.FromUnixTimeMilliseconds(w.StartMs):yyyy-MM-dd HH:mm}Z): {w.Booked} booked + {w.Held} held > capacity {w.Capacity}")
            : Inv($"window {w.Id} ({w.SiteId}, {DateTimeOffset.FromUnixTimeMilliseconds(w.StartMs):yyyy-MM-dd HH:mm}Z): remaining {w.Remaining}, but capacity {w.Capacity} - {w.Booked} booked - {w.Held} held = {w.Capacity - w.Booked - w.Held}"));
    }

    private async Task<IEnumerable<string>> OneOfferAsync(CancellationToken cancellationToken)
    {
        var several = await db.QueryAsync<IdCount>(
            "SELECT request_id AS Id, count(*) AS N FROM offers WHERE status = 'pending' GROUP BY request_id HAVING count(*) > 1 ORDER BY request_id",
            null,
            cancellationToken);
        var withoutOffer = await db.QueryAsync<string>(
            """
            SELECT r.id FROM booking_requests r
            WHERE r.status = 'offered' AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.id = r.current_offer_id AND o.request_id = r.id AND o.status = 'pending')
            ORDER BY r.id
            """,
            null,
            cancellationToken);
        var stray = await db.QueryAsync<IdStatus>(
            """
            SELECT o.id AS Id, r.id AS Other, r.status AS Status FROM offers o JOIN booking_requests r ON r.id = o.request_id
            WHERE o.status = 'pending' AND (r.status <> 'offered' OR r.current_offer_id IS NULL OR r.current_offer_id <> o.id)
            ORDER BY o.id
            """,
            null,
            cancellationToken);
        return several.Select(r => Inv($"request {r.Id}: {r.N} pending offers"))
            .Concat(withoutOffer.Select(id => $"request {id}: 'offered' without its current offer pending"))
            .Concat(stray.Select(o => $"offer {o.Id}: pending, but its request {o.Other} is '{o.Status}' with another current offer or none"));
    }

    private async Task<IEnumerable<string>> OffersAndBookingsAsync(CancellationToken cancellationToken)
    {
        var acceptedAlone = await db.QueryAsync<string>(
            "SELECT o.id FROM offers o LEFT JOIN bookings b ON b.offer_id = o.id WHERE o.status = 'accepted' AND b.offer_id IS NULL ORDER BY o.id",
            null,
            cancellationToken);
        var bookingMismatch = await db.QueryAsync<IdStatus>(
            """
            SELECT b.offer_id AS Id, b.request_id AS Other, o.status AS Status FROM bookings b JOIN offers o ON o.id = b.offer_id
            WHERE o.status <> 'accepted' OR o.window_id <> b.window_id OR o.request_id <> b.request_id
            ORDER BY b.offer_id
            """,
            null,
            cancellationToken);
        var bookedAlone = await db.QueryAsync<string>(
            """
            SELECT r.id FROM booking_requests r LEFT JOIN bookings b ON b.request_id = r.id AND b.status = 'confirmed'
            WHERE r.status = 'booked' AND b.request_id IS NULL ORDER BY r.id
            """,
            null,
            cancellationToken);
        var requestNotBooked = await db.QueryAsync<IdStatus>(
            """
            SELECT b.offer_id AS Id, r.id AS Other, r.status AS Status FROM bookings b JOIN booking_requests r ON r.id = b.request_id
            WHERE b.status = 'confirmed' AND r.status <> 'booked' ORDER BY b.offer_id
            """,
            null,
            cancellationToken);
        return acceptedAlone.Select(id => $"offer {id}: accepted, but no booking")
            .Concat(bookingMismatch.Select(b => $"booking of offer {b.Id}: its offer is '{b.Status}', or of another window or request than the booking ({b.Other})"))
            .Concat(bookedAlone.Select(id => $"request {id}: 'booked' without a confirmed booking"))
            .Concat(requestNotBooked.Select(b => $"booking of offer {b.Id}: confirmed, but its request {b.Other} is '{b.Status}'"));
    }

    private async Task<IEnumerable<string>> EventsAsync(CancellationToken cancellationToken)
    {
        // Each kind of fact and the event type that announces it; one anti-join each on the events of that type.
        (string Facts, string Type, string What)[] expected =
        [
            ("SELECT id AS offer_id FROM offers", "offer.made", "offer {0}: no offer.made event"),
            ("SELECT offer_id FROM bookings", "booking.confirmed", "booking of offer {0}: no booking.confirmed event"),
            ("SELECT offer_id FROM bookings WHERE status = 'cancelled'", "booking.cancelled", "booking of offer {0}: cancelled, no booking.cancelled event"),
            ("SELECT id AS offer_id FROM offers WHERE status = 'declined'", "offer.declined", "offer {0}: declined, no offer.declined event"),
            ("SELECT id AS offer_id FROM offers WHERE status = 'expired'", "offer.expired", "offer {0}: expired, no offer.expired event"),
        ];
        var findings = new List<string>();
        foreach (var (facts, type, what) in expected)
        {
            var missing = await db.QueryAsync<string>(
                $"""
                SELECT f.offer_id FROM ({facts}) f
                LEFT JOIN (SELECT DISTINCT offer_id FROM events WHERE type = @type) e ON e.offer_id = f.offer_id
                WHERE e.offer_id IS NULL ORDER BY f.offer_id
                """,
                new { type },
                cancellationToken);
            findings.AddRange(missing.Select(id => string.Format(CultureInfo.InvariantCulture, what, id)));
        }

        var orphans = await db.QueryAsync<IdStatus>(
            """
            SELECT e.offer_id AS Id, CAST(e.id AS TEXT) AS Other, e.type AS Status FROM events e LEFT JOIN offers o ON o.id = e.offer_id
            WHERE e.offer_id IS NOT NULL AND o.id IS NULL ORDER BY e.id
            """,
            null,
            cancellationToken);
        findings.AddRange(orphans.Select(e => $"event {e.Other} ({e.Status}): its offer {e.Id} does not exist"));
        return findings;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class WindowRow
    {
        public long Id { get; init; }

        public string SiteId { get; init; } = "";

        public long StartMs { get; init; }

        public long Capacity { get; init; }

        public long Remaining { get; init; }

        public long Booked { get; init; }

        public long Held { get; init; }
    }

    private sealed class IdCount
    {
        public string Id { get; init; } = "";

        public long N { get; init; }
    }

    private sealed class IdStatus
    {
        public string Id { get; init; } = "";

        public string Other { get; init; } = "";

        public string Status { get; init; } = "";
    }
}
