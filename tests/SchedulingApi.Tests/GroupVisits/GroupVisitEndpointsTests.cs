using System.Net;

namespace PhoneBooking.SchedulingApi.Tests.GroupVisits;

public sealed class GroupVisitEndpointsTests : ApiTest
{
    [Fact]
    public async Task Submit_ValidFacility_202QueuedWithReadableReference()
    {
        var response = await SubmitAsync(["2026-12-01"]);
        var accepted = await response.ReadAsync<GroupVisitAccepted>(HttpStatusCode.Accepted);

        Assert.Matches("^gv_[0-9a-f]{24}$", accepted.GroupVisitId);
        Assert.Matches("^[1-9][0-9]{5}$", accepted.Reference);
        Assert.Equal(GroupVisitStatus.Queued, accepted.Status);
        Assert.Equal(1, accepted.QueuePosition);
        Assert.Equal($"/v1/group-visits/{accepted.GroupVisitId}", response.Headers.Location?.OriginalString);
        var visit = await (await Client.GetAsync(response.Headers.Location)).ReadAsync<GroupVisitResponse>();
        Assert.Equal(new GroupVisitResponse(accepted.GroupVisitId, accepted.Reference, GroupVisitStatus.Queued, null, "Maple Grove Residence"), visit);
    }

    [Fact]
    public async Task Match_TeamsPerDay_EarliestPreferredDateWithTeamFreeElseUnavailable()
    {
        var visits = new List<GroupVisitAccepted>();
        foreach (var dates in new[] { new[] { "2026-12-02", "2026-12-01" }, ["2026-12-01"], ["2026-12-01", "2026-12-03"], ["2026-12-01"] })
        {
            visits.Add(await (await SubmitAsync(dates)).ReadAsync<GroupVisitAccepted>(HttpStatusCode.Accepted));
        }

        var pass = await Api.MatchAsync();

        Assert.Equal(4, pass.GroupVisitsDecided);
        var results = new List<GroupVisitResponse>();
        foreach (var visit in visits)
        {
            results.Add(await (await Client.GetAsync($"/v1/group-visits/{visit.GroupVisitId}")).ReadAsync<GroupVisitResponse>());
        }

        Assert.Equal(new DateOnly(2026, 12, 1), results[0].VisitDate); // earliest of its dates, not its first
        Assert.Equal(new DateOnly(2026, 12, 1), results[1].VisitDate);
        Assert.Equal(new DateOnly(2026, 12, 3), results[2].VisitDate); // both teams taken on Dec 1
        Assert.Equal(GroupVisitStatus.Unavailable, results[3].Status);
        Assert.Null(results[3].VisitDate);
        var types = (await (await Client.GetAsync("/v1/events")).ReadAsync<EventPage>()).Events.Select(e => e.Type);
        Assert.Equal(["groupVisit.scheduled", "groupVisit.scheduled", "groupVisit.scheduled", "groupVisit.unavailable"], types);
    }

    [Fact]
    public async Task Submit_WrongPin_401NothingQueued()
    {
        await (await SubmitAsync(["2026-12-01"], pin: "0000")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");

        Assert.Equal(0, (await Api.MatchAsync()).GroupVisitsDecided);
    }

    [Fact]
    public async Task Submit_RetrySameKey_OneVisit()
    {
        var key = ApiCalls.NewKey();
        var first = await (await SubmitAsync(["2026-12-01"], key: key)).ReadAsync<GroupVisitAccepted>(HttpStatusCode.Accepted);
        var retry = await (await SubmitAsync(["2026-12-01"], key: key)).ReadAsync<GroupVisitAccepted>(HttpStatusCode.Accepted);

        Assert.Equal(first, retry);
        Assert.Equal(1, (await Api.MatchAsync()).GroupVisitsDecided);
    }

    private Task<HttpResponseMessage> SubmitAsync(string[] dates, string pin = TestSettings.FacilityPin, string? key = null) =>
        Client.PostAsync(
            "/v1/group-visits",
            new { facilityCode = TestSettings.FacilityCode, pin, residentCount = 40, staffCount = 12, preferredDates = dates, contactPhone = "+14165550123", language = "fr-CA" },
            key ?? ApiCalls.NewKey());
}
