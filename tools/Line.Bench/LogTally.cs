using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// The in-process line's log, counted instead of printed: a thousand calls would bury the report
/// under JSON lines, but how many retries, breaker trips or failures there were is the story.
/// </summary>
internal sealed class LogTally : ILoggerProvider
{
    private readonly ConcurrentDictionary<(LogLevel Level, string Category, string Event), int> _counts = new();
    private readonly ConcurrentDictionary<(LogLevel Level, string Category, string Event), string> _examples = new();

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Reset() => _counts.Clear();

    /// <summary>Warnings and worse, the most frequent first, each with one example message.</summary>
    public IEnumerable<string> Summary() => _counts
        .OrderByDescending(c => c.Value)
        .Select(c => $"{c.Value,7} × {c.Key.Level} {c.Key.Category}/{c.Key.Event}: {_examples[c.Key]}");

    public void Dispose()
    {
    }

    private sealed class Counter(LogTally tally, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var key = (logLevel, category, eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            tally._counts.AddOrUpdate(key, 1, (_, count) => count + 1);
            tally._examples.TryAdd(key, formatter(state, exception));
        }
    }
}
