using System.Net;
using System.Net.Sockets;
using Dapper;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>
/// The line with the console's test accounts, Twilio's REST API stubbed on loopback, and optionally a manual clock.
/// With <c>loopback</c>, on real sockets (Kestrel on 127.0.0.1), so each client can come from its own source
/// address (<see cref="From"/>): what the per-address throttling, the trusted-proxy rule and the audit's source
/// column see. The in-memory test server has no peer address at all.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string AuthToken = "local-dev-auth-token";

    private ConsoleHost(IvrHostFactory app, TwilioApiStub twilio) => (App, Twilio) = (app, twilio);

    public IvrHostFactory App { get; }

    public TwilioApiStub Twilio { get; }

    public static Task<ConsoleHost> StartAsync(IDictionary<string, string?>? settings = null, ManualTimeProvider? clock = null, bool embeddedApi = false, string? dataDirectory = null, bool loopback = false)
    {
        var twilio = TwilioApiStub.Start();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (dataDirectory is not null)
        {
            all["Storage:DataDirectory"] = dataDirectory;
        }

        var app = new IvrHostFactory(all, embeddedApi).WithConsoleAccounts().WithTwilio(twilio.BaseUrl);
        if (clock is not null)
        {
            app.WithClock(clock);
        }

        if (loopback)
        {
            app.OnLoopback();
        }

        return Task.FromResult(new ConsoleHost(app.Start(), twilio)); // started now, so tests measure their own steps
    }

    /// <summary>A browser at <paramref name="source"/> (e.g. 127.0.0.7) on a loopback host: its own cookies, redirects not followed.</summary>
    public ConsoleClient From(string source)
    {
        var cookies = new CookieContainer();
        return new ConsoleClient(Browser(source, cookies), cookies);
    }

    public T Service<T>()
        where T : notnull => App.Service<T>();

    /// <summary>A caller handed over by the call flow, as <c>CallTurns</c> records it.</summary>
    public async Task<Handoff> HandOverAsync(string callSid, Func<CallSession, CallSession>? details = null)
    {
        var session = new CallSession { CallSid = callSid, State = CallState.Agent, Handoff = HandoffReason.CallerAsked, CallerId = "+14165550123" };
        session = details?.Invoke(session) ?? session;
        var desk = Service<IHandoffDesk>();
        await desk.RecordAsync(session, CallState.ConfirmBirthDate, CancellationToken.None);
        return (await desk.GetAsync(callSid, CancellationToken.None))!;
    }

    public async Task<IReadOnlyList<AuditRow>> AuditAsync()
    {
        await using var connection = LineTestStorage.OpenRaw(App.Settings);
        return [.. await connection.QueryAsync<AuditRow>("SELECT agent AS Agent, action AS Action, call_sid AS CallSid, outcome AS Outcome, reference AS Reference, at AS At FROM agent_audit ORDER BY id")];
    }

    /// <summary>Every text column of every console table, for "no personal data here" checks.</summary>
    public async Task<string> ConsoleTablesTextAsync()
    {
        await using var connection = LineTestStorage.OpenRaw(App.Settings);
        var parts = new List<string>();
        foreach (var table in new[] { "agent_audit", "agent_sign_in_failures", "agent_bookings" })
        {
            parts.AddRange((await connection.QueryAsync(FormattableString.Invariant($"SELECT * FROM {table}"))).Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values)));
        }

        return string.Join("\n", parts);
    }

    /// <summary>A new call's first webhook, signed as Twilio signs it.</summary>
    public async Task<string> AnswerCallAsync(string callSid, string from = "+14165550188")
    {
        var form = new Dictionary<string, string> { ["CallSid"] = callSid, ["From"] = from, ["To"] = "+15550100000", ["CallStatus"] = "ringing" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/voice") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(AuthToken, "http://localhost/voice", form));
        using var client = App.CreateClient();
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Twilio.Dispose();
    }

    private HttpClient Browser(string source, CookieContainer cookies) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = cookies,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = App.BaseAddress };

    public sealed record AuditRow(string Agent, string Action, string? CallSid, string Outcome, string? Reference, long At);
}
