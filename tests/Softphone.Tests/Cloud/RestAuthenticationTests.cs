using System.Text.Json;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Tests.Support;

namespace PhoneBooking.Softphone.Tests.Cloud;

public sealed class RestAuthenticationTests : CloudTest
{
    [Theory]
    [InlineData(SoftphoneOptions.LocalAccountSid, "wrong-token")]
    [InlineData("AC11111111111111111111111111111111", SoftphoneOptions.LocalAuthToken)]
    public async Task WrongCredentials_Are401With20003_AndNothingIsCalled(string user, string password)
    {
        Rest.DefaultRequestHeaders.Authorization = Basic(user, password);

        var (status, body) = await PostAsync(CallsUrl, ("To", "+16135550123"), ("From", "+18005550100"), ("Url", "http://127.0.0.1:1/x"));

        Assert.Equal((401, 20003, "Authenticate"), (status, body.GetProperty("code").GetInt32(), body.GetProperty("message").GetString()));
        Assert.Empty(Cloud.Ledger.Calls);
    }

    [Fact]
    public async Task NoCredentials_Are401_WithABasicChallenge()
    {
        Rest.DefaultRequestHeaders.Authorization = null;

        using var response = await Rest.PostAsync(CallsUrl, new FormUrlEncodedContent([]));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task AnotherAccountInThePath_Is404()
    {
        var (status, _) = await PostAsync("/2010-04-01/Accounts/AC11111111111111111111111111111111/Calls.json", ("To", "+16135550123"));

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData(21201, "From", "+18005550100", "Url", "http://127.0.0.1:1/x")]
    [InlineData(21213, "To", "+16135550123", "Url", "http://127.0.0.1:1/x")]
    [InlineData(21205, "To", "+16135550123", "From", "+18005550100")]
    public async Task MissingParameters_AreTwilios400Errors(int code, string name1, string value1, string name2, string value2)
    {
        var (status, body) = await PostAsync(CallsUrl, (name1, value1), (name2, value2));

        Assert.Equal((400, code), (status, body.GetProperty("code").GetInt32()));
        Assert.Equal(JsonValueKind.String, body.GetProperty("message").ValueKind);
        Assert.Empty(Cloud.Ledger.Calls);
    }
}
