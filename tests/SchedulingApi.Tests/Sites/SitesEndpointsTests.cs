
namespace PhoneBooking.SchedulingApi.Tests.Sites;

public sealed class SitesEndpointsTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private HttpClient Client => shared.Client;

    [Fact]
    public async Task ListSites_ConfiguredSites_WithSpokenNames()
    {
        var sites = await (await Client.GetAsync("/v1/sites")).ReadAsync<SiteResponse[]>();

        Assert.Equal(
            [
                new SiteResponse("north", "North Clinic", "North Clinic", "1 North Street", "America/Toronto"),
                new SiteResponse("south", "St. South Clinic", "Saint South Clinic", "2 South Street", "America/Toronto"),
            ],
            sites);
    }

    [Fact]
    public async Task Availability_Defaults_SevenDaysOfHourWindowsWithCapacityTwelve()
    {
        var windows = await (await Client.GetAsync("/v1/availability")).ReadAsync<WindowResponse[]>();

        // north 9-17 (8 windows a day), south 9-20 (11 a day), today and the six days after.
        Assert.Equal(7 * (8 + 11), windows.Length);
        Assert.All(windows, w =>
        {
            Assert.Equal(TimeSpan.FromHours(1), w.End - w.Start);
            Assert.Equal(12, w.Capacity);
            Assert.Equal(12, w.Remaining);
            Assert.Equal(TimeSpan.FromHours(-5), w.Start.Offset); // Toronto in November
        });
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5)), windows[0].Start);
        Assert.Equal(new DateOnly(2026, 11, 29), DateOnly.FromDateTime(windows[^1].Start.DateTime));
    }

    [Fact]
    public async Task Availability_SiteAndDates_OnlyThose()
    {
        var windows = await (await Client.GetAsync("/v1/availability?from=2026-11-25&to=2026-11-25&siteId=south")).ReadAsync<WindowResponse[]>();

        Assert.Equal(11, windows.Length);
        Assert.All(windows, w => Assert.Equal("south", w.SiteId));
        Assert.Equal(19, windows[^1].Start.Hour); // evening window
    }

    [Theory]
    [InlineData("?from=tomorrow", "from")]
    [InlineData("?to=2026-13-01", "to")]
    [InlineData("?from=2026-11-30&to=2026-11-24", "to")]
    [InlineData("?from=2026-11-01&to=2026-12-15", "to")]
    [InlineData("?siteId=atlantis", "siteId")]
    public async Task Availability_BadQuery_400NamingIt(string query, string field) =>
        await (await Client.GetAsync("/v1/availability" + query)).ValidationErrorAsync(field);
}
