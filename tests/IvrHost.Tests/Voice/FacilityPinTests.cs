using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>
/// A retirement home's PIN is asked last, used once in the webhook that verifies it and sends the
/// request, and never stored: not in the session's payload, not anywhere in the line's data files —
/// whatever the verification's outcome.
/// </summary>
public sealed class FacilityPinTests : FaultyApiTest
{
    /// <summary>Distinctive, so a byte search of the data folder cannot match by chance.</summary>
    private const string Pin = "86420975";

    private const string Verified = """{"facilityId":"fac_1","name":"Maple Grove","spokenName":"Maple Grove"}""";
    private const string Sent = """{"groupVisitId":"gv_1","reference":"731904","status":"queued","queuePosition":1}""";

    public static TheoryData<string, string> Outcomes => new()
    {
        { "verified and sent", "Thank you. Your request for Maple Grove is sent." },
        { "wrong code or PIN", "Sorry, that facility code or PIN is not right." },
        { "locked", "For your security, access is locked for now." },
        { "verify failed", "Sorry, something went wrong." },
        { "send failed", "Sorry, something went wrong." },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Pin_EveryOutcomeOfTheVerification_NeverInTheStoredSessionNorAnyDataFile(string outcome, string heard)
    {
        Api.Script("POST /v1/facilities/verify", outcome switch
        {
            "wrong code or PIN" => Fault.Problem(401, "facility-credentials-invalid", ""","attemptsRemaining":2"""),
            "locked" => Fault.Problem(423, "facility-locked"),
            "verify failed" => Fault.Status(503),
            _ => Fault.Json(Verified),
        });
        Api.Script("POST /v1/group-visits", outcome == "send failed" ? Fault.Status(503) : Fault.Json(Sent, 202));
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        var call = line.NewCall();

        var answer = await UntilThePinAsync(call, line);
        Assert.Contains(heard, SignedWebhooks.Heard(answer), StringComparison.Ordinal);

        Assert.Contains(Api.Received, r => r.Route == "POST /v1/facilities/verify" && r.Body.Contains(Pin, StringComparison.Ordinal));
        var stored = await line.Services.GetRequiredService<ICallSessionStore>().GetAsync(call.CallSid);
        Assert.NotNull(stored);
        Assert.DoesNotContain(Pin, stored.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("facilityPin", stored.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(FilesHolding(Data.Path, Pin));
    }

    private static async Task<System.Xml.Linq.XDocument> UntilThePinAsync(SignedWebhooks call, LineWithFaultyApi line)
    {
        var visit = DateOnly.FromDateTime(line.Clock.GetUtcNow().UtcDateTime).AddDays(10);
        await call.DialAsync();
        await call.PressAsync("1"); // English
        await call.PressAsync("3"); // retirement home
        await call.TypeAsync("700123#");
        await call.TypeAsync("40#");
        await call.TypeAsync("0#"); // no staff
        await call.PressAsync("1"); // counts right
        await call.TypeAsync(visit.ToString("MMdd", CultureInfo.InvariantCulture) + "#");
        await call.PressAsync("1"); // date right
        await call.PressAsync("2"); // no more dates
        var pin = await call.PressAsync("1"); // call us at the number read back
        Assert.Contains("enter your PIN", SignedWebhooks.Heard(pin), StringComparison.Ordinal);
        return await call.TypeAsync(Pin + "#");
    }

    /// <summary>
    /// Every file under the data folder whose bytes contain <paramref name="secret"/> (SQLite files and their write-ahead
    /// logs included). Not the readiness check's <c>.write-probe-*</c>: a page of zeros it holds exclusively for a moment
    /// and deletes (WritableFolderHealthCheck), which a scan racing it could not open (a flaky IOException on 2 busy cores).
    /// </summary>
    private static IReadOnlyList<string> FilesHolding(string folder, string secret)
    {
        var needle = Encoding.ASCII.GetBytes(secret);
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(file => !Path.GetFileName(file).StartsWith(".write-probe-", StringComparison.Ordinal)).Where(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray().AsSpan().IndexOf(needle) >= 0;
        })];
    }
}
