using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.Twilio.AspNetCore;
using PhoneBooking.IvrHost.Tests.CallFlow;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Storage;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>Twilio's Fallback URL, and the static copy of it in docs/: an apology and a person, with nothing but the process.</summary>
public sealed class FallbackTests
{
    [Fact]
    public async Task Fallback_NoDatabaseAndNoApi_StillAnswersTheApologyAndTheQueue()
    {
        using var line = new IvrHostFactory(provider: StorageProvider.Sqlite); // the API: a loopback port nothing listens on
        var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid());
        await call.DialAsync();
        BreakTheStore(line.Data.Path);
        try
        {
            var fallback = await call.TwimlAsync("/voice/fallback", call.Fields());
            var input = await call.TwimlAsync($"/voice/input?turn={call.Turn}", call.Fields(("Digits", "1")));
            var wait = await call.TwimlAsync("/voice/queue/wait", call.Fields(("QueuePosition", "1"), ("QueueTime", "300")));

            var served = TwiMLResult.Render(line.Services.GetRequiredService<FallbackTwiml>().Response);
            Assert.Equal(served, fallback.Declaration + fallback.ToString(SaveOptions.DisableFormatting));
            foreach (var locale in new[] { "en-CA", "fr-CA" })
            {
                Assert.Contains(Spoken.Text(line.Services, "fallback.apology", locale), SignedWebhooks.Heard(fallback), StringComparison.Ordinal);
            }

            Assert.Equal("agents", Assert.Single(fallback.Descendants("Enqueue")).Value);
            Assert.True(XNode.DeepEquals(fallback, input), "a webhook that fails answers the fallback, never a 500");
            Assert.Equal(["Pause"], wait.Root!.Elements().Select(e => e.Name.LocalName)); // inside the queue's wait: hold on
        }
        finally
        {
            RepairTheStore(line.Data.Path);
        }
    }

    [Fact]
    public void StaticFallbackFile_IsWhatTheLineServesWithDefaultSettings()
    {
        using var line = new IvrHostFactory(provider: StorageProvider.Sqlite);
        var served = XDocument.Parse(TwiMLResult.Render(line.Services.GetRequiredService<FallbackTwiml>().Response));
        var path = Path.Combine(CallFlowDiagramTests.RepositoryRoot(), "docs", "fallback.xml");
        if (Environment.GetEnvironmentVariable("UPDATE_FALLBACK_XML") == "1")
        {
            File.WriteAllText(path, served.Declaration + Environment.NewLine + served.ToString() + Environment.NewLine, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_FALLBACK_XML=1");
        var shipped = XDocument.Load(path);
        Assert.True(XNode.DeepEquals(served, shipped), "docs/fallback.xml differs from /voice/fallback: run the tests with UPDATE_FALLBACK_XML=1");
        Assert.Equal(["Say", "Say", "Enqueue", "Hangup"], shipped.Root!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["en", "fr"], shipped.Root.Elements("Say").Select(s => s.Attribute("language")?.Value[..2]));
    }

    /// <summary>The data folder is moved away and a file takes its name: every open of the sessions database fails from now on.</summary>
    private static void BreakTheStore(string dataDirectory)
    {
        Directory.Move(dataDirectory, dataDirectory + ".away");
        File.WriteAllText(dataDirectory, "not a folder");
        SqliteConnection.ClearAllPools();
    }

    private static void RepairTheStore(string dataDirectory)
    {
        File.Delete(dataDirectory);
        Directory.Move(dataDirectory + ".away", dataDirectory);
    }
}
