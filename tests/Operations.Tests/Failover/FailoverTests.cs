using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using PhoneBooking.Operations.Tests.Support;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Operations.Tests.Failover;

/// <summary>
/// The number configured as docs/twilio.md says (Voice URL, Fallback URL, status callback), dialled by the
/// softphone as Twilio would: a call reaches the line and its end is reported; then the line and its
/// API are killed (SIGKILL) and the next caller still hears the apology, in both languages, from the static
/// copy of the fallback served by a plain static file host.
/// </summary>
public sealed partial class FailoverTests
{
    private const string AuthToken = "operations-tests-auth-token";

    [Fact]
    public async Task DocumentedNumberConfiguration_LineUp_ThenLineAndDatabaseGone_CallersHearTheStaticFallback()
    {
        var configuration = DocumentedConfiguration();
        Assert.Equal(
            [("A call comes in (Voice URL)", "<line>/voice", "POST"), ("Primary handler fails (Fallback URL)", "<fallback>/fallback.xml", "GET"), ("Call status changes (Status callback)", "<line>/voice/status", "POST")],
            configuration);
        await using var processes = await LineProcesses.StartAsync();
        await using var staticHost = await StaticHost.StartAsync(Repository.PathOf("docs"));
        var number = new DialRequest
        {
            VoiceUrl = Resolve(configuration[0].Url, processes.Line.BaseAddress, staticHost.BaseAddress),
            FallbackUrl = Resolve(configuration[1].Url, processes.Line.BaseAddress, staticHost.BaseAddress),
            FallbackMethod = HttpMethod.Get,
            StatusCallbackUrl = Resolve(configuration[2].Url, processes.Line.BaseAddress, staticHost.BaseAddress),
        };
        using var phone = new SoftphoneEngine(new SoftphoneOptions { AuthToken = AuthToken });

        var up = await phone.RunScriptAsync(number, CallScript.Empty.Expect("vaccine booking line").HangUp());
        await processes.Api.KillAsync();
        await processes.Line.KillAsync();
        var down = await phone.RunScriptAsync(number, CallScript.Empty.Expect("stay on the line for a person").Expect("Restez en ligne").HangUp());

        Assert.True(up.Passed, up.ToString());
        var status = Assert.Single(up.Call.Transcript.Webhooks, w => w.Url.AbsolutePath == "/voice/status");
        Assert.Equal((int)HttpStatusCode.NoContent, status.StatusCode);
        Assert.True(down.Passed, down.ToString());
        var apology = XDocument.Load(Repository.PathOf("docs", "fallback.xml")).Descendants("Say").Select(s => s.Value).ToList();
        Assert.Equal(2, apology.Count);
        var heard = string.Join(" | ", down.Call.Transcript.Heard);
        var (english, french) = (heard.IndexOf(apology[0].Trim(), StringComparison.Ordinal), heard.IndexOf(apology[1].Trim(), StringComparison.Ordinal));
        Assert.True(english >= 0 && french > english, $"the shipped apology, English then French, in: {heard}");
        Assert.Contains(down.Call.Transcript.Webhooks, w => w.Url.AbsolutePath == "/fallback.xml" && w.StatusCode == 200);
    }

    /// <summary>The rows of the number's configuration table in docs/twilio.md: setting, URL, method.</summary>
    private static List<(string Setting, string Url, string Method)> DocumentedConfiguration()
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "twilio.md"));
        var section = page[page.IndexOf("## The number's configuration", StringComparison.Ordinal)..];
        return [.. ConfigurationRow().Matches(section).Select(m => (m.Groups["setting"].Value.Trim(), m.Groups["url"].Value, m.Groups["method"].Value))];
    }

    private static Uri Resolve(string documented, Uri line, Uri fallback) =>
        new(documented.Replace("<line>/", line.AbsoluteUri, StringComparison.Ordinal).Replace("<fallback>/", fallback.AbsoluteUri, StringComparison.Ordinal));

    [GeneratedRegex(@"^\| (?<setting>[^|`]+) \| `(?<url>[^`]+)` \| (?<method>GET|POST) \|$", RegexOptions.Multiline)]
    private static partial Regex ConfigurationRow();

    /// <summary>A plain static file host (GET only, files as they are, <c>.xml</c> as <c>text/xml</c>), as object storage or a CDN serves them.</summary>
    private sealed class StaticHost(WebApplication app, Uri baseAddress) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        public static async Task<StaticHost> StartAsync(string folder)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new StaticHost(app, new Uri(address.TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
