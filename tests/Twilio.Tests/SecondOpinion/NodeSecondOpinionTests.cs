using System.Net;
using System.Text;
using System.Text.Json;
using PhoneBooking.Testing;
using PhoneBooking.Twilio.AspNetCore;
using PhoneBooking.Twilio.Security;
using PhoneBooking.Twilio.Tests.AspNetCore;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using Task = System.Threading.Tasks.Task;
using HttpMethod = Twilio.Http.HttpMethod;

namespace PhoneBooking.Twilio.Tests.SecondOpinion;

/// <summary>Twilio's official Node helper checks our signatures and our TwiML (see node/second-opinion.js).</summary>
public class NodeSecondOpinionTests
{
    private const int Seed = 20261123;

    [Fact]
    public async Task Signatures_OnRandomUrlsAndParams_AgreeWithTwilioNodeBothWays()
    {
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, 40).Select(_ => RandomRequest(random)).ToList();
        var ours = cases.Select(c => TwilioSigner.Sign(c.Token, c.Url, c.Pairs)).ToList();

        var node = await NodeSecondOpinion.AskAsync(new
        {
            validate = cases.Select((c, i) => new { token = c.Token, url = c.Url, @params = c.NodeParams, signature = ours[i] })
                .Concat(cases.Select((c, i) => new { token = c.Token, url = c.Url + "&tampered=1", @params = c.NodeParams, signature = ours[i] })),
            sign = cases.Select(c => new { token = c.Token, url = c.Url, @params = c.NodeParams }),
        });

