using System.Text;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PhoneBooking.IvrHost.Tests.Observability;

/// <summary>
/// A canary: a whole booking through the real line (webhooks, embedded scheduling API, Serilog)
/// with a birth date and a phone number that appear nowhere else, then every log sink is searched
/// for them: the in-memory provider and Seq's ingestion endpoint (a loopback stand-in).
/// </summary>
public sealed class NoPersonalDataInLogsTests
{
    private const string CallerNumber = "+14165557391";
    private const string BirthDate = "19430817";

    private static readonly string[] Canaries = [CallerNumber, "4165557391", "5557391", BirthDate, "1943-08-17", "17/08/1943", "08/17/1943"];

    [Fact]
    public async Task Booking_WithCanaryBirthDateAndNumber_NeitherReachesAnyLogSink()
    {
        using var seq = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        seq.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("{}"));
        using var data = new TempDirectory();
        string memory;
        using (var line = IvrHostFactory.WithEmbeddedApi(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data.Path,
            ["Seq:ServerUrl"] = seq.Urls[0],
        }))
        {
            var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid(), from: CallerNumber);
            await call.DialAsync();
            await call.PressAsync("1"); // English
            await call.PressAsync("1"); // book
            await call.TypeAsync(BirthDate + "#");
            await call.PressAsync("1"); // that is my birth date
            Assert.Contains("To wait on the line for your time, press 1", SignedWebhooks.Heard(await call.PressAsync("1")), StringComparison.Ordinal); // the first time available
            await call.PressAsync("1"); // wait on the line: the request carries the caller ID as its number
            await Eventually.HoldsAsync(async () => SignedWebhooks.Heard(await call.PressAsync(null)).Contains("We have a time for you", StringComparison.Ordinal), "an offer on the line");
            Assert.Contains("It is booked", SignedWebhooks.Heard(await call.PressAsync("1")), StringComparison.Ordinal);

            memory = string.Join('\n', line.Logs.Records.Select(r => r.Message + "|" + string.Join('|', r.Properties.Values) + "|" + r.Exception));
            Assert.Contains("WebhookHandled", string.Join('\n', line.Logs.Records.Select(r => r.EventId.Name)), StringComparison.Ordinal);
        }

        // The Seq sink sends in batches and flushes when the host stops.
        string Shipped() => string.Join('\n', seq.LogEntries.Select(e => e.RequestMessage.Body));
        await Eventually.HoldsAsync(() => Shipped().Contains("WebhookHandled", StringComparison.Ordinal), "the webhook events shipped to Seq");
        foreach (var canary in Canaries)
        {
            Assert.DoesNotContain(canary, memory, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, Shipped(), StringComparison.Ordinal);
        }
    }
}
