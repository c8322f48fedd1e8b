using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace PhoneBooking.SchedulingApi.Tests.Facilities;

public sealed class FacilityEndpointsTests : ApiTest
{
    [Fact]
    public async Task Verify_RightCodeAndPin_Facility()
    {
        var facility = await (await VerifyAsync(TestSettings.FacilityPin)).ReadAsync<FacilityResponse>();

        Assert.Matches("^fa_[0-9a-f]{24}$", facility.FacilityId);
        Assert.Equal("Maple Grove Residence", facility.Name);
        Assert.Equal("Maple Grove Residence", facility.SpokenName);
    }

    [Fact]
    public async Task Verify_WrongPin_401CountingDown()
    {
        var first = await (await VerifyAsync("0000")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
        var second = await (await VerifyAsync("0000")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");

        Assert.Equal(4, first.GetProperty("attemptsRemaining").GetInt32());
        Assert.Equal(3, second.GetProperty("attemptsRemaining").GetInt32());
    }

    [Fact]
    public async Task Verify_UnknownCode_SameAnswerAsWrongPin()
    {
        var unknown = await (await VerifyAsync(TestSettings.FacilityPin, code: "999999")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
        var wrongPin = await (await VerifyAsync("0000")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");

        Assert.Equal(wrongPin.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        Assert.Equal(wrongPin.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(wrongPin.GetProperty("attemptsRemaining").GetInt32(), unknown.GetProperty("attemptsRemaining").GetInt32());
    }

    [Fact]
    public async Task Verify_FiveWrongPins_NextWaitsTwoSecondsEvenWithTheRightPin()
    {
        for (var i = 4; i >= 0; i--)
        {
            var wrong = await (await VerifyAsync("1111")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
            Assert.Equal(i, wrong.GetProperty("attemptsRemaining").GetInt32());
        }

        var response = await VerifyAsync(TestSettings.FacilityPin);
        var locked = await response.ProblemAsync(HttpStatusCode.Locked, "facility-locked");
        Assert.Equal(TestSettings.Start.AddSeconds(2), locked.GetProperty("lockedUntil").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);

        Api.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(TestSettings.FacilityPin)).StatusCode);
    }

    [Fact]
    public async Task Verify_SuccessResetsCount()
    {
        await VerifyAsync("1111");
        await VerifyAsync("1111");
        await VerifyAsync(TestSettings.FacilityPin);

        var problem = await (await VerifyAsync("1111")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");

        Assert.Equal(4, problem.GetProperty("attemptsRemaining").GetInt32());
    }

    [Fact]
    public async Task Verify_PinStoredAsHashOnly_NeverInLogs()
    {
        await VerifyAsync(TestSettings.FacilityPin);
        await VerifyAsync("97531");

        await using var scope = Api.Services.CreateAsyncScope();
        var hash = (await scope.ServiceProvider.GetRequiredService<IFacilityStore>().GetByCodeAsync(TestSettings.FacilityCode, CancellationToken.None))!.PinHash;
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.FacilityPin, hash, StringComparison.Ordinal);
        var logged = string.Join("\n", Api.Logs.Records.Select(r => r.Message + " " + string.Join(",", r.Properties.Values)));
        Assert.DoesNotContain("97531", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.FacilityCode, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_BadInput_NotCountedAsAttempt()
    {
        await (await Client.PostAsync("/v1/facilities/verify", new { facilityCode = TestSettings.FacilityCode, pin = "12" })).ValidationErrorAsync("pin");

        var problem = await (await VerifyAsync("0000")).ProblemAsync(HttpStatusCode.Unauthorized, "facility-credentials-invalid");
        Assert.Equal(4, problem.GetProperty("attemptsRemaining").GetInt32());
    }

    private Task<HttpResponseMessage> VerifyAsync(string pin, string code = TestSettings.FacilityCode) =>
        Client.PostAsync("/v1/facilities/verify", new { facilityCode = code, pin });
}
