using System.Xml.Linq;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>Posts voice webhooks to the line as Twilio would: a form, signed with the line's auth token.</summary>
internal sealed class SignedWebhooks(HttpClient client, string callSid, string from = "+14165550123")
{
    public const string DevAuthToken = "local-dev-auth-token";

    public string CallSid { get; } = callSid;

    /// <summary>The turn the line asked for in its last Gather action.</summary>
    public int Turn { get; private set; }

    public XDocument? Last { get; private set; }

    public static string NewCallSid() => "CA" + Guid.NewGuid().ToString("N");

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, IDictionary<string, string> fields, string? signature = null)
    {
        var url = new Uri(client.BaseAddress!, pathAndQuery).ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSigner.Sign(DevAuthToken, url, fields));
        return client.SendAsync(request);
    }

    public Dictionary<string, string> Fields(params (string Name, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["CallSid"] = CallSid,
            ["AccountSid"] = "AC00000000000000000000000000000000",
            ["From"] = from,
            ["To"] = "+15550100000",
            ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return fields;
    }

    public async Task<XDocument> DialAsync() => await TwimlAsync("/voice", Fields(("CallStatus", "ringing")));

    /// <summary>Answers the current prompt with keys (or silence with null).</summary>
    public async Task<XDocument> PressAsync(string? keys) =>
        await TwimlAsync($"/voice/input?turn={Turn}", keys is null ? Fields() : Fields(("Digits", keys)));

    /// <summary>
    /// Types an entry as Twilio delivers it: the first key alone (the entry's first Gather takes one key),
    /// then the rest to the next Gather, which ends on # (left out of Digits, given as FinishedOnKey).
    /// </summary>
    public async Task<XDocument> TypeAsync(string keys)
    {
        // A secret (a PIN) is gathered in one piece: the Gather already ends on #.
        if (Last?.Descendants("Gather").SingleOrDefault()?.Attribute("finishOnKey")?.Value == "#")
        {
            return await TwimlAsync($"/voice/input?turn={Turn}", Fields(("Digits", keys.TrimEnd('#')), ("FinishedOnKey", "#")));
        }

        var first = await PressAsync(keys[..1]);
        if (first.Descendants("Gather").SingleOrDefault()?.Attribute("finishOnKey")?.Value != "#")
        {
            return first;
        }

        var rest = keys[1..].TrimEnd('#');
        return await TwimlAsync($"/voice/input?turn={Turn}", Fields(("Digits", rest), ("FinishedOnKey", "#")));
    }

    public async Task<XDocument> TwimlAsync(string pathAndQuery, IDictionary<string, string> fields)
    {
        using var response = await PostAsync(pathAndQuery, fields);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Last = XDocument.Parse(await response.Content.ReadAsStringAsync());
        if (Last.Descendants("Gather").FirstOrDefault()?.Attribute("action")?.Value is { } action && action.Contains("turn=", StringComparison.Ordinal))
        {
            Turn = int.Parse(action[(action.IndexOf("turn=", StringComparison.Ordinal) + 5)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        return Last;
    }

    /// <summary>Everything the caller hears in a document, in order.</summary>
    public static string Heard(XDocument twiml) => string.Join(" ", twiml.Descendants("Say").Select(s => s.Value));
}
