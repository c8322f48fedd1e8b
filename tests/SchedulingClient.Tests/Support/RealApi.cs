using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingApi;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Support;

/// <summary>
/// The real scheduling API, in-process on Kestrel at 127.0.0.1 (a random port), on a SQLite file
/// in a temp folder, with its own manual clock and the matcher run by hand.
/// </summary>
public sealed class RealApi : IAsyncDisposable
{
    public const string FacilityCode = "123456";
    public const string FacilityPin = "2468";
    public const string SiteId = "north-york";

    /// <summary>The client's key at this API (the phone line's role: books on behalf of callers).</summary>
    public const string ClientKey = "pbk_test_client_phone-line_00000000000000000000000";

    /// <summary>Born 1950: the "seniors" cohort, open since 2026-11-01.</summary>
    public static readonly DateOnly SeniorBirthDate = new(1950, 3, 23);

    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private RealApi(WebApplication app, string dataDirectory, ManualTimeProvider clock)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        Clock = clock;
    }

    public ManualTimeProvider Clock { get; }

    public Uri BaseAddress => new(_app.Urls.Single() + "/");

    public static async Task<RealApi> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "scheduling-client-tests", Guid.NewGuid().ToString("N"));
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero)); // Monday 09:00 in Toronto
        var app = SchedulingApiApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(Settings(dataDirectory));
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        var api = new RealApi(app, dataDirectory, clock);
        await app.StartAsync();
        return api;
    }

    /// <summary>One matcher pass: queued requests get their offers.</summary>
    public Task MatchAsync() => _app.Services.GetRequiredService<Matcher>().RunOnceAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static Dictionary<string, string?> Settings(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Security:HmacKey"] = "dGVzdC1obWFjLWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=",
        ["ApiClients:phone-line:Role"] = "PhoneLine",
        ["ApiClients:phone-line:KeySha256:0"] = SchedulingApi.Security.ApiKeys.Sha256Hex(ClientKey),
        ["Matching:RunInBackground"] = "false",
        ["Facilities:PinHashIterations"] = "1000",
        ["Seed:Demo"] = "false",
        ["Sites:0:Id"] = SiteId,
        ["Sites:0:Name"] = "North York Civic Centre",
        ["Sites:0:SpokenName"] = "North York Civic Centre",
        ["Sites:0:Address"] = "5100 Yonge Street",
        ["Sites:0:OpenHour"] = "9",
        ["Sites:0:CloseHour"] = "17",
        ["Staffing:HorizonDays"] = "7",
        ["Eligibility:Cohorts:0:Name"] = "seniors",
        ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
        ["Eligibility:Cohorts:0:OpensOn"] = "2026-11-01",
        ["Eligibility:Cohorts:1:Name"] = "everyone-else",
        ["Facilities:Seed:0:Code"] = FacilityCode,
        ["Facilities:Seed:0:Pin"] = FacilityPin,
        ["Facilities:Seed:0:Name"] = "Maple Grove Residence",
        ["Facilities:Seed:0:SpokenName"] = "Maple Grove Residence",
    };
}
