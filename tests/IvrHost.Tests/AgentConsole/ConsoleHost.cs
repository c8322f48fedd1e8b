using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>The line with the test accounts, Twilio's REST API stubbed on loopback, and optionally a manual clock.</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    public const string AuthToken = "local-dev-auth-token";

    private ConsoleHost(IvrHostFactory factory, WebApplicationFactory<Program> app, TwilioApiStub twilio)
    {
        Factory = factory;
        App = app;
        Twilio = twilio;
    }

    public IvrHostFactory Factory { get; }

    public WebApplicationFactory<Program> App { get; }

    public TwilioApiStub Twilio { get; }

    public static async Task<ConsoleHost> StartAsync(IDictionary<string, string?>? settings = null, ManualTimeProvider? clock = null, bool embeddedApi = false, string? dataDirectory = null)
    {
        var twilio = TwilioApiStub.Start();
        var all = ConsoleAccounts.Settings(settings);
        all["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString();
        if (dataDirectory is not null)
        {
            all["Storage:DataDirectory"] = dataDirectory;
        }

        var factory = new IvrHostFactory(all, embeddedApi);
        var app = clock is null ? factory : factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        _ = app.Server; // start now, so tests measure their own steps
        return new ConsoleHost(factory, app, twilio);
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

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
        await using var connection = LineTestStorage.OpenRaw(Factory.Settings);
        return [.. await connection.QueryAsync<AuditRow>("SELECT agent AS Agent, action AS Action, call_sid AS CallSid, outcome AS Outcome, reference AS Reference, at AS At FROM agent_audit ORDER BY id")];
    }

    /// <summary>Every text column of every console table, for "no personal data here" checks.</summary>
    public async Task<string> ConsoleTablesTextAsync()
    {
        await using var connection = LineTestStorage.OpenRaw(Factory.Settings);
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
        if (!ReferenceEquals(App, Factory))
        {
            await App.DisposeAsync();
        }

        await Factory.DisposeAsync();
        Twilio.Dispose();
    }

    public sealed record AuditRow(string Agent, string Action, string? CallSid, string Outcome, string? Reference, long At);
}
