using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Tests.Calls;
using PhoneBooking.Softphone.Tests.Support;

namespace PhoneBooking.Softphone.Tests.Cloud;

public sealed class MessagesResourceTests : CloudTest
{
    private static readonly string MessagesUrl = $"/2010-04-01/Accounts/{SoftphoneOptions.LocalAccountSid}/Messages.json";

    [Fact]
    public async Task Create_RecordsTheSms_AndAnswersWithTwiliosMessageResource()
    {
        Line.Respond("/sms-status", "text/xml", "<Response/>");

        var (status, body) = await PostAsync(MessagesUrl,
            ("To", "+16135550123"), ("From", "+18005550100"), ("Body", "Your confirmation code is K7Q2. Reply STOP to opt out."),
            ("StatusCallback", Line.Url("/sms-status").AbsoluteUri));

        Assert.Equal(201, status);
        var sid = body.GetProperty("sid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        Assert.Equal(("queued", "outbound-api", "1", "Your confirmation code is K7Q2. Reply STOP to opt out."),
            (body.GetProperty("status").GetString(), body.GetProperty("direction").GetString(), body.GetProperty("num_segments").GetString(), body.GetProperty("body").GetString()));
        var message = Assert.Single(Cloud.Ledger.Messages);
        Assert.Equal((sid, "+16135550123", "+18005550100"), (message.Sid, message.To, message.From));
        await EnqueueTests.UntilAsync(() => Line.To("/sms-status").Count == 2 ? "" : null);
        Assert.Equal(["sent", "delivered"], Line.To("/sms-status").Select(r => r["MessageStatus"]));
        Assert.All(Line.To("/sms-status"), r => Assert.Equal(sid, r["MessageSid"]));
    }

    [Theory]
    [InlineData(21604, "From", "+18005550100", "Body", "hi")]
    [InlineData(21603, "To", "+16135550123", "Body", "hi")]
    [InlineData(21602, "To", "+16135550123", "From", "+18005550100")]
    public async Task Create_MissingParameters_AreTwilios400Errors(int code, string name1, string value1, string name2, string value2)
    {
        var (status, body) = await PostAsync(MessagesUrl, (name1, value1), (name2, value2));

        Assert.Equal((400, code), (status, body.GetProperty("code").GetInt32()));
        Assert.Empty(Cloud.Ledger.Messages);
    }
}
