extern alias SchedulingApi;

using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage;
using SchedulingSecurity = SchedulingApi::PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>What operations and the softphone rely on: <c>dotnet run --project src/IvrHost</c> with no configuration.</summary>
public sealed class FixedPointsTests
{
    private static readonly string ProjectDirectory = FindProjectDirectory();

    [Fact]
    public void LaunchSettings_ServeOnLoopback5080InDevelopment()
    {
        var profile = Json("Properties/launchSettings.json").GetProperty("profiles").EnumerateObject().First().Value;

        Assert.Equal("Project", profile.GetProperty("commandName").GetString());
        Assert.Equal("http://127.0.0.1:5080", profile.GetProperty("applicationUrl").GetString());
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Fact]
    public void DevelopmentSettings_PointTwilioAtTheLocalStandIn()
    {
        var twilio = Json("appsettings.Development.json").GetProperty("Twilio");

        Assert.Equal("local-dev-auth-token", twilio.GetProperty("AuthToken").GetString());
        Assert.Equal("AC00000000000000000000000000000000", twilio.GetProperty("AccountSid").GetString());
        Assert.Equal("+15550100000", twilio.GetProperty("PhoneNumber").GetString());
        Assert.Equal("http://127.0.0.1:5081", twilio.GetProperty("ApiBaseUrl").GetString());
    }

    [Fact]
    public void Settings_LeaveTheSchedulingApiUnset_SoItRunsEmbedded()
    {
        Assert.False(Json("appsettings.json").TryGetProperty("Scheduling", out var scheduling) && scheduling.TryGetProperty("BaseUrl", out _));
        Assert.False(Json("appsettings.Development.json").GetProperty("Scheduling").TryGetProperty("BaseUrl", out _));
    }

    [Fact]
    public void DevelopmentKey_IsOneTheStandaloneApiKnowsInDevelopment()
    {
        var key = Json("appsettings.Development.json").GetProperty("Scheduling").GetProperty("ApiKey").GetString()!;
        using var api = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectDirectory, "..", "SchedulingApi", "appsettings.Development.json")));

        var client = api.RootElement.GetProperty("ApiClients").GetProperty("phone-line");

        Assert.Equal(SchedulingSecurity.DevelopmentKeys.PhoneLine, key);
        Assert.Equal("PhoneLine", client.GetProperty("Role").GetString());
        Assert.Equal(SchedulingSecurity.ApiKeys.Sha256Hex(key), client.GetProperty("KeySha256")[0].GetString());
    }

    [Fact]
    public void DataDirectory_Default_IsDataUnderTheContentRoot()
    {
        using var root = new TempDirectory();

        var data = new DataDirectory(Options.Create(new StorageOptions()), new Environment(root.Path));

        Assert.Equal(Path.Combine(root.Path, "data"), data.Path);
        Assert.Equal(Path.Combine(root.Path, "data", "line.db"), data.File("line.db"));
        Assert.True(Directory.Exists(data.Path));
        Assert.Equal("data", Json("appsettings.json").GetProperty("Storage").GetProperty("DataDirectory").GetString());
    }

    private static JsonElement Json(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectDirectory, relativePath))).RootElement;

    /// <summary>From this source file's own path: tests/IvrHost.Tests/Hosting → src/IvrHost, wherever the build output went.</summary>
    private static string FindProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "IvrHost"));

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "PhoneBooking.IvrHost";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
