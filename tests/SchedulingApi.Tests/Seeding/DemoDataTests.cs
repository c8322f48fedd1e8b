using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.Seeding;

/// <summary>
/// The demo facility's code and PIN (700123 / 2468) are in the README. Seeded in Production, they
/// let anyone book group visits in a real retirement home's name. Now only Development seeds them.
/// </summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Production_NoSeedSetting_DemoFacilityAbsent()
    {
        await using var api = await TestApi.StartAsync(settings =>
        {
            settings.Remove("Seed:Demo");
            foreach (var key in settings.Keys.Where(k => k.StartsWith("Facilities:Seed", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(key);
            }
        });

        await (await VerifyDemoFacility(api)).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
        Assert.DoesNotContain(await (await api.Client.GetAsync("/v1/sites")).ReadAsync<SiteResponse[]>(), s => s.Id == "north-york");
    }

    [Fact]
    public async Task Production_NothingConfiguredAndNoSeedSetting_RefusesToStartWithDemoData()
    {
        var error = await Record.ExceptionAsync(() => TestApi.StartAsync(WithoutSeedSettings));

        Assert.NotNull(error);
        Assert.Contains("Sites must list at least one site (or set Seed:Demo to true for the demo sites; it is on by default only in Development)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_DemoAskedForExplicitly_Seeded()
    {
        await using var api = await TestApi.StartAsync(settings =>
        {
            WithoutSeedSettings(settings);
            settings["Seed:Demo"] = "true";
        });

        Assert.Equal(HttpStatusCode.OK, (await VerifyDemoFacility(api)).StatusCode);
    }

    [Fact]
    public async Task Development_NoSeedSetting_DemoSeeded()
    {
        await using var api = await TestApi.StartAsync(WithoutSeedSettings, environment: "Development");

        Assert.Equal(HttpStatusCode.OK, (await VerifyDemoFacility(api)).StatusCode);
        Assert.Equal(3, (await (await api.Client.GetAsync("/v1/sites")).ReadAsync<SiteResponse[]>()).Length);
    }

    private static Task<HttpResponseMessage> VerifyDemoFacility(TestApi api) =>
        api.Client.PostAsync("/v1/facilities/verify", new { facilityCode = "700123", pin = "2468" });

    private static void WithoutSeedSettings(Dictionary<string, string?> settings)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Seed:", StringComparison.Ordinal) || k.StartsWith("Sites:", StringComparison.Ordinal)
            || k.StartsWith("Eligibility:", StringComparison.Ordinal) || k.StartsWith("Facilities:Seed", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }
    }
}