        var verdicts = node.GetProperty("validate").EnumerateArray().Select(v => v.GetBoolean()).ToList();
        var nodeSignatures = node.GetProperty("sign").EnumerateArray().Select(v => v.GetString()!).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            var context = $"seed {Seed}, case {i}: {cases[i].Url}";
            Assert.True(verdicts[i], $"twilio-node refused our signature ({context})");
            Assert.False(verdicts[cases.Count + i], $"twilio-node accepted our signature for a changed URL ({context})");
            Assert.True(nodeSignatures[i] == ours[i], $"twilio-node signed differently ({context})");
            Assert.True(new TwilioSignature(cases[i].Token).IsValid(cases[i].Url, cases[i].Pairs, nodeSignatures[i]), context);
        }
    }

    [Fact]
    public async Task Webhook_SignedByTwilioNode_IsAcceptedByOurFilterOverRealHttp()
    {
        await using var host = await WebhookHost.StartAsync();
        var url = host.BaseUrl + "/voice/answer?step=birth-date";
        KeyValuePair<string, string>[] form = [new("CallSid", "CA22222222222222222222222222222222"), new("Digits", "19450317"), new("SpeechResult", "mars, dix-sept — élan")];
        var node = await NodeSecondOpinion.AskAsync(new { sign = new[] { new { token = WebhookHost.Token, url, @params = form.ToDictionary(p => p.Key, p => p.Value) } } });

        using var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", node.GetProperty("sign")[0].GetString());
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> TwiMLCases => ["say-ssml", "gather-menu", "queue-and-dial", "escaping"];

    [Theory]
    [MemberData(nameof(TwiMLCases))]
    public async Task TwiML_SameDocumentBuiltWithTwilioNode_IsEquivalent(string name)
    {
        var node = await NodeSecondOpinion.AskAsync(new { twiml = new[] { name } });

        XmlSemantics.AssertEquivalent(node.GetProperty("twiml").GetProperty(name).GetString()!, TwiMLResult.Render(Build(name)));
    }

    /// <summary>The documents node/second-opinion.js builds, written with the C# SDK as the line uses it.</summary>
    private static VoiceResponse Build(string name)
    {
        Uri Relative(string url) => new(url, UriKind.Relative);
        switch (name)
        {
            case "say-ssml":
                var say = new Say("Votre code est", Say.VoiceEnum.PollyChantal, 2, Say.LanguageEnum.FrCa)
                    .Break(SsmlBreak.StrengthEnum.Medium, "500ms")
                    .SayAs("AB12", SsmlSayAs.InterpretAsEnum.SpellOut);
                say.AddText(" le ");
                return new VoiceResponse().Append(say
                    .SayAs("20261123", SsmlSayAs.InterpretAsEnum.Date, SsmlSayAs.FormatEnum.Yyyymmdd)
                    .Prosody("Écoutez bien.", volume: "loud", rate: "slow", pitch: "low")
                    .Emphasis("important", SsmlEmphasis.LevelEnum.Strong)
                    .P("Un paragraphe.")
                    .S("Une phrase."));
            case "gather-menu":
                return new VoiceResponse()
                    .Append(new Gather(
                            input: [Gather.InputEnum.Dtmf, Gather.InputEnum.Speech],
                            action: Relative("/voice/menu?step=1&lang=en"),
                            method: HttpMethod.Post,
                            timeout: 8,
                            speechTimeout: "auto",
                            finishOnKey: "#",
                            numDigits: 1,
                            language: Gather.LanguageEnum.EnCa,
                            hints: "book, cancel, agent",
                            actionOnEmptyResult: true)
                        .Say("Press 1 to book, 2 to hear a booking, 0 for a person.", language: Say.LanguageEnum.EnCa)
                        .Pause(1)
                        .Play(new Uri("https://cdn.example.test/tone.mp3"), loop: 1))
                    .Redirect(Relative("/voice/menu?retry=1"), HttpMethod.Post);
            case "queue-and-dial":
                return new VoiceResponse()
                    .Enqueue("agents", action: Relative("/voice/queue/left"), method: HttpMethod.Post, waitUrl: Relative("/voice/queue/wait"), waitUrlMethod: HttpMethod.Get)
                    .Leave()
                    .Append(new Dial(action: Relative("/voice/dial-done"), method: HttpMethod.Post, timeout: 20, callerId: "+15145550199", record: Dial.RecordEnum.DoNotRecord)
                        .Number("+15145550100", sendDigits: "ww1", url: Relative("/voice/whisper"), method: HttpMethod.Get)
                        .Queue("agents", url: Relative("/voice/agent-whisper"))
                        .Client("agent-7")
                        .Sip(new Uri("sip:desk@pbx.example.test"), username: "desk", password: "s3cret"))
                    .Pause(2)
                    .Play(new Uri("https://cdn.example.test/hold.mp3"), loop: 0)
                    .Hangup()
                    .Reject(Reject.ReasonEnum.Busy);
            case "escaping":
                return new VoiceResponse()
                    .Say("Tom & Jerry <say> \"quoted\" 'single' > done — élan")
                    .Redirect(Relative("/voice/next?a=1&b=<2>"));
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "No such TwiML case.");
        }
    }

    private static SignedRequest RandomRequest(Random random)
    {
        const string Safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~";
        string Word(int max) => new([.. Enumerable.Range(0, random.Next(1, max)).Select(_ => Safe[random.Next(Safe.Length)])]);
        string[] valueParts = ["+1514555", "0123", " ", "é", "—", "&", "=", "'", "%", "+", "日本", "😀", "\"", "<", "Bonjour"];
        string Value() => string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => valueParts[random.Next(valueParts.Length)]));

        var port = random.Next(3) switch { 0 => string.Empty, 1 => ":8443", _ => ":443" };
        var query = string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word(6) + "=" + Uri.EscapeDataString(Value())));
        var url = $"{(random.Next(2) == 0 ? "https" : "http")}://{Word(10).ToLowerInvariant()}.example.test{port}/{Word(8)}/{Word(8)}?{query}";

        string[] names = ["CallSid", "From", "To", "Digits", "SpeechResult", "Caller", "AccountSid", "CallStatus", "Confidence", "digits"];
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var name in names.OrderBy(_ => random.Next()).Take(random.Next(0, names.Length)))
        {
            // Now and then a repeated field with distinct values, as Twilio sends for list parameters.
            var count = random.Next(5) == 0 ? 2 : 1;
            foreach (var value in Enumerable.Range(0, count).Select(i => Value() + i).Distinct())
            {
                pairs.Add(new(name, value));
            }
        }

        return new SignedRequest(Word(32), url, pairs);
    }

    private sealed record SignedRequest(string Token, string Url, List<KeyValuePair<string, string>> Pairs)
    {
        /// <summary>The shape twilio-node takes: one value, or an array for a repeated field.</summary>
        public Dictionary<string, object> NodeParams => Pairs.GroupBy(p => p.Key).ToDictionary(
            g => g.Key,
            g => g.Count() == 1 ? (object)g.Single().Value : g.Select(p => p.Value).ToArray());
    }
}
