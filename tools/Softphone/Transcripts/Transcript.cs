using System.Text;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Transcripts;

/// <summary>
/// Everything that happened on one call, in order, with timings: what was heard, what was pressed or said,
/// every webhook with its latency, every error Twilio would have logged.
/// </summary>
public sealed class Transcript
{
    private readonly Lock _gate = new();
    private readonly List<TranscriptEntry> _entries = [];
    private readonly Action<TranscriptEntry>? _listener;

    public Transcript(Action<TranscriptEntry>? listener = null) => _listener = listener;

    public IReadOnlyList<TranscriptEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Every request made to the line (TwiML fetches and callbacks), with status and latency.</summary>
    public IReadOnlyList<WebhookExchange> Webhooks => [.. Entries.Where(e => e.Exchange is not null).Select(e => e.Exchange!)];

    public IReadOnlyList<TwilioNotification> Notifications =>
        [.. Entries.Where(e => e.Notification is not null).Select(e => e.Notification!)];

    /// <summary>Each Say and Play line as shown (Say text with its language and voice when not the default; Play URL).</summary>
    public IReadOnlyList<string> Heard => [.. Entries.Where(e => e.Kind is TranscriptKind.Say or TranscriptKind.Play).Select(e => e.Text)];

    /// <summary>Every Say, with what the line said of it.</summary>
    public IReadOnlyList<SpokenPrompt> Spoken => [.. Entries.Where(e => e.Speech is not null).Select(e => e.Speech!)];

    public void Add(TranscriptEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _listener?.Invoke(entry);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var entry in Entries)
        {
            text.AppendLine(entry.ToString());
        }

        return text.ToString();
    }
}
