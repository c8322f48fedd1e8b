using System.Net;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class LiveUpdatesTests
{
    [Fact]
    public async Task Events_SendTheBoardVersion_ThenANewOneWhenACallerIsHandedOver_OnTheNextTick()
    {
        var clock = new ManualTimeProvider();
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:RefreshInterval"] = "00:00:02" }, clock);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await alice.Http.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await NextEventAsync(events, timeout.Token);

        // Written by the call flow (any instance), not by the console: found by the poll. Nothing else
        // publishes in between (the clock stands still, nobody acts in the console), so the next event is the tick's.
        await host.HandOverAsync("CA33333333333333333333333333333333");
        clock.Advance(TimeSpan.FromSeconds(2));
        var second = await NextEventAsync(events, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("changed", first.Type);
        Assert.NotEqual(first.Data, second.Data);
        Assert.Contains("claim-CA33333333333333333333333333333333", await alice.PageAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardFragment_IsTheBoardAlone_ForTheScriptToSwapIn()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.HandOverAsync("CA44444444444444444444444444444444");
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console?handler=Board");
        request.Headers.Add("X-Console-Fragment", "1");

        using var response = await alice.Http.SendAsync(request);
        var html = await ConsoleClient.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("data-summary=\"1 caller waiting, 0 callback requests.\"", html, StringComparison.Ordinal);
        Assert.Contains("claim-CA44444444444444444444444444444444", html, StringComparison.Ordinal);
    }

    private static async Task<(string Type, string Data)> NextEventAsync(StreamReader events, CancellationToken cancellationToken)
    {
        string? type = null, data = null;
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (type ?? "message", data);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }
}
