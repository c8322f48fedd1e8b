using System.Reflection;
using System.Runtime.CompilerServices;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Board;

namespace PhoneBooking.IvrHost.AgentConsole;

/// <summary>The console's non-page routes: the live-update stream and its two static assets.</summary>
public static class AgentConsoleEndpoints
{
    public const string EventsPath = "/console/events";

    /// <summary>Sent even when nothing changed, so proxies keep the stream open and a dead one is noticed.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapAgentConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(EventsPath, Events).RequireAuthorization(AgentRoles.AgentPolicy).WithTags("AgentConsole");
        app.MapGet("/console/assets/{name}", Asset).AllowAnonymous().WithTags("AgentConsole");
        return app;
    }

    /// <summary>Server-sent events: <c>changed</c> with the board's version; the page refetches its part when the version is new.</summary>
    private static IResult Events(BoardWatcher watcher, AgentConsoleMetrics metrics, IHostApplicationLifetime lifetime, HttpContext http) =>
        TypedResults.ServerSentEvents(StreamAsync(watcher, metrics, http.RequestAborted, lifetime.ApplicationStopping), eventType: "changed");

    private static async IAsyncEnumerable<string> StreamAsync(
        BoardWatcher watcher, AgentConsoleMetrics metrics, CancellationToken aborted, CancellationToken stopping, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        // Ends with the request, or when the host stops (an open stream must not hold up shutdown).
        using var done = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, enumeration);
        using var watching = watcher.Watch();
        metrics.StreamOpened();
        try
        {
            string? seen = null;
            while (true)
            {
                try
                {
                    if (seen is null)
                    {
                        await FirstCheckAsync(watcher, done.Token);
                    }

                    seen = await watcher.NextAsync(seen, Heartbeat, done.Token);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return seen;
            }
        }
        finally
        {
            metrics.StreamClosed();
        }
    }

    /// <summary>A failed first read is not the stream's end: the poll publishes as soon as a read works.</summary>
    private static async Task FirstCheckAsync(BoardWatcher watcher, CancellationToken cancellationToken)
    {
        try
        {
            await watcher.CheckAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged by the poll when it fails the same way.
        }
    }

    private static IResult Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var contentType))
        {
            return TypedResults.NotFound();
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"AgentConsole.Assets.{name}")
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded in the assembly.");
        return TypedResults.Stream(stream, contentType);
    }
}
