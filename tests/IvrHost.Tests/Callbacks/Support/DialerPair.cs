using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Support;

/// <summary>
/// Two lines on one data folder (one SQLite file, or one PostgreSQL database) and one clock, each with its own
/// Twilio: what "each callback is placed once" is checked against, whichever instance claims it.
/// </summary>
internal sealed class DialerPair : IDisposable
{
    /// <param name="dataDirectory">The folder both share; null: the first host's own temp folder.</param>
    public DialerPair(ManualTimeProvider clock, string? dataDirectory = null, IDictionary<string, string?>? settings = null, StorageProvider? provider = null)
    {
        Clock = clock;
        First = new DialerHost(clock, dataDirectory, settings, provider: provider);
        Second = new DialerHost(clock, First.DataDirectory, settings, provider: provider);
    }

    public ManualTimeProvider Clock { get; }

    public DialerHost First { get; }

    public DialerHost Second { get; }

    /// <summary>Every call either instance placed, by the callback id in its URL.</summary>
    public IReadOnlyList<string?> Placed => [.. First.Twilio.Calls.Concat(Second.Twilio.Calls).Select(c => c.QueryOf("Url", "callback"))];

    /// <summary>Saves <paramref name="count"/> offer callbacks (phones <paramref name="phonePrefix"/>0000…) whose offers are made; their ids.</summary>
    public async Task<IReadOnlyList<string>> SaveOffersAsync(int count, string phonePrefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var callback = DialerHost.Callback($"{phonePrefix}{i:D4}", CallbackKind.Offer, requestId: $"br_{i}", callSid: $"CA{i:D32}");
            ids.Add(callback.Id);
            await First.SaveAsync(callback);
            await First.OfferMadeAsync($"br_{i}", eventId: i + 1);
        }

        return ids;
    }

    /// <summary>Both dialers pass at the same moment, the clock moving <paramref name="step"/> between rounds, until <paramref name="count"/> calls are placed.</summary>
    public async Task PassBothUntilPlacedAsync(int count, TimeSpan step, int rounds)
    {
        for (var round = 0; round < rounds && First.Twilio.Calls.Count + Second.Twilio.Calls.Count < count; round++)
        {
            await Task.WhenAll(First.PassAsync(), Second.PassAsync());
            Clock.Advance(step);
        }
    }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}
