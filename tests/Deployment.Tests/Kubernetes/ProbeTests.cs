extern alias SchedulingApi;

using System.Net;
using System.Security.Cryptography;
using PhoneBooking.Testing;
using PhoneBooking.Testing.Postgres;

namespace PhoneBooking.Deployment.Tests.Kubernetes;

/// <summary>
/// Each Deployment's container, run as its manifest says: the program, with the manifest's environment variables
/// (the Secret's values made up here, the database a throwaway one), then asked on every path its probes name.
/// </summary>
public sealed class ProbeTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync("probes");
    }

    public Task DisposeAsync() => _server.DropDatabaseAsync(_database);

    [Theory]
    [InlineData(Manifests.Api)]
    [InlineData(Manifests.Line)]
    public async Task Probes_TheProgramStartedWithTheManifestsEnvironment_AnswersEveryProbePath200(string name)
    {
        var deployment = Manifests.Deployment(name);
        await using var host = ServiceProcess.Dotnet(name, Manifests.Programs[name].Location, [], Environment(deployment));

        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        foreach (var (probe, (path, _)) in deployment.Probes)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {probe} GET {path}: {(int)response.StatusCode}\n{host.Tail()}");
        }

        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/health/readyz")).StatusCode); // a wrong path would not pass
    }

    /// <summary>The manifest's variables, secrets filled in with values of the right shape; every key of the example Secret has one.</summary>
    private Dictionary<string, string?> Environment(DeploymentSpec deployment)
    {
        var lineKey = SchedulingApi::PhoneBooking.SchedulingApi.Security.ApiKeys.New();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["postgres-connection"] = _database,
            ["api-hmac-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["line-api-key"] = lineKey,
            ["line-api-key-sha256"] = SchedulingApi::PhoneBooking.SchedulingApi.Security.ApiKeys.Sha256Hex(lineKey),
            ["encryption-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["caller-key-secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["twilio-auth-token"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        Assert.Equal(Manifests.SecretKeys.Order(StringComparer.Ordinal), secrets.Keys.Order(StringComparer.Ordinal));

        return deployment.Env().ToDictionary(env => env.Name, string? (env) => env.SecretRef is var (_, key) ? secrets[key] : env.Value!, StringComparer.Ordinal);
    }
}
