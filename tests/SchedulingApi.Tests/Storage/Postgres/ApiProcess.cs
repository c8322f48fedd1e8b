using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Postgres;

/// <summary>
/// The API as an operator starts it: its own process (<c>dotnet PhoneBooking.SchedulingApi.dll</c>, the program
/// <c>dotnet run --project src/SchedulingApi</c> builds and runs) in a temp folder, settings on the command line.
/// </summary>
internal static class ApiProcess
{
    /// <summary>
    /// Starts the API in Production with <paramref name="settings"/> and what Production requires besides
    /// storage: an HMAC key, one client (the bench, whose key is <see cref="TestSettings.BenchKey"/>) and
    /// the demo data, asked for explicitly.
    /// </summary>
    public static ServiceProcess Start(params string[] settings) =>
        ServiceProcess.Dotnet(
            "scheduling-api",
            typeof(SchedulingApiApp).Assembly.Location,
            [
                "--Storage:DataDirectory", "data",
                "--Security:HmacKey", TestSettings.HmacKey,
                "--ApiClients:bench:Role", "Bench",
                "--ApiClients:bench:KeySha256:0", SchedulingApi.Security.ApiKeys.Sha256Hex(TestSettings.BenchKey),
                "--Seed:Demo", "true",
                .. settings,
            ],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            inTempFolder: true);

    /// <summary>A client of this process speaking as the bench client.</summary>
    public static HttpClient NewClient(this ServiceProcess api)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", TestSettings.BenchKey);
        return client;
    }
}
