using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Storage;
using PhoneBooking.Testing.Line;

namespace PhoneBooking.EndToEnd.Tests.Hosting;

/// <summary>
/// One line per test class (xunit class fixture): the host on a loopback Kestrel port with its own
/// data folder and the embedded scheduling API, Twilio's REST API stood in by
/// <see cref="LocalTwilioCloud"/>, and the softphone that dials the line as Twilio would.
/// Eligibility is configured relative to today so the seniors' group is always open and
/// <see cref="LaterGroupBirthDate"/>'s group always opens on <see cref="LaterGroupOpensOn"/>.
/// </summary>
public sealed class LineFixture : IAsyncLifetime
{
    /// <summary>The seniors' group: open since a month ago.</summary>
    public const string EligibleBirthDate = "19450312";

    public const string LaterGroupBirthDate = "19600501";

    /// <summary>The demo facility the embedded API seeds (docs/scheduling-api-operations.md).</summary>
    public const string FacilityCode = "700123";

    public const string FacilityPin = "2468";

    public const string FacilityName = "Maple Grove";

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private readonly TempDirectory _data = new();

    public static DateOnly LaterGroupOpensOn { get; } = Today.AddDays(45);

    public IvrHostFactory Line { get; private set; } = null!;

    public SoftphoneEngine Phone { get; } = new(new SoftphoneOptions { HoldPacing = TimeSpan.FromMilliseconds(20) });

    public LocalTwilioCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cloud = await LocalTwilioCloud.StartAsync(Phone);
        Line = StartLine();
    }

    /// <summary>A line on this fixture's data folder; <paramref name="port"/> brings it back at an old address.</summary>
    public IvrHostFactory StartLine(int port = 0) =>
        new IvrHostFactory(Settings(_data.Path, Cloud.BaseUrl), embeddedApi: true, provider: StorageProvider.Sqlite).OnLoopback(port).Start();

    /// <summary>Kills the line and starts a new one on the same data and address: a crash and restart, or a redeploy.</summary>
    public async Task RestartAsync()
    {
        var port = Line.BaseAddress.Port;
        await Line.DisposeAsync();
        Line = StartLine(port);
    }

    /// <summary>An incoming call from <paramref name="from"/>, signed and answered as Twilio would, with the status callback.</summary>
    public DialRequest Dial(string from = "+16135550123", string path = "voice") => new()
    {
        VoiceUrl = Line.Url(path),
        StatusCallbackUrl = Line.Url("voice/status"),
        FallbackUrl = Line.Url("voice/fallback"),
        From = from,
    };

    public Task<ScriptRun> CallAsync(CallScript script, string from = "+16135550123") => Phone.RunScriptAsync(Dial(from), script);

    /// <summary>Booking requests the embedded scheduling API holds, read from its own database.</summary>
    public async Task<long> BookingRequestCountAsync()
    {
        await using var db = new SqliteConnection($"Data Source={_data.File("scheduling.db")};Mode=ReadOnly;Pooling=False");
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM booking_requests");
    }

    /// <summary>The booking's status in the embedded scheduling API as stored (<c>confirmed</c>, <c>cancelled</c>: docs/storage.md), or null when there is none with that code.</summary>
    public async Task<string?> BookingStatusAsync(string confirmationCode)
    {
        await using var db = new SqliteConnection($"Data Source={_data.File("scheduling.db")};Mode=ReadOnly;Pooling=False");
        return await db.ExecuteScalarAsync<string?>("SELECT status FROM bookings WHERE confirmation_code = @confirmationCode", new { confirmationCode });
    }

    /// <summary>The group visit's status in the embedded scheduling API, or null when there is none with that reference.</summary>
    public async Task<string?> GroupVisitStatusAsync(string reference)
    {
        await using var db = new SqliteConnection($"Data Source={_data.File("scheduling.db")};Mode=ReadOnly;Pooling=False");
        return await db.ExecuteScalarAsync<string?>("SELECT status FROM group_visits WHERE reference = @reference", new { reference });
    }

    /// <summary>What the line logged at Warning or above (timeouts, refusals, failures): the first place to look when a call went wrong.</summary>
    public string LineWarnings() => string.Join(Environment.NewLine, Line.Logs.Records
        .Where(r => r.Level >= LogLevel.Warning)
        .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}"));

    public async Task DisposeAsync()
    {
        await Line.DisposeAsync();
        await Cloud.DisposeAsync();
        Phone.Dispose();
        _data.Dispose();
    }

    /// <summary>The host's own budgets (IvrHostFactory's: up to 12 s for the API, still inside Twilio's 15 s) and dialer off; eligibility here.</summary>
    private static Dictionary<string, string?> Settings(string dataDirectory, Uri cloud) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Twilio:ApiBaseUrl"] = cloud.ToString().TrimEnd('/'),

        // A class's calls all come from the softphone's one number: more than the 10 new calls an hour one number
        // may make. The per-number limit has its own attack tests (IvrHost.Tests/CallerLimits).
        ["CallerLimits:NewCallsPerHour"] = "10000",
        ["Eligibility:Cohorts:0:Name"] = "seniors",
        ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
        ["Eligibility:Cohorts:0:OpensOn"] = Iso(Today.AddDays(-30)),
        ["Eligibility:Cohorts:1:Name"] = "born-1957-to-1966",
        ["Eligibility:Cohorts:1:BornOnOrBefore"] = "1966-12-31",
        ["Eligibility:Cohorts:1:OpensOn"] = Iso(LaterGroupOpensOn),
        ["Eligibility:Cohorts:2:Name"] = "everyone-else",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
