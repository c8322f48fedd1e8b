using System.Xml.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PhoneBooking.IvrHost.Tests.Hosting;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>Whole calls through the webhooks against the reference scheduling API started alongside, as `dotnet run` does.</summary>
public sealed class VoiceBookingTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Booking_FromRingToConfirmationCode_ReadsTheCodeBack()
    {
        using var line = Line();
        var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid());

        await SubmitAsync(call);
        var offer = await Caller.HoldUntilOfferAsync(call);
        Assert.Contains("We have a time for you", SignedWebhooks.Heard(offer), StringComparison.Ordinal);

        var booked = await call.PressAsync("1");

        var heard = SignedWebhooks.Heard(booked);
        Assert.Contains("It is booked. Your appointment is on", heard, StringComparison.Ordinal);
        Assert.Matches(@"confirmation code is .*\d", heard);
    }

    [Fact]
    public async Task Submit_SameSignedWebhookReplayed100Times_CreatesOneBookingRequest()
    {
        using var line = Line();
        var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid());
        await CollectUntilWaitChoiceAsync(call);
        var confirm = call.Fields(("Digits", "1"));
        var path = $"/voice/input?turn={call.Turn}";

        var answers = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            using var response = await call.PostAsync(path, confirm);
            answers.Add(await response.Content.ReadAsStringAsync());
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await BookingRequestCountAsync());
        Assert.All(answers, a => Assert.Contains("We are looking for a time for you", SignedWebhooks.Heard(XDocument.Parse(a)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_BetweenTwoWebhooks_TheCallCarriesOnWhereItWas()
    {
        var callSid = SignedWebhooks.NewCallSid();
        int turn;
        using (var first = Line())
        {
            var call = new SignedWebhooks(first.CreateClient(), callSid);
            await call.DialAsync();
            await call.PressAsync("1");
            await call.PressAsync("1");
            await call.TypeAsync("19500305#");
            turn = call.Turn;
        }

        using var second = Line();
        var resumed = new SignedWebhooks(second.CreateClient(), callSid);
        var twiml = await resumed.TwimlAsync($"/voice/input?turn={turn}", resumed.Fields(("Digits", "1")));

        Assert.Contains("Next, when are you free?", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
    }

    private IvrHostFactory Line() => IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path });

    private static async Task CollectUntilWaitChoiceAsync(SignedWebhooks call)
    {
        var choice = await Caller.UntilWaitChoiceAsync(call);
        Assert.Contains("To wait on the line for your time, press 1", SignedWebhooks.Heard(choice), StringComparison.Ordinal);
    }

    private static async Task SubmitAsync(SignedWebhooks call)
    {
        await CollectUntilWaitChoiceAsync(call);
        await call.PressAsync("1"); // wait on the line: submitted with the caller ID
    }

    private async Task<long> BookingRequestCountAsync()
    {
        await using var db = LineTestStorage.OpenRaw(_data.Path, "scheduling.db");
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM booking_requests");
    }
}
